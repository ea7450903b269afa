import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { createRemovalStore } from '../../../src/features/removal/hold-store'
import { removeCommands, sendRemoval } from '../../../src/features/removal/on-demand/remove-commands'
import { botsOf } from '../../../src/features/removal/outcome'
import { type CommandListing, listCommands } from '../../../src/imbot'
import { commandKeys } from '../../../src/shared/queries/keys'
import { createEmulatedClient } from '../../support/emulated-client'

// What the one removal mutation does once sent (sendRemoval), for listed commands and for a command known only by
// the id the user typed (a portal too old to list commands).

/** The sandbox's first bot with three generated commands, its list in the page's cache as the page read it. */
async function listedBot() {
  const emulated = createEmulatedClient()
  emulated.portal.seed({ botId: 1, commands: 3 })
  const [listing] = await listCommands(emulated.client, [1])
  if (!listing || !('items' in listing)) throw new Error('the sandbox did not list bot 1')
  const queryClient = new QueryClient()
  queryClient.setQueryData(commandKeys.list(1), listing)
  const generated = listing.items.filter((command) => command.title.startsWith('Generated'))
  emulated.portal.clearLog()
  return { ...emulated, queryClient, commands: generated }
}

const sentMethods = (portal: ReturnType<typeof createEmulatedClient>['portal']) =>
  portal.getLog().map((entry) => entry.method)

describe('the bots a removal touches', () => {
  it('names each bot whose list holds one of the commands once, and none for a command known by its id only', () => {
    expect(
      botsOf([
        { id: 1, command: '/a', botId: 7 },
        { id: 2, command: '/b', botId: 7 },
        { id: 3, command: 'command 3' },
        { id: 4, command: '/d', botId: 9 },
      ]),
    ).toEqual([7, 9])
  })
})

describe('sending a removal', () => {
  it('takes the removed commands out of the list at once, and shows the progress of a removal of many while it runs', async () => {
    const { client, portal, queryClient, commands } = await listedBot()
    const store = createRemovalStore({ onRelease: () => undefined })
    const progress: (string | null)[] = []
    store.subscribe(() => {
      const now = store.getState().progress
      progress.push(now && `${now.done} of ${now.total}`)
    })
    const gone = commands.slice(0, 2)
    const results = await sendRemoval(client, queryClient, store, { commands: gone, bulk: true })
    expect(gone.map((command) => results.get(command.id)?.status)).toEqual(['removed', 'removed'])
    const listed = (queryClient.getQueryData<CommandListing>(commandKeys.list(1))?.items ?? []).map(
      (command) => command.id,
    )
    expect(listed).not.toContain(gone[0]?.id)
    expect(listed).not.toContain(gone[1]?.id)
    expect(listed).toContain(commands[2]?.id)
    expect(progress.at(-2)).toBe('2 of 2')
    expect(store.getState().progress).toBeNull()
    // One batch of the two removals, and nothing read: the answer left no doubt.
    expect(sentMethods(portal)).toEqual(['batch', 'imbot.command.unregister', 'imbot.command.unregister'])
  })

  it('removes a command by its id with imbot.command.unregister alone: no list is read or changed', async () => {
    const { client, portal, queryClient, commands } = await listedBot()
    const [command] = commands
    if (!command) throw new Error('no command seeded')
    const before = queryClient.getQueryData(commandKeys.list(1))
    const store = createRemovalStore({ onRelease: () => undefined })
    const byId = { id: command.id, command: `command ${command.id}` }
    const results = await sendRemoval(client, queryClient, store, { commands: [byId], bulk: false })
    expect(results.get(command.id)?.status).toBe('removed')
    expect(portal.getState().commands.some((stored) => stored.id === command.id)).toBe(false)
    expect(sentMethods(portal)).toEqual(['imbot.command.unregister'])
    expect(queryClient.getQueryData(commandKeys.list(1))).toBe(before)
  })

  it('leaves an id Bitrix24 does not know as Bitrix24 said (COMMAND_ID_ERROR), without reading lists the portal cannot give', async () => {
    const { client, portal } = createEmulatedClient({ settings: { imbotV2: false } })
    portal.clearLog()
    const results = await removeCommands(client, [{ id: 987_654, command: 'command 987654' }])
    const outcome = results.get(987_654)
    expect(outcome?.status === 'failed' && outcome.error.code).toBe('COMMAND_ID_ERROR')
    expect(sentMethods(portal)).toEqual(['imbot.command.unregister'])
  })
})
