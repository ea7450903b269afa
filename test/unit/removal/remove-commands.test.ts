import { onlineManager } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RemovalOutcome } from '../../../src/features/removal'
import { removeCommands } from '../../../src/features/removal/on-demand/remove-commands'
import { type Command, listCommands } from '../../../src/imbot'
import { type PortalClient, PortalError } from '../../../src/portal'
import { createEmulatedClient } from '../../support/emulated-client'

afterEach(() => {
  vi.useRealTimers()
  onlineManager.setOnline(true)
})

/** The sandbox's first bot with `count` generated commands, as the app lists them. */
async function botWithCommands(count: number) {
  const emulated = createEmulatedClient()
  emulated.portal.seed({ botId: 1, commands: count })
  const [listing] = await listCommands(emulated.client, [1])
  if (!listing || !('items' in listing)) throw new Error('the sandbox did not list bot 1')
  const generated = listing.items.filter((command) => command.title.startsWith('Generated'))
  return { ...emulated, commands: generated }
}

const statuses = (commands: readonly Command[], results: ReadonlyMap<number, RemovalOutcome>) =>
  commands.map((command) => results.get(command.id)?.status)
const stillThere = (
  portal: ReturnType<typeof createEmulatedClient>['portal'],
  commands: readonly Command[],
) => commands.filter((command) => portal.getState().commands.some((stored) => stored.id === command.id))

describe('removing commands', () => {
  it('sends one batch per 50 and reports progress k of N', async () => {
    const { client, portal, commands } = await botWithCommands(120)
    portal.clearLog()
    const progress: number[] = []
    const results = await removeCommands(client, commands, { onProgress: ({ done }) => progress.push(done) })
    expect(statuses(commands, results).every((status) => status === 'removed')).toBe(true)
    expect(progress).toEqual([0, 50, 100, 120])
    expect(portal.getLog().filter((entry) => entry.method === 'batch')).toHaveLength(3)
    expect(stillThere(portal, commands)).toEqual([])
  })

  it('calls the removals the portal carried out "removed" though the answer was lost, and the rest "not sent"', async () => {
    const { client, portal, commands } = await botWithCommands(120)
    // The second batch reaches the portal, which acts, but its answer never arrives.
    let batches = 0
    const lossy: PortalClient = {
      ...client,
      batch: async (calls) => {
        const answer = await client.batch(calls)
        batches++
        if (batches === 2)
          throw new PortalError({ code: 'NETWORK_ERROR', status: 0, description: '', method: 'batch' })
        return answer
      },
    }
    const results = await removeCommands(lossy, commands)
    const outcome = statuses(commands, results)
    expect(outcome.slice(0, 100).every((status) => status === 'removed')).toBe(true)
    expect(outcome.slice(100).every((status) => status === 'not-sent')).toBe(true)
    expect(stillThere(portal, commands)).toEqual(commands.slice(100))
    const notSent = results.get(commands[110]?.id ?? 0)
    expect(notSent?.status === 'not-sent' && notSent.error.code).toBe('NETWORK_ERROR')
  })

  it('waits out "slow down" and sends again by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { client, portal, commands } = await botWithCommands(3)
    portal.injectFault({ method: 'batch', code: 'QUERY_LIMIT_EXCEEDED', count: 1 })
    const waiting: number[][] = []
    const removal = removeCommands(client, commands, { onWaiting: (ids, on) => on && waiting.push([...ids]) })
    await vi.advanceTimersByTimeAsync(10_000)
    const results = await removal
    expect(statuses(commands, results)).toEqual(['removed', 'removed', 'removed'])
    expect(waiting).toEqual([commands.map((command) => command.id)])
  })

  it('never reads a missing outcome as success', async () => {
    const { client, portal, commands } = await botWithCommands(3)
    const [first] = commands
    // A portal whose batch answer says nothing about the first call.
    const forgetful: PortalClient = {
      ...client,
      batch: async (calls) => {
        const { c0: _forgotten, ...rest } = await client.batch(
          Object.fromEntries(Object.entries(calls).filter(([key]) => key !== 'c0')),
        )
        return rest
      },
    }
    const results = await removeCommands(forgetful, commands)
    const outcome = results.get(first?.id ?? 0)
    expect(outcome?.status).toBe('failed')
    expect(outcome?.status === 'failed' && outcome.error.code).toBe('MALFORMED_ANSWER')
    expect(statuses(commands.slice(1), results)).toEqual(['removed', 'removed'])
    expect(stillThere(portal, commands)).toEqual(commands.slice(0, 1))
  })

  it('settles a doubtful outcome by reading the list again when the connection returns', async () => {
    vi.useFakeTimers()
    const { client, portal, commands } = await botWithCommands(3)
    let offline = false
    let calls = 0
    const networkError = new PortalError({
      code: 'NETWORK_ERROR',
      status: 0,
      description: '',
      method: 'batch',
    })
    // The removal is carried out but its answer is lost, and the network stays down for a while after.
    const cut: PortalClient = {
      ...client,
      batch: async (batch) => {
        calls++
        if (offline) throw networkError
        const answer = await client.batch(batch)
        if (calls > 1) return answer
        offline = true
        throw networkError
      },
    }
    let settled = false
    const removal = removeCommands(cut, commands).finally(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(settled).toBe(false)
    expect(stillThere(portal, commands)).toEqual([])
    offline = false
    onlineManager.setOnline(false)
    onlineManager.setOnline(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(statuses(commands, await removal)).toEqual(['removed', 'removed', 'removed'])
  })

  it('reads the list again after Bitrix24 asked to slow down, rather than calling a removed command failed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { client, portal, commands } = await botWithCommands(3)
    // The removal is carried out but its answer is lost; the first reading of the list meets "slow down".
    let lost = false
    const lossy: PortalClient = {
      ...client,
      batch: async (calls) => {
        const answer = await client.batch(calls)
        if (lost) return answer
        lost = true
        portal.injectFault({ method: 'imbot.v2.Command.list', code: 'QUERY_LIMIT_EXCEEDED', count: 1 })
        throw new PortalError({ code: 'NETWORK_ERROR', status: 0, description: '', method: 'batch' })
      },
    }
    portal.clearLog()
    const removal = removeCommands(lossy, commands)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(statuses(commands, await removal)).toEqual(['removed', 'removed', 'removed'])
    const listings = portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.list')
    expect(listings.map((entry) => entry.error)).toEqual(['QUERY_LIMIT_EXCEEDED', undefined])
  })
})
