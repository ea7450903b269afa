import { type BatchCall, malformedAnswer, type PortalClient, PortalError, toPortalError } from '../portal'
import { parseBotPage, parseCommandList } from './answers'
import { entriesOf, isRecord, positiveId } from './fields'
import { batchLimit, firstPageCall, listsWithBots, noSubstitution, takeFirstAnswer } from './first-request'
import type { Bot, BotListing, CommandListing } from './types'

export { batchLimit, listsWithBots, startListingBots } from './first-request'

/**
 * A call that was never made: an earlier request of the same run failed as a whole, and the rest were not sent
 * (a connection that keeps failing is not hammered). `cause` is that failure.
 */
export class NotSent {
  constructor(readonly cause: PortalError) {}
}

/** Paging stops here whatever the portal says: 100 pages of 50 are 5,000 bots, far more than any portal has. */
export const maxBotPages = 100

/**
 * The first page of bots and the command lists that came with it (first-request.ts sends the request). A slot is
 * taken only for a bot of that very page (listed as a list, so slot i is bot i) whose answer is that bot's list:
 * slots past the last bot hold whatever the substitution reached, and a portal that does not substitute answers an
 * error, or another bot's list.
 */
async function firstPage(client: PortalClient) {
  const answer = await takeFirstAnswer(client)
  if ('page' in answer) return { value: answer.page, lists: new Map<number, CommandListing>() }
  const answers = answer.slots
  const bots = answers.bots
  if (!bots?.ok)
    throw bots
      ? new PortalError(bots.error)
      : malformedAnswer(firstPageCall.method, 'No answer for this call.')
  const lists = new Map<number, CommandListing>()
  const listed = isRecord(bots.result) ? bots.result.bots : undefined
  if (Array.isArray(listed)) {
    listed.slice(0, listsWithBots).forEach((bot, slot) => {
      const botId = isRecord(bot) ? positiveId(bot.id) : null
      const answer = answers[`c${slot}`]
      const entries = answer?.ok && isRecord(answer.result) ? entriesOf(answer.result.commands) : null
      // Bitrix24's own commands (botId 0) are in every list; an entry of another bot means another bot's list.
      const another = (entry: unknown) => isRecord(entry) && (positiveId(entry.botId) ?? botId) !== botId
      if (botId && answer?.ok && entries && !entries.some(another)) {
        lists.set(botId, parseCommandList(answer.result, botId))
      }
    })
  }
  if (lists.size === 0 && entriesOf(listed)?.length) noSubstitution.add(client)
  return { value: bots.result, lists }
}

/**
 * Every bot of the application: the pages of imbot.v2.Bot.list. Paging always ends: live portals answer
 * `hasNextPage: true` whenever a page is full (so an empty page may follow), and a portal that ignores
 * `offset` would repeat itself forever. Paging stops at an empty page, at a page that brings no bot not seen
 * before, and after {@link maxBotPages} pages (then `truncated` says so). The same bot sent twice is listed once.
 */
export async function listBots(
  client: PortalClient,
  /**
   * Hears each page's bots as it arrives, with the command lists that came with them (the others can be fetched
   * while the next page is read).
   */
  onPage: (bots: readonly Bot[], lists: ReadonlyMap<number, CommandListing>) => void = () => undefined,
): Promise<BotListing> {
  const bots = new Map<number, Bot>()
  const unreadable = new Map<string, unknown>()
  for (let page = 0; page < maxBotPages; page++) {
    const { value, lists } =
      page === 0
        ? await firstPage(client)
        : {
            value: await client.call('imbot.v2.Bot.list', { limit: batchLimit, offset: page * batchLimit }),
            lists: new Map(),
          }
    const answer = parseBotPage(value)
    const before = bots.size + unreadable.size
    onPage(
      answer.items.filter((bot) => !bots.has(bot.id)),
      lists,
    )
    for (const bot of answer.items) if (!bots.has(bot.id)) bots.set(bot.id, bot)
    for (const entry of answer.unreadable) unreadable.set(JSON.stringify(entry) ?? String(entry), entry)
    const broughtNothingNew = bots.size + unreadable.size === before
    if (!answer.hasNextPage || broughtNothingNew) {
      return { items: [...bots.values()], unreadable: [...unreadable.values()], truncated: false }
    }
  }
  return { items: [...bots.values()], unreadable: [...unreadable.values()], truncated: true }
}

/**
 * The commands of each bot, in as few HTTP requests as `batch` allows (one per 50 bots). Each bot gets
 * its own outcome, so one bot's failure (BOT_NOT_FOUND, BOT_OWNERSHIP_ERROR) leaves the others usable.
 */
export async function listCommands(
  client: PortalClient,
  botIds: readonly number[],
): Promise<(CommandListing | PortalError | NotSent)[]> {
  return runInBatches(
    client,
    botIds,
    (botId) => ({ method: 'imbot.v2.Command.list', params: { botId } }),
    (value, botId) => parseCommandList(value, botId),
  )
}

/** Calls, 50 to a `batch` request one after another, each key's outcome in order (see PortalClient.batch). */
export async function runInBatches<TKey, TValue>(
  client: PortalClient,
  keys: readonly TKey[],
  toCall: (key: TKey) => BatchCall,
  parseResult: (value: unknown, key: TKey) => TValue,
  onProgress?: (done: number) => void,
): Promise<(TValue | PortalError | NotSent)[]> {
  const outcomes: (TValue | PortalError | NotSent)[] = []
  for (let start = 0; start < keys.length; start += batchLimit) {
    const chunk = keys.slice(start, start + batchLimit)
    const calls = Object.fromEntries(chunk.map((key, index) => [`c${index}`, toCall(key)]))
    let answers: Awaited<ReturnType<PortalClient['batch']>>
    try {
      answers = await client.batch(calls)
    } catch (error) {
      // The whole request failed: every call of this chunk shares that failure (it may or may not have been
      // carried out), and the chunks after it are not sent.
      const failure = toPortalError(error, 'batch')
      for (const _ of chunk) outcomes.push(failure)
      const notSent = new NotSent(failure)
      while (outcomes.length < keys.length) outcomes.push(notSent)
      onProgress?.(outcomes.length)
      return outcomes
    }
    for (const [index, key] of chunk.entries()) {
      const call = calls[`c${index}`] as BatchCall
      const answer = answers[`c${index}`]
      if (!answer) {
        outcomes.push(malformedAnswer(call.method, 'No answer for this call.'))
      } else if (answer.ok) {
        try {
          outcomes.push(parseResult(answer.result, key))
        } catch (error) {
          outcomes.push(toPortalError(error, call.method))
        }
      } else {
        outcomes.push(new PortalError(answer.error))
      }
    }
    onProgress?.(outcomes.length)
  }
  return outcomes
}
