import { describe, expect, it } from 'vitest'
import { listBots, maxBotPages } from '../../../src/imbot'
import type { PortalClient } from '../../../src/portal'

type Page = (params: { limit: number; offset: number }) => unknown

/**
 * A portal that answers imbot.v2.Bot.list with the pages given, and counts the calls. The first page comes in the
 * batch that also asks for the first bots' commands; this portal answers those slots with errors, as one that does
 * not substitute `$result[…]` would, so the paging is all there is to see.
 */
function portalAnswering(page: Page) {
  const calls: { limit: number; offset: number }[] = []
  const botList = (params: Record<string, unknown>) => {
    const paging = params as { limit: number; offset: number }
    calls.push(paging)
    return page(paging)
  }
  const client: PortalClient = {
    mode: 'frame',
    lang: 'en',
    isAdmin: true,
    portalHost: 'portal.test',
    call: async (method, params = {}) => {
      expect(method).toBe('imbot.v2.Bot.list')
      return botList(params)
    },
    batch: async (batchCalls) =>
      Object.fromEntries(
        Object.entries(batchCalls).map(([key, { method, params }]) => [
          key,
          method === 'imbot.v2.Bot.list'
            ? { ok: true, result: botList(params) }
            : { ok: false, error: { code: 'ERROR_ARGUMENT', status: 400, description: 'botId', method } },
        ]),
      ),
    fitToContent: () => undefined,
    setTitle: () => undefined,
  }
  return { client, calls }
}

const bot = (id: number) => ({ id, code: `bot${id}`, type: 'bot', isHidden: 'N' })
const botsFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) => bot(first + index))

describe('listBots: paging always ends', () => {
  it('follows hasNextPage over full pages, and stops at the empty page a live portal answers after them', async () => {
    // Live portals say hasNextPage whenever a page is full (count === limit).
    const { client, calls } = portalAnswering(({ limit, offset }) => {
      const bots = botsFrom(offset + 1, Math.max(0, Math.min(limit, 100 - offset)))
      return { bots, users: [], hasNextPage: bots.length === limit }
    })
    const listing = await listBots(client)
    expect(listing.items).toHaveLength(100)
    expect(listing.truncated).toBe(false)
    expect(calls.map((call) => call.offset)).toEqual([0, 50, 100])
  })

  it('stops when a portal ignores offset and repeats the same page with hasNextPage: true', async () => {
    const { client, calls } = portalAnswering(() => ({ bots: botsFrom(1, 3), hasNextPage: true }))
    const listing = await listBots(client)
    expect(listing.items.map((entry) => entry.id)).toEqual([1, 2, 3])
    expect(calls).toHaveLength(2)
  })

  it('stops after a cap of pages when every page brings new bots forever, and says the list was cut', async () => {
    const { client, calls } = portalAnswering(({ offset }) => ({
      bots: botsFrom(offset + 1, 50),
      hasNextPage: true,
    }))
    const listing = await listBots(client)
    expect(calls).toHaveLength(maxBotPages)
    expect(listing.truncated).toBe(true)
    expect(listing.items).toHaveLength(maxBotPages * 50)
  })

  it('lists a bot sent twice once, and an unreadable bot repeated on every page once', async () => {
    const { client } = portalAnswering(({ offset }) =>
      offset === 0
        ? { bots: [bot(1), bot(2), bot(1), { id: 'x' }], hasNextPage: true }
        : { bots: [bot(2), bot(3), { id: 'x' }], hasNextPage: false },
    )
    const listing = await listBots(client)
    expect(listing.items.map((entry) => entry.id)).toEqual([1, 2, 3])
    expect(listing.unreadable).toEqual([{ id: 'x' }])
  })
})
