import type { BatchCall, BatchOutcome, PortalClient } from '../portal/types'

// The first request of an open, as it leaves: main.tsx sends it as soon as the frame connects, before React renders,
// and listBots (api.ts) reads its answer. The request alone: the answer is read where
// the lists are (api.ts).

/** Bitrix24 runs at most this many calls in one `batch` request, and pages lists by the same number. */
export const batchLimit = 50

/**
 * How many bots' command lists travel with the first page of bots, in one `batch` (README, "One round trip"): the
 * few bots an application has, and 12 with room to spare; each slot with no bot behind it costs the portal a
 * refused call, so not the 49 a batch could hold.
 */
export const listsWithBots = 16

export const firstPageCall: BatchCall = {
  method: 'imbot.v2.Bot.list',
  params: { limit: batchLimit, offset: 0 },
}

/** Portals seen not to substitute `$result[…]` in a batch (README): their bots' lists are fetched after the bots. */
export const noSubstitution = new WeakSet<PortalClient>()

/** The first request's answer: the batch's outcomes, or Bot.list's page alone where the portal does not substitute. */
export type FirstAnswer = { slots: Record<string, BatchOutcome> } | { page: unknown }

/**
 * The first page of bots, and in the same `batch` the commands of its first {@link listsWithBots} bots:
 * `Command.list?botId=$result[bots][bots][i][id]`, which Bitrix24 fills in from the page's answer
 * (rest/classes/general/rest_util.php, processBatchElement).
 */
function sendFirstRequest(client: PortalClient): Promise<FirstAnswer> {
  if (noSubstitution.has(client))
    return client.call(firstPageCall.method, firstPageCall.params).then((page) => ({ page }))
  const calls: Record<string, BatchCall> = { bots: firstPageCall }
  // Named, not numbered: a batch runs its calls in the order of their keys, and JavaScript puts numeric keys first.
  for (let slot = 0; slot < listsWithBots; slot++) {
    calls[`c${slot}`] = {
      method: 'imbot.v2.Command.list',
      params: { botId: `$result[bots][bots][${slot}][id]` },
    }
  }
  return client.batch(calls).then((slots) => ({ slots }))
}

/** First requests sent as soon as the frame connected (startListingBots), each taken by its client's next open. */
const started = new WeakMap<PortalClient, Promise<FirstAnswer>>()

/**
 * Sends the first request now (main.tsx, before React renders): listBots takes it over rather than asking
 * again, so the commands are one round trip from the handshake, not from the first render.
 */
export function startListingBots(client: PortalClient): void {
  const answer = sendFirstRequest(client)
  // Its failure is listBots' to report; until then it is not unhandled.
  answer.catch(() => undefined)
  started.set(client, answer)
}

/** The first request's answer: the one already on its way for this client, or a new request. */
export function takeFirstAnswer(client: PortalClient): Promise<FirstAnswer> {
  const answer = started.get(client)
  started.delete(client)
  return answer ?? sendFirstRequest(client)
}
