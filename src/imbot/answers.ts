import { malformedAnswer } from '../portal'
import {
  count,
  entriesOf,
  flag,
  id,
  isRecord,
  named,
  positiveId,
  readEach,
  readFields,
  type Schema,
  text,
  Unreadable,
} from './fields'
import type { Bot, Command, CommandListing, Listing } from './types'

// Bitrix24's answers, read the way live portals send them as well as the way the docs describe them
// (shared/reference/live-portal.md). Each entry is read on its own: one odd entry is set aside, counted and
// shown raw under "details", never a reason to lose the others. Only an answer that is not a list at all
// fails, with a clear MALFORMED_ANSWER.

/** The list under `key` of a method's result, or a MALFORMED_ANSWER naming what was wrong. */
function listIn(value: unknown, key: string, method: string): unknown[] {
  // PHP encodes an empty result object as [].
  const result = Array.isArray(value) && value.length === 0 ? {} : value
  const entries = isRecord(result) ? entriesOf(result[key]) : null
  if (!entries) throw malformedAnswer(method, `Unexpected answer shape: result.${key} is not a list`)
  return entries
}

/**
 * The trigger as the list shows it: the portal lists `"/" + stored`, and a stored trigger may itself begin with a
 * slash or a space (any character is allowed), so nothing more is stripped or trimmed. An answer in the docs'
 * shape without the slash gets one.
 */
function slashCommand(value: unknown): string {
  const name = typeof value === 'string' ? value : ''
  if (name === '' || name === '/') throw new Unreadable('no command')
  return name.startsWith('/') ? name : `/${name}`
}

const commandSchema: Schema<Command> = {
  id: (entry) => id(entry.id),
  botId: (entry) => id(entry.botId),
  command: (entry) => slashCommand(entry.command),
  title: (entry) => text(entry.title),
  params: (entry) => text(entry.params),
  common: (entry) => flag(entry.common),
  hidden: (entry) => flag(entry.hidden),
  // Live portals call it `extranet`; the docs, `extranetSupport`.
  extranetSupport: (entry) => flag(named(entry, 'extranetSupport', 'extranet')),
  category: (entry) => text(entry.category),
  context: (entry) => text(entry.context),
}

/**
 * Live portals list their built-in commands (ids "def0"…, botId 0) inside every bot's list. An entry whose id
 * is not a positive integer, or whose botId is another bot's, is not this bot's: not shown, not counted.
 */
function isAnotherBots(entry: unknown, botId: number): boolean {
  return isRecord(entry) && (positiveId(entry.id) === null || positiveId(entry.botId) !== botId)
}

/** imbot.v2.Command.list for one bot: its own commands, and the entries that could not be read. */
export function parseCommandList(value: unknown, botId: number): CommandListing {
  const entries = listIn(value, 'commands', 'imbot.v2.Command.list')
  return readEach(entries, (entry) =>
    isAnotherBots(entry, botId) ? undefined : readFields(entry, commandSchema),
  )
}

type BotFields = Omit<Bot, 'name'>

const botSchema: Schema<BotFields> = {
  id: (entry) => id(entry.id),
  code: (entry) => text(entry.code),
  type: (entry) => text(entry.type),
  isHidden: (entry) => flag(entry.isHidden) ?? false,
  countCommand: (entry) => count(entry.countCommand),
  language: (entry) => text(entry.language).toLowerCase() || null,
}

/** One page of imbot.v2.Bot.list: bots (named from `users`), unreadable entries, and whether more may follow. */
export interface BotPage extends Listing<Bot> {
  hasNextPage: boolean
}

export function parseBotPage(value: unknown): BotPage {
  const method = 'imbot.v2.Bot.list'
  const entries = listIn(value, 'bots', method)
  const answer = isRecord(value) ? value : {}
  // Bots are users in Bitrix24: their names live on the user records. A user that cannot be read only costs
  // its bot the name (the code stands in), so users are read leniently.
  const names = new Map<number, string>()
  for (const user of entriesOf(answer.users) ?? []) {
    if (!isRecord(user)) continue
    const userId = positiveId(user.id)
    if (userId !== null && typeof user.name === 'string') names.set(userId, user.name)
  }
  const listing = readEach(entries, (entry): Bot => {
    const bot = readFields(entry, botSchema)
    return { ...bot, name: names.get(bot.id) || bot.code || `#${bot.id}` }
  })
  let hasNextPage = false
  try {
    hasNextPage = flag(answer.hasNextPage) ?? false
  } catch {
    // An unreadable hasNextPage cannot promise more pages.
  }
  return { ...listing, hasNextPage }
}
