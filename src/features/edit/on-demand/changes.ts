import type { MessageKey } from '../../../i18n'
import { isLanguage } from '../../../i18n'
import type { Command } from '../../../imbot'
import {
  excessLength,
  listedTrigger,
  losesSecondSlash,
  sameTrigger,
  sentTrigger,
  storedOfListed,
  storedTrigger,
} from '../../../imbot/on-demand/command-rules'
import type { CommandChanges } from '../../../imbot/on-demand/update'
import { commandFlags, type Flag } from '../../../shared/command/fields'

/** A title and hint in one language other than the list's, as typed. */
export interface LanguageTexts {
  language: string
  title: string
  params: string
}

/** What the form holds when the admin saves. */
export interface EditForm {
  /** As typed, with or without its slash. */
  trigger: string
  /** Title and hint in the list's language (the bot's language: see useTitleLanguage). */
  title: string
  params: string
  flags: Record<Flag, boolean | null>
  /** Titles and hints added in other languages. */
  extra: readonly LanguageTexts[]
}

/**
 * Why a field cannot be sent as it is, said under it. `field` is `command`, `title`, `params`, or
 * `title-{language}` / `params-{language}` of an added language; `language` names a language the words mention.
 */
export interface FieldProblem {
  field: string
  problem: MessageKey
  values?: Record<string, string | number>
  language?: string
}

export type EditPlan =
  /** What stops the save, one problem per field at fault (never empty); nothing is sent. */
  | { problems: readonly FieldProblem[] }
  | { changes: CommandChanges; after: Command }
  /** Nothing was changed: nothing is sent. */
  | { unchanged: true }

/** The trigger as the form shows it at first: the listed command without its slash. */
export const triggerOf = (command: Command): string => storedOfListed(command.command)

/** The trigger typed, as the portal would store it, when it differs from the listed one (else undefined). */
function typedTrigger(command: Command, typed: string): string | undefined {
  const trimmed = typed.trim()
  if (trimmed === triggerOf(command)) return undefined
  const stored = storedTrigger(trimmed)
  return listedTrigger(stored) === command.command ? undefined : stored
}

/** A warning about the trigger as typed, shown before it is saved: the portal strips a second slash. */
export function triggerWarning(command: Command, typed: string): { command: string } | undefined {
  const trimmed = typed.trim()
  if (trimmed === triggerOf(command) || !losesSecondSlash(trimmed)) return undefined
  return { command: listedTrigger(storedTrigger(trimmed)) }
}

/**
 * What to send for an edit, only what the admin changed, or why not, checked before anything is sent against what
 * Bitrix24's server does with it (it drops what breaks its rules silently: src/imbot/command-rules.ts).
 * - The trigger: not empty once the portal strips its slashes, no space (a space ends a command in chat; any other
 *   character is accepted), at most 255 characters, not another command of the bot (exact case: the portal
 *   matches triggers case-sensitively).
 * - Titles and hints: at most 255 stored characters each (an emoji counts as 10); languages only Bitrix24's ids. A
 *   title in the list's language is not cleared on a command that is not marked hidden (it could not be restored).
 *   Bitrix24 keeps the other languages of a command (imbot.v2.Command.update merges the languages sent into the
 *   stored ones), so only the languages changed or added are sent. A hint is read only with its title in the same
 *   call, so a changed hint takes its title along, and an empty title cannot go along (portals before
 *   BOT-FIX-0408-3 list every title as "": it would wipe the real one), so the admin is asked for it. A changed
 *   title in the list's language takes the hint shown along: the one the form showed may have come from another
 *   language (the list falls back to one when a command has no title in its own), and the portal would otherwise
 *   give the new title an empty hint.
 */
export function planEdit(
  command: Command,
  form: EditForm,
  siblings: readonly Command[],
  /** The list's language: the title and hint of the form are in it. */
  language: string,
): EditPlan {
  const problems: FieldProblem[] = []
  const changes: { -readonly [K in keyof CommandChanges]: CommandChanges[K] } = {}
  const tooLong = (text: string, field: string) => {
    const count = excessLength(text)
    if (count > 0) problems.push({ field, problem: 'edit.problem.tooLong', values: { count } })
  }

  const stored = typedTrigger(command, form.trigger)
  if (stored !== undefined) {
    const taken = siblings.find(
      (other) => other.id !== command.id && sameTrigger(other.command, listedTrigger(stored)),
    )
    const problem: FieldProblem | undefined =
      stored === ''
        ? { field: 'command', problem: 'edit.problem.empty' }
        : stored.includes(' ')
          ? { field: 'command', problem: 'edit.problem.spaces' }
          : taken
            ? { field: 'command', problem: 'edit.problem.taken', values: { command: taken.command } }
            : undefined
    if (problem) problems.push(problem)
    else if (excessLength(stored, 'trigger') > 0) {
      // The trigger's column keeps emoji as they are (one character each), unlike titles and hints.
      const count = excessLength(stored, 'trigger')
      problems.push({ field: 'command', problem: 'edit.problem.triggerTooLong', values: { count } })
    }
    changes.command = sentTrigger(stored)
  }

  const titles: Record<string, string> = {}
  const hints: Record<string, string> = {}
  const titleChanged = form.title !== command.title
  const hintChanged = form.params !== command.params
  const untitled = form.title.trim() === ''
  if (titleChanged && untitled && form.flags.hidden !== true) {
    // A visible command (or one that may be: live portals do not list `hidden`) needs a title: register refuses one
    // without (COMMAND_TITLE_REQUIRED, imbot/lib/V2/Controller/Command.php registerAction), and an export holds only
    // the list's language, so a restore could not bring the command back. A hidden command may have none.
    problems.push({ field: 'title', problem: 'edit.problem.titleRequired', language })
  } else if (hintChanged && untitled) {
    problems.push({ field: 'title', problem: 'edit.problem.hintWithoutTitle', language })
  }
  if (titleChanged || hintChanged) {
    titles[language] = form.title
    tooLong(form.title, 'title')
    if (hintChanged || form.params !== '') {
      hints[language] = form.params
      tooLong(form.params, 'params')
    }
  }
  for (const row of form.extra) {
    const field = `title-${row.language}`
    if (!isLanguage(row.language) || row.language === language) {
      problems.push({ field, problem: 'edit.problem.language', language: row.language })
      continue
    }
    if (row.params.trim() && !row.title.trim()) {
      problems.push({ field, problem: 'edit.problem.hintWithoutTitle', language: row.language })
    }
    if (row.title.trim()) {
      titles[row.language] = row.title
      tooLong(row.title, field)
    }
    if (row.params.trim()) {
      hints[row.language] = row.params
      tooLong(row.params, `params-${row.language}`)
    }
  }
  if (problems.length > 0) return { problems }
  if (Object.keys(titles).length > 0) changes.title = titles
  if (Object.keys(hints).length > 0) changes.params = hints
  for (const flag of commandFlags) {
    const value = form.flags[flag]
    if (value !== null && value !== command[flag]) changes[flag] = value
  }
  if (Object.keys(changes).length === 0) return { unchanged: true }
  return {
    changes,
    after: {
      ...command,
      command: stored === undefined ? command.command : listedTrigger(stored),
      title: form.title,
      params: form.params,
      ...form.flags,
    },
  }
}
