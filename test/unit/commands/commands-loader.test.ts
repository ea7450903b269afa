import { describe, expect, it } from 'vitest'
import { createCommandsLoader } from '../../../src/shared/queries/commands-loader'
import { createEmulatedClient } from '../../support/emulated-client'

describe('the commands loader', () => {
  it('gathers the lists asked for in the same moment into one batch per 50 bots', async () => {
    const { client, portal, requests } = createEmulatedClient()
    const { botIds: seeded } = portal.seed({ bots: 59, commandsPerBot: 2 })
    const botIds = [1, 2, ...seeded]
    requests.length = 0
    const loader = createCommandsLoader(client)
    const listings = await Promise.all(botIds.map((botId) => loader.load(botId)))
    expect(requests).toEqual(['batch', 'batch'])
    expect(listings.slice(2).every((listing) => listing.items.length === 2)).toBe(true)
    expect(listings[0]?.items.length).toBe(12)
  })

  it('gives each bot its own outcome: one bot’s failure leaves the others loaded', async () => {
    const { client, portal } = createEmulatedClient()
    portal.injectFault({ method: 'imbot.v2.Command.list', code: 'BOT_NOT_FOUND', match: { botId: 2 } })
    const loader = createCommandsLoader(client)
    const [first, second] = await Promise.allSettled([loader.load(1), loader.load(2)])
    expect(first?.status === 'fulfilled' && first.value.items.length).toBe(12)
    expect(second?.status === 'rejected' && (second.reason as { code: string }).code).toBe('BOT_NOT_FOUND')
  })

  it('fails the lists of a request that failed as a whole, and of the ones never sent after it, with its reason', async () => {
    const { client, portal } = createEmulatedClient()
    const { botIds } = portal.seed({ bots: 60, commandsPerBot: 1 })
    portal.injectFault({ method: 'batch', code: 'INTERNAL_SERVER_ERROR' })
    const loader = createCommandsLoader(client)
    const outcomes = await Promise.allSettled(botIds.map((botId) => loader.load(botId)))
    expect(
      outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { code: string }).code),
    ).toEqual(botIds.map(() => 'INTERNAL_SERVER_ERROR'))
  })

  it('sends what was asked for at once on flush, without waiting for the moment to end; nothing twice', async () => {
    const { client, requests } = createEmulatedClient()
    requests.length = 0
    const loader = createCommandsLoader(client)
    const lists = [loader.load(1), loader.load(2)]
    loader.flush()
    // Sent before any timer could run: a render that holds the thread after flush no longer holds the request.
    await Promise.resolve()
    expect(requests).toEqual(['batch'])
    const [first, second] = await Promise.all(lists)
    expect([first?.items.length, second?.items.length]).toEqual([12, 3])
    // The moment's own timer (set before this one, with the same delay, so it has run) finds nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(requests).toEqual(['batch'])
  })
})
