import { type Command, type CommandListing, listCommands, NotSent, slowDownCodes } from '../../../imbot'
import { describeError } from '../../../imbot/on-demand/error-catalogue'
import { type PortalClient, PortalError } from '../../../portal'
import { retryDelay } from '../retry-policy'
import { nextChance } from './next-chance'

// The bots' lists as they are now, read past the page's cache: after an action, what the portal really did is
// what its lists say (a lost answer, a call that failed after the server acted). The one reader of them for
// removal, edit and restore; the page's own lists are queries (use-command-lists.ts).

/** A bot's commands as listed now; null when its list could not be read. */
export type ListNow = readonly Command[] | null

export interface ReadOptions {
  /** How many times a list may be read in all: more than one reads again what a wait can help. */
  readings?: number
  /** Asked before each reading again: true gives the reading up (the lists read so far stand). */
  givenUp?: () => boolean
}

/** Whether waiting can help a list that could not be read: no connection, no answer, or Bitrix24 asked to slow down. */
function worthReadingAgain(answer: CommandListing | PortalError | NotSent | undefined): boolean {
  const error = answer instanceof NotSent ? answer.cause : answer
  if (!(error instanceof PortalError)) return answer === undefined
  return slowDownCodes.has(error.code) || describeError(error).kind === 'network'
}

/**
 * Reads the bots' lists (one `batch` per 50 bots). A list that could not be read for a reason a wait can help is
 * read again, after the retry policy's growing wait (or as soon as the connection is back), up to `readings` times.
 */
export async function readListsNow(
  client: PortalClient,
  botIds: readonly number[],
  { readings = 1, givenUp = () => false }: ReadOptions = {},
): Promise<Map<number, ListNow>> {
  const lists = new Map<number, ListNow>()
  let pending = [...new Set(botIds)]
  for (let reading = 0; pending.length > 0; reading++) {
    const answers = await listCommands(client, pending).catch(() => [])
    const again: number[] = []
    pending.forEach((botId, index) => {
      const answer = answers[index]
      const readable =
        answer !== undefined && !(answer instanceof NotSent) && !(answer instanceof PortalError)
      lists.set(botId, readable ? answer.items : null)
      if (!readable && worthReadingAgain(answer)) again.push(botId)
    })
    if (again.length === 0 || reading + 1 >= readings) break
    await nextChance(retryDelay(reading))
    if (givenUp()) break
    pending = again
  }
  return lists
}

/**
 * Settles outcomes by lists read now (readListsNow): hands each item whose bot's list could be read to `settle`,
 * with that list. An item whose bot's list stayed unreadable keeps the outcome it has.
 */
export function settleByListing<Item>(
  lists: ReadonlyMap<number, ListNow>,
  items: readonly Item[],
  botOf: (item: Item) => number,
  settle: (item: Item, list: readonly Command[]) => void,
): void {
  for (const item of items) {
    const list = lists.get(botOf(item))
    if (list) settle(item, list)
  }
}
