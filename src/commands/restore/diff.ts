import type { Bot, Command } from '../../imbot'
import type { FileCommand } from './check-file'

/** What a command of the file is to the portal now. */
export type RestoreEntry =
  /** Its bot has no such command: it can be registered again. */
  | { kind: 'gone'; key: string; file: FileCommand; bot: Bot }
  /** The bot has it, with another title, hint or flags: it can be updated to the file's. */
  | { kind: 'differs'; key: string; file: FileCommand; bot: Bot; current: Command; fields: DiffField[] }
  | { kind: 'unchanged'; key: string; file: FileCommand; bot: Bot; current: Command }
  | { kind: 'blocked'; key: string; file: FileCommand; bot: Bot | null; reason: BlockedReason }

export type DiffField = 'title' | 'params' | 'common' | 'hidden' | 'extranetSupport'
export const diffFields: readonly DiffField[] = ['title', 'params', 'common', 'hidden', 'extranetSupport']

export type BlockedReason =
  /** No bot of this application (or webhook token) here has the file's bot code or id. */
  | 'botMissing'
  /** The bot's commands could not be read now, so nothing of it is sent. */
  | 'listUnreadable'
  /** A visible command needs a title (COMMAND_TITLE_REQUIRED) and the file has none. */
  | 'titleMissing'
  /** The same bot and command appear earlier in the file. */
  | 'duplicate'

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

/** Bitrix24 matches triggers without regard to case. */
export const sameTrigger = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * The fields in which the portal's command differs from the file's. What either side leaves unsaid is not compared:
 * a flag an answer does not give (null), and an empty title or hint in the file (builds before BOT-FIX-0408-3 list
 * every title as "", so an empty one in an export says nothing, and restoring it would wipe the real one).
 */
export function differences(file: FileCommand, current: Command): DiffField[] {
  return diffFields.filter((field) => {
    const a = file[field]
    const b = current[field]
    if (a === null || b === null || a === '') return false
    return a !== b
  })
}

/** Sorts every command of the file, per bot, into gone, differs, unchanged and cannot be restored (and why). */
export function diffWithPortal(commands: readonly FileCommand[], now: PortalNow): BotGroup[] {
  const groups = new Map<string, BotGroup>()
  const seen = new Set<string>()
  for (const file of commands) {
    const bot = matchBot(file.bot, now.bots)
    const groupKey = bot ? `bot-${bot.id}` : `file-${file.bot.code || file.bot.id}`
    let group = groups.get(groupKey)
    if (!group) {
      group = { key: groupKey, name: bot?.name || file.bot.name || file.bot.code, bot, entries: [] }
      groups.set(groupKey, group)
    }
    const key = `${groupKey}:${file.command.toLowerCase()}`
    group.entries.push(entryFor(file, bot, key, seen, now))
    seen.add(key)
  }
  return [...groups.values()]
}

function entryFor(
  file: FileCommand,
  bot: Bot | null,
  key: string,
  seen: ReadonlySet<string>,
  now: PortalNow,
): RestoreEntry {
  const unique = seen.has(key) ? `${key}#${file.entry}` : key
  if (!bot) return { kind: 'blocked', key: unique, file, bot, reason: 'botMissing' }
  if (seen.has(key)) return { kind: 'blocked', key: unique, file, bot, reason: 'duplicate' }
  const list = now.commands.get(bot.id)
  if (!list) return { kind: 'blocked', key, file, bot, reason: 'listUnreadable' }
  const current = list.find((command) => sameTrigger(command.command, file.command))
  if (current) {
    const fields = differences(file, current)
    return fields.length > 0
      ? { kind: 'differs', key, file, bot, current, fields }
      : { kind: 'unchanged', key, file, bot, current }
  }
  if (file.hidden !== true && file.title.trim() === '') {
    return { kind: 'blocked', key, file, bot, reason: 'titleMissing' }
  }
  return { kind: 'gone', key, file, bot }
}
