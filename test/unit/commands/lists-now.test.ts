import { onlineManager } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Command, slowDownCodes } from '../../../src/imbot'
import { type PortalClient, PortalError } from '../../../src/portal'
import { type ListNow, readListsNow, settleByListing } from '../../../src/shared/queries/on-demand/lists-now'
import { retryDelay } from '../../../src/shared/queries/retry-policy'
import { createEmulatedClient } from '../../support/emulated-client'

// The sandbox's portal: bots 1 and 2 are this application's; bot 3 is another application's, whose list Bitrix24
// refuses (BOT_OWNERSHIP_ERROR).

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  onlineManager.setOnline(true)
})

type Portal = ReturnType<typeof createEmulatedClient>['portal']

function sandbox() {
  const emulated = createEmulatedClient()
  emulated.portal.clearLog()
  return emulated
}

/** The bots whose list the portal was asked for, in order, reading after reading. */
const listsAsked = (portal: Portal) =>
  portal
    .getLog()
    .filter((entry) => entry.method === 'imbot.v2.Command.list')
    .map((entry) => Number(entry.params.botId))

/** The HTTP requests the portal received (a batch's calls are inside it). */
const requests = (portal: Portal) =>
  portal
    .getLog()
    .filter((entry) => entry.inBatch === undefined)
    .map((entry) => entry.method)

/** The ids of each bot's commands as read (null: its list could not be read). */
const idsRead = (lists: ReadonlyMap<number, ListNow>) =>
  Object.fromEntries([...lists].map(([botId, list]) => [botId, list ? ids(list) : null]))

/** The ids of the commands the portal holds for a bot. */
const stored = (portal: Portal, botId: number) =>
  ids(portal.getState().commands.filter((command) => command.botId === botId))

const ids = (commands: readonly Pick<Command, 'id'>[]) =>
  commands.map((command) => command.id).sort((a, b) => a - b)

/** A failure of the whole request, as the client reports one that never came back. */
const whole = (code: string) => new PortalError({ code, status: 0, description: '', method: 'batch' })

/** The client, but its first `count` batch requests fail as a whole with `failure` (before reaching the portal). */
function failingFirst(client: PortalClient, failure: () => unknown, count = 1): PortalClient {
  let failed = 0
  return {
    ...client,
    batch: async (calls) => {
      if (failed++ < count) return failure() as never
      return client.batch(calls)
    },
  }
}

/** Bitrix24 asks to slow down every time bot 2's list is read (as long as the tests here read it). */
function slowDownBot2(portal: ReturnType<typeof sandbox>['portal']) {
  portal.injectFault({
    method: 'imbot.v2.Command.list',
    code: 'QUERY_LIMIT_EXCEEDED',
    match: { botId: 2 },
    count: 10,
  })
}

describe('reading the bots’ lists as they are now', () => {
  it('reads each bot’s list once by default, all of them in one batch', async () => {
    const { client, portal } = sandbox()
    const lists = await readListsNow(client, [1, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: stored(portal, 2) })
    expect(requests(portal)).toEqual(['batch'])
    expect(listsAsked(portal)).toEqual([1, 2])
  })

  it('reads a bot named twice once', async () => {
    const { client, portal } = sandbox()
    const lists = await readListsNow(client, [2, 1, 2, 1])
    expect([...lists.keys()]).toEqual([2, 1])
    expect(listsAsked(portal)).toEqual([2, 1])
  })

  it('by default, does not read again a list that could not be read, and waits for nothing', async () => {
    const { client, portal } = sandbox()
    portal.injectFault({ method: 'imbot.v2.Command.list', code: 'QUERY_LIMIT_EXCEEDED', match: { botId: 2 } })
    const lists = await readListsNow(client, [1, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: null })
    expect(listsAsked(portal)).toEqual([1, 2])
    expect(vi.getTimerCount()).toBe(0)
  })

  it.each([...slowDownCodes])(
    'reads again, after the retry policy’s wait, only the list Bitrix24 asked to slow down for (%s)',
    async (code) => {
      const { client, portal } = sandbox()
      portal.injectFault({ method: 'imbot.v2.Command.list', code, match: { botId: 2 } })
      const reading = readListsNow(client, [1, 2, 3], { readings: 3 })
      await vi.advanceTimersByTimeAsync(retryDelay(0) - 1)
      expect(listsAsked(portal)).toEqual([1, 2, 3])
      await vi.advanceTimersByTimeAsync(1)
      const lists = await reading
      // Bot 3's refusal is not read again, and bot 1's list, read the first time, is not read twice.
      expect(listsAsked(portal)).toEqual([1, 2, 3, 2])
      expect(requests(portal)).toEqual(['batch', 'batch'])
      expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: stored(portal, 2), 3: null })
    },
  )

  it('reads again every list of a request whose answer the connection lost, and of the requests never sent after it', async () => {
    const { client, portal } = sandbox()
    const { botIds: more } = portal.seed({ bots: 55, commandsPerBot: 1 })
    const botIds = [1, 2, ...more]
    portal.clearLog()
    // The first request reaches the portal, which answers, but the answer never arrives: the second is not sent.
    portal.injectFault({ method: 'batch', mode: 'drop' })
    const reading = readListsNow(client, botIds, { readings: 2 })
    await vi.advanceTimersByTimeAsync(retryDelay(0))
    const lists = await reading
    expect(requests(portal)).toEqual(['batch', 'batch', 'batch'])
    expect(listsAsked(portal)).toEqual([...botIds.slice(0, 50), ...botIds])
    expect(idsRead(lists)).toEqual(Object.fromEntries(botIds.map((botId) => [botId, stored(portal, botId)])))
  })

  it('reads again as soon as the connection is back, without waiting out the rest of the wait', async () => {
    const { client, portal } = sandbox()
    const offline = failingFirst(client, () => Promise.reject(whole('NETWORK_ERROR')))
    onlineManager.setOnline(false)
    const reading = readListsNow(offline, [1, 2], { readings: 2 })
    await vi.advanceTimersByTimeAsync(500)
    expect(listsAsked(portal)).toEqual([])
    onlineManager.setOnline(true)
    const lists = await reading
    expect(listsAsked(portal)).toEqual([1, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: stored(portal, 2) })
  })

  it.each([
    ['no answer came in time', () => Promise.reject(whole('REQUEST_TIMEOUT'))],
    // A client that resolves with nothing: the reading fails without even an error to read.
    ['nothing came back at all', () => Promise.resolve(null)],
  ])('reads the lists again when %s', async (_case, failure) => {
    const { client, portal } = sandbox()
    const reading = readListsNow(failingFirst(client, failure), [1, 2], { readings: 2 })
    await vi.advanceTimersByTimeAsync(retryDelay(0))
    const lists = await reading
    expect(listsAsked(portal)).toEqual([1, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: stored(portal, 2) })
  })

  it.each(['ACCESS_DENIED', 'BOT_NOT_FOUND', 'INVALID_CREDENTIALS'])(
    'does not read again a list Bitrix24 refused (%s): the refusal would come again',
    async (code) => {
      const { client, portal } = sandbox()
      portal.injectFault({ method: 'imbot.v2.Command.list', code, match: { botId: 2 } })
      const lists = await readListsNow(client, [1, 2], { readings: 3 })
      expect(listsAsked(portal)).toEqual([1, 2])
      expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: null })
    },
  )

  it('reads a list at most `readings` times, each wait longer than the one before', async () => {
    const { client, portal } = sandbox()
    slowDownBot2(portal)
    const reading = readListsNow(client, [1, 2], { readings: 3 })
    await vi.advanceTimersByTimeAsync(retryDelay(0))
    expect(listsAsked(portal)).toEqual([1, 2, 2])
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 1)
    expect(listsAsked(portal)).toEqual([1, 2, 2])
    await vi.advanceTimersByTimeAsync(1)
    const lists = await reading
    expect(listsAsked(portal)).toEqual([1, 2, 2, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: null })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops reading again once given up; the lists read so far stand', async () => {
    const { client, portal } = sandbox()
    slowDownBot2(portal)
    let givenUp = false
    const reading = readListsNow(client, [1, 2], { readings: 5, givenUp: () => givenUp })
    await vi.advanceTimersByTimeAsync(retryDelay(0))
    expect(listsAsked(portal)).toEqual([1, 2, 2])
    givenUp = true
    await vi.advanceTimersByTimeAsync(retryDelay(1))
    const lists = await reading
    expect(listsAsked(portal)).toEqual([1, 2, 2])
    expect(idsRead(lists)).toEqual({ 1: stored(portal, 1), 2: null })
  })
})

describe('settling outcomes by the lists read now', () => {
  it('hands each item whose bot’s list was read, with that list, even an empty one; the others keep their outcome', async () => {
    const { client, portal } = sandbox()
    const { botIds } = portal.seed({ bots: 1 })
    const empty = botIds[0] ?? 0
    portal.injectFault({ method: 'imbot.v2.Command.list', code: 'ACCESS_DENIED', match: { botId: 2 } })
    const lists = await readListsNow(client, [1, 2, empty])
    const items = [
      { name: 'on bot 1', botId: 1 },
      { name: 'on bot 2, unreadable', botId: 2 },
      { name: 'on the empty bot', botId: empty },
      { name: 'on a bot not read', botId: 99 },
      { name: 'on bot 1 again', botId: 1 },
    ]
    const settled: [string, number[]][] = []
    settleByListing(
      lists,
      items,
      (item) => item.botId,
      (item, list) => settled.push([item.name, ids(list)]),
    )
    expect(settled).toEqual([
      ['on bot 1', stored(portal, 1)],
      ['on the empty bot', []],
      ['on bot 1 again', stored(portal, 1)],
    ])
  })
})
