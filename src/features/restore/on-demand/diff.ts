import { isLanguage } from '../../../i18n'
import type { Bot, Command } from '../../../imbot'
import { excessLength, storedOfListed } from '../../../imbot/on-demand/command-rules'
import { commandFlags, type Flag, type TextField, textFields } from '../../../shared/command/fields'
import { titleLanguage } from '../../../shared/command/on-demand/title-language'
import { commandsByTrigger } from './by-trigger'
import type { FileCommand } from './check-file'

export type DiffField = TextField | Flag
export const diffFields: readonly DiffField[] = [...textFields, ...commandFlags]

/**
 * The languages of one command's title and hint: the file's, and the one its bot's list is read in here. Titles are
 * compared only when they are the same: the app cannot read a portal's titles in any other language (Command.list
 * answers in the request's language, which a REST call cannot choose).
 */
export interface TitleLanguages {
  file: string
  list: string
}
export const titlesComparable = (languages: TitleLanguages): boolean => languages.file === languages.list

/** What Bitrix24 would change, or what would not work, in a trigger as the file writes it. */
export type TriggerWarning =
  /** Only a space ends a trigger in chat: Bitrix24 stores it, but no one can call it. */
  'space'

/** A text of the file too long for Bitrix24 (stored length, emoji as 10), and by how much. */
export interface TooLong {
  field: 'command' | TextField
  by: number
}

type Found = { key: string; file: FileCommand; bot: Bot; languages: TitleLanguages }

/** What a command of the file is to the portal now. */
export type RestoreEntry =
  /** Its bot has no such command: it can be registered again; `unknown` are the flags the file does not know. */
  | (Found & { kind: 'gone'; unknown: Flag[]; warnings: TriggerWarning[] })
  /** The bot has it, with another flag (or title or hint, in the same language): it can be updated to the file's. */
  | (Found & { kind: 'differs'; current: Command; fields: DiffField[] })
  | (Found & { kind: 'unchanged'; current: Command })
  | {
      kind: 'blocked'
      key: string
      file: FileCommand
      bot: Bot | null
      reason: BlockedReason
      /** For `tooLong`: what is too long, by how much. */
      tooLong?: TooLong[]
    }

export type BlockedReason =
  /** No bot of this application (or webhook token) here has the file's bot code or id. */
  | 'botMissing'
  /** The bot's commands could not be read now, so nothing of it is sent. */
  | 'listUnreadable'
  /** A visible command needs a title (COMMAND_TITLE_REQUIRED) and the file has none. */
  | 'titleMissing'
  /** The same bot and command appear earlier in the file. */
  | 'duplicate'
  /** A trigger, title or hint over 255 stored characters: Bitrix24 would drop it without a word. */
  | 'tooLong'
  /** The file's titles are under a language id that is not Bitrix24's: no one would ever see them. */
  | 'language'

/** The commands of the file that belong to one bot of the file. */
export interface BotGroup {
  key: string
  /** The bot's name: the portal's, or the file's when no bot here matches. */
  name: string
  bot: Bot | null
  entries: RestoreEntry[]
}

/** The portal now: the application's bots and, per bot, its commands (null when its list could not be read). */
export interface PortalNow {
  bots: readonly Bot[]
  commands: ReadonlyMap<number, readonly Command[] | null>
  /** The client's language, for a bot whose language Bot.list leaves out (see titleLanguage). */
  clientLang: string
}

/**
 * The file's bot here: the bot with its code (bot ids differ from portal to portal), else the bot with its id
 * (when the file names no code, or the same code).
 */
export function matchBot(file: FileCommand['bot'], bots: readonly Bot[]): Bot | null {
  if (file.code !== '') {
    const byCode = bots.find((bot) => bot.code === file.code)
    if (byCode) return byCode
  }
  const byId = file.id === null ? undefined : bots.find((bot) => bot.id === file.id)
  return byId && (file.code === '' || byId.code === '') ? byId : null
}

/** The languages of a command of the file on a bot here (a file without a language is taken to be in the list's). */
export function languagesOf(file: FileCommand, bot: Bot, clientLang: string): TitleLanguages {
  const list = titleLanguage(bot, clientLang)
  return { file: file.language ?? list, list }
}

/**
 * The fields in which the portal's command differs from the file's. What either side leaves unsaid is not compared:
 * a flag an answer does not give (null; live lists leave out `hidden`), an empty title or hint in the file (builds
 * before BOT-FIX-0408-3 list every title as "", so an empty one in an export says nothing, and restoring it would
 * wipe the real one), and titles and hints in another language than the list's.
 */
export function differences(file: FileCommand, current: Command, languages: TitleLanguages): DiffField[] {
  const comparable = titlesComparable(languages)
  return diffFields.filter((field) => {
    if ((field === 'title' || field === 'params') && !comparable) return false
    const a = file[field]
    const b = current[field]
    if (a === null || b === null || a === '') return false
    return a !== b
  })
}

/** The texts among `fields` that are too long for Bitrix24 to keep, and by how much. */
export function tooLong(file: FileCommand, fields: readonly TooLong['field'][]): TooLong[] {
  return fields.flatMap((field) => {
    const by =
      field === 'command' ? excessLength(storedOfListed(file.command), 'trigger') : excessLength(file[field])
    return by > 0 ? [{ field, by }] : []
  })
}

/** What Bitrix24 would change in the file's trigger, or what would keep it from working in chat. */
export function triggerWarnings(file: FileCommand): TriggerWarning[] {
  return [...(file.command.includes(' ') ? ['space' as const] : [])]
}

/** Sorts every command of the file, per bot, into gone, differs, unchanged and cannot be restored (and why). */
export function diffWithPortal(commands: readonly FileCommand[], now: PortalNow): BotGroup[] {
  const groups = new Map<string, BotGroup>()
  const seen = new Set<string>()
  const finders = new Map(
    [...now.commands].map(([botId, list]) => [botId, list ? commandsByTrigger(list) : null] as const),
  )
  for (const file of commands) {
    const bot = matchBot(file.bot, now.bots)
    const groupKey = bot ? `bot-${bot.id}` : `file-${file.bot.code || file.bot.id}`
    let group = groups.get(groupKey)
    if (!group) {
      group = { key: groupKey, name: bot?.name || file.bot.name || file.bot.code, bot, entries: [] }
      groups.set(groupKey, group)
    }
    // Triggers are case-sensitive (`/Help` and `/help` are two commands), so keys are too.
    const key = `${groupKey}:${file.command}`
    group.entries.push(entryFor(file, bot, key, seen, now.clientLang, finders))
    seen.add(key)
  }
  return [...groups.values()]
}

function entryFor(
  file: FileCommand,
  bot: Bot | null,
  key: string,
  seen: ReadonlySet<string>,
  clientLang: string,
  finders: ReadonlyMap<number, ((trigger: string) => Command | undefined) | null>,
): RestoreEntry {
  const unique = seen.has(key) ? `${key}#${file.entry}` : key
  if (!bot) return { kind: 'blocked', key: unique, file, bot, reason: 'botMissing' }
  if (seen.has(key)) return { kind: 'blocked', key: unique, file, bot, reason: 'duplicate' }
  const find = finders.get(bot.id)
  if (!find) return { kind: 'blocked', key, file, bot, reason: 'listUnreadable' }
  const languages = languagesOf(file, bot, clientLang)
  const found = { key, file, bot, languages }
  const current = find(file.command)
  if (current) {
    const fields = differences(file, current, languages)
    if (fields.length === 0) return { ...found, kind: 'unchanged', current }
    // Only what an update would send is checked: the titles and hints that differ.
    const long = tooLong(
      file,
      fields.filter((field) => field === 'title' || field === 'params'),
    )
    if (long.length > 0) return { kind: 'blocked', key, file, bot, reason: 'tooLong', tooLong: long }
    return { ...found, kind: 'differs', current, fields }
  }
  const long = tooLong(file, ['command', 'title', 'params'])
  if (long.length > 0) return { kind: 'blocked', key, file, bot, reason: 'tooLong', tooLong: long }
  if (file.title.trim() !== '' && !isLanguage(languages.file)) {
    return { kind: 'blocked', key, file, bot, reason: 'language' }
  }
  if (file.hidden !== true && file.title.trim() === '') {
    return { kind: 'blocked', key, file, bot, reason: 'titleMissing' }
  }
  const unknown = commandFlags.filter((field) => file[field] === null)
  return { ...found, kind: 'gone', unknown, warnings: triggerWarnings(file) }
}
