import type { Command } from '../../../imbot'
import { sentOfListed } from '../../../imbot/on-demand/command-rules'
import type { CommandRegistration } from '../../../imbot/on-demand/register'
import type { CommandChanges } from '../../../imbot/on-demand/update'
import { commandFlags, type Flag, type TextField } from '../../../shared/command/fields'
import { differences, type RestoreEntry } from './diff'

// What a restore picked, and what it sends for each pick: a registration for a gone command, the changes for one
// that is listed.

type GoneEntry = Extract<RestoreEntry, { kind: 'gone' }>
type DiffersEntry = Extract<RestoreEntry, { kind: 'differs' }>

export type FlagValues = Record<Flag, boolean>
/** The admin's choice for the flags a file does not know (live lists leave out `hidden`, so exports write null). */
export type FlagChoices = Partial<Record<Flag, boolean>>

/**
 * What a restore picked: gone commands to register, each with all three flags settled (the file's, or the admin's
 * choice where the file does not know: never Bitrix24's default `false` by omission), and differing ones to update.
 */
export type RestorePick = (GoneEntry & { flags: FlagValues; chosen: readonly Flag[] }) | DiffersEntry

/** The pick of an entry; null for a gone command while a flag the file does not know is not chosen yet. */
export function pickOf(entry: GoneEntry | DiffersEntry, choices: FlagChoices = {}): RestorePick | null {
  if (entry.kind === 'differs') return entry
  const flags: Partial<FlagValues> = {}
  for (const field of commandFlags) {
    const value = entry.file[field] ?? choices[field]
    if (value === undefined) return null
    flags[field] = value
  }
  return { ...entry, flags: flags as FlagValues, chosen: entry.unknown }
}

const textsIn = (language: string, value: string): Record<string, string> =>
  value === '' ? {} : { [language]: value }

/** The command as the restore wants it: the file's, with the flags of a gone command settled. */
export function targetOf(pick: RestorePick) {
  return pick.kind === 'gone' ? { ...pick.file, ...pick.flags } : pick.file
}

/**
 * What register needs of a command of the file: the trigger sent so that it is stored as the list showed it (`/help`
 * is stored `help`, `//x` is stored `/x`: see sentOfListed);
 * the title and hint under the file's language (the only one an export holds), and all three flags.
 */
export function registrationOf(pick: Extract<RestorePick, { kind: 'gone' }>): CommandRegistration {
  const { file, languages } = pick
  return {
    command: sentOfListed(file.command),
    title: textsIn(languages.file, file.title),
    params: textsIn(languages.file, file.params),
    ...pick.flags,
  }
}

/**
 * What update changes to make a command as the file has it: only the fields that differ, and that can be compared
 * (titles and hints only in the list's language; a flag the list leaves unsaid is not sent). Imbot.v2.Command.update
 * merges titles by language, so the command's other languages stay.
 */
export function changesOf(pick: RestorePick, current: Command): CommandChanges {
  const target = targetOf(pick)
  const language = pick.languages.list
  const changes: { -readonly [K in keyof CommandChanges]: CommandChanges[K] } = {}
  for (const field of differences(target, current, pick.languages)) {
    if (field === 'title' || field === 'params') changes[field] = { [language]: target[field] }
    else changes[field] = target[field] ?? undefined
  }
  // Update reads a hint only for the languages of the titles sent with it: a changed hint takes its title along.
  if (changes.params && !changes.title && target.title !== '') changes.title = { [language]: target.title }
  return changes
}

/** One request's worth of a pick: register a gone command, or update one listed now (`current`). */
export type Job =
  | { kind: 'register'; pick: Extract<RestorePick, { kind: 'gone' }>; fields: CommandRegistration }
  | { kind: 'update'; pick: RestorePick; current: Command; fields: CommandChanges }

/** What was sent for one command: the flags set (register sets all three) and the texts, under `language`. */
export interface Sent {
  flags: Partial<FlagValues>
  texts: TextField[]
  language: string
}

export function sentOf(job: Job): Sent {
  const flags: Partial<FlagValues> = {}
  for (const field of commandFlags) {
    const value = job.fields[field]
    if (value !== undefined) flags[field] = value
  }
  const texts = (['title', 'params'] as const).filter((field) => {
    const value = job.fields[field]
    return value !== undefined && Object.keys(value).length > 0
  })
  return {
    flags,
    texts,
    language: job.kind === 'register' ? job.pick.languages.file : job.pick.languages.list,
  }
}
