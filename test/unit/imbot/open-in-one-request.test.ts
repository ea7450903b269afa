import { describe, expect, it } from 'vitest'
import { type CommandListing, listBots, listsWithBots, startListingBots } from '../../../src/imbot'
import type { BatchCall, PortalClient } from '../../../src/portal'
import { createEmulatedClient } from '../../support/emulated-client'

// Issue 22: the first page of bots and the commands of its first bots in one batch, Bitrix24 filling each
// Command.list's botId from the bots' answer (rest_util.php processBatchElement); every slot checked before use.

/** listBots, and the lists that came with each page, by bot id. */
async function open(client: PortalClient) {
  const lists = new Map<number, CommandListing>()
  const listing = await listBots(client, (_bots, withPage) => {
    for (const [botId, list] of withPage) lists.set(botId, list)
  })
  return { listing, lists }
}

/** The triggers of each bot as the portal holds them, listed as the app shows them. */
function triggersByBot(portal: ReturnType<typeof createEmulatedClient>['portal']) {
  const byBot = new Map<number, string[]>()
  for (const command of portal.getState().commands) {
    byBot.set(command.botId, [...(byBot.get(command.botId) ?? []), `/${command.command}`])
  }
  return byBot
}

/** Each bot's list, as it came with the page, holds exactly the bot's commands on the portal. */
function expectEveryBotsCommands(
  portal: ReturnType<typeof createEmulatedClient>['portal'],
  bots: readonly { id: number }[],
  lists: ReadonlyMap<number, CommandListing>,
) {
  const expected = triggersByBot(portal)
  for (const bot of bots) {
    expect(
      lists
        .get(bot.id)
        ?.items.map((command) => command.command)
        .sort(),
    ).toEqual(expected.get(bot.id)?.sort())
  }
}

describe('opening in one request', () => {
  it.each(['live', 'docs'] as const)(
    'brings every bot with its commands in one batch (%s answers)',
    async (answerShape) => {
      const { client, portal, requests } = createEmulatedClient({ settings: { answerShape } })
      const { listing, lists } = await open(client)
      expect(requests).toEqual(['batch'])
      expect(listing.items.length).toBeGreaterThan(1)
      expectEveryBotsCommands(portal, listing.items, lists)
      // The batch held the page of bots, then one Command.list a slot, each with the id the portal filled in.
      const inner = portal.getLog().filter((entry) => entry.inBatch !== undefined)
      expect(inner.map((entry) => entry.method)).toEqual([
        'imbot.v2.Bot.list',
        ...Array.from({ length: listsWithBots }, () => 'imbot.v2.Command.list'),
      ])
      expect(inner.slice(1, 1 + listing.items.length).map((entry) => Number(entry.params.botId))).toEqual(
        listing.items.map((bot) => bot.id),
      )
    },
  )

  it('takes nothing from the slots past the last bot, whatever they hold', async () => {
    const { client } = createEmulatedClient()
    const { listing, lists } = await open(client)
    expect([...lists.keys()].sort()).toEqual(listing.items.map((bot) => bot.id).sort())
  })

  it('brings the first 16 bots’ commands in one request, and leaves the 17th bot’s to be fetched after it', async () => {
    const { client, portal, requests } = createEmulatedClient()
    portal.seed({ replace: true, bots: 17, commandsPerBot: 3 })
    const { listing, lists } = await open(client)
    expect(requests).toEqual(['batch'])
    expect(listing.items).toHaveLength(17)
    // The first 16 came with the page; the 17th is fetched after it, as every bot's list was before.
    expect(lists.size).toBe(listsWithBots)
    expect(lists.has(listing.items[16]?.id ?? 0)).toBe(false)
  })

  it('on a portal that does not substitute, takes no slot, and asks for the bots alone from then on', async () => {
    const { client, requests } = createEmulatedClient({ settings: { batchSubstitution: false } })
    const first = await open(client)
    expect(first.listing.items.length).toBeGreaterThan(0)
    expect(first.lists.size).toBe(0)
    const again = await open(client)
    expect(again.listing.items).toEqual(first.listing.items)
    expect(requests).toEqual(['batch', 'imbot.v2.Bot.list'])
  })

  it('takes no slot whose entries name another bot, nor one for an entry that is not a bot', async () => {
    const calls: Record<string, BatchCall>[] = []
    const client: PortalClient = {
      mode: 'frame',
      lang: 'en',
      isAdmin: true,
      portalHost: 'portal.test',
      call: async () => ({ bots: [], hasNextPage: false }),
      batch: async (batch) => {
        calls.push(batch)
        const command = (id: number, botId: number) => ({ id, botId, command: `/c${id}` })
        return {
          bots: {
            ok: true,
            result: { bots: [{ id: 1, code: 'one' }, 'not a bot', { id: 3, code: 'three' }] },
          },
          // Bot 1's slot answers bot 9's list; bot 3's is its own, with Bitrix24's built-ins (botId 0).
          c0: { ok: true, result: { commands: [command(11, 9)] } },
          c1: { ok: true, result: { commands: [command(21, 2)] } },
          c2: { ok: true, result: { commands: [command(31, 3), { id: 'def0', botId: 0, command: '/me' }] } },
        }
      },
      fitToContent: () => undefined,
      setTitle: () => undefined,
    }
    const { lists } = await open(client)
    expect([...lists.keys()]).toEqual([3])
    expect(lists.get(3)?.items.map((command) => command.command)).toEqual(['/c31'])
    expect(calls).toHaveLength(1)
  })

  it('fails as the bots’ call fails, when it fails inside the batch', async () => {
    const { client } = createEmulatedClient({ settings: { imbotV2: false } })
    await expect(listBots(client)).rejects.toMatchObject({ code: 'ERROR_METHOD_NOT_FOUND' })
  })
})

describe('the request sent as soon as the frame connects (main.tsx)', () => {
  it('is the one the list takes over: one request, every command', async () => {
    const { client, portal, requests } = createEmulatedClient()
    startListingBots(client)
    // On its way before anything asks for the list, as main.tsx sends it before React renders.
    await new Promise((resolve) => setTimeout(resolve))
    expect(requests).toEqual(['batch'])
    const { listing, lists } = await open(client)
    expect(requests).toEqual(['batch'])
    expectEveryBotsCommands(portal, listing.items, lists)
  })

  it('is taken once: a later open (a refresh) asks Bitrix24 again', async () => {
    const { client, requests } = createEmulatedClient()
    startListingBots(client)
    await open(client)
    await open(client)
    expect(requests).toEqual(['batch', 'batch'])
  })

  it('failing, fails the open that takes it, and the next open asks again', async () => {
    const { client, portal, requests } = createEmulatedClient()
    portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'error', code: 'ACCESS_DENIED', count: 1 })
    startListingBots(client)
    await expect(open(client)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    const { listing } = await open(client)
    expect(listing.items.length).toBeGreaterThan(0)
    expect(requests).toEqual(['batch', 'batch'])
  })
})
