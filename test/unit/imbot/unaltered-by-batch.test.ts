import { describe, expect, it } from 'vitest'
import { listCommands } from '../../../src/imbot'
import { alteredByBatch, registerCommands, updateCommands } from '../../../src/imbot/on-demand/register'
import { SEED_BOT_IDS } from '../../../src/sandbox/emulator'
import { createEmulatedClient } from '../../support/emulated-client'

// batch rewrites `$result[…]`-like values (rest_util.php processBatchElement) and turns null into '' (a query
// string has no null). What the admin wrote must reach the portal as written, whichever way it travels.

const helpdesk = SEED_BOT_IDS.helpdesk

describe('values batch would alter', () => {
  it('are the five references in any case, nulls and keys with a dollar; plain text is not', () => {
    for (const value of [
      '$result[c0]',
      'see $Error[c1][error]',
      '$total[x]',
      '$next[a][b]',
      'at $TIME[c0]',
    ]) {
      expect(alteredByBatch({ fields: { title: { en: value } } }), value).toBe(true)
    }
    expect(alteredByBatch({ fields: { title: { de: null } } })).toBe(true)
    expect(alteredByBatch({ fields: { title: { $x: 'a' } } })).toBe(true)
    for (const value of ['Costs $5 [each]', '$result alone', 'result[c0]', 'Hilfe', '$']) {
      expect(alteredByBatch({ fields: { title: { en: value } } }), value).toBe(false)
    }
  })
})

describe('writing commands whose texts batch would alter', () => {
  it('registers a title holding $result[c0] exactly as written, beside commands that share a batch', async () => {
    const { client, requests } = createEmulatedClient()
    const outcomes = await registerCommands(client, [
      { botId: helpdesk, fields: { command: 'plain', title: { en: 'Plain' }, params: {} } },
      { botId: helpdesk, fields: { command: 'refs', title: { en: 'Use $result[c0][command]' }, params: {} } },
      {
        botId: helpdesk,
        fields: { command: 'whole', title: { en: '$result[c0]' }, params: { en: '$time[c0]' } },
      },
    ])
    expect(outcomes.every((outcome) => 'id' in outcome)).toBe(true)
    expect(requests).toHaveLength(3)
    const [listing] = await listCommands(client, [helpdesk])
    const listed = listing && 'items' in listing ? listing.items : []
    const titleOf = (trigger: string) => listed.find((command) => command.command === trigger)
    expect(titleOf('/plain')?.title).toBe('Plain')
    expect(titleOf('/refs')?.title).toBe('Use $result[c0][command]')
    expect(titleOf('/whole')).toMatchObject({ title: '$result[c0]', params: '$time[c0]' })
    // One batch for the plain one, the two others alone.
    expect(requests.slice(0, 3)).toEqual(['batch', 'imbot.v2.Command.register', 'imbot.v2.Command.register'])
  })

  it('removes a language with null instead of storing an empty title', async () => {
    const { client, portal } = createEmulatedClient()
    const [registered] = await registerCommands(client, [
      { botId: helpdesk, fields: { command: 'twice', title: { en: 'Twice', de: 'Zweimal' }, params: {} } },
    ])
    if (!registered || !('id' in registered)) throw new Error('not registered')
    const [outcome] = await updateCommands(client, [
      { botId: helpdesk, commandId: registered.id, fields: { title: { de: null } } },
    ])
    expect(outcome).toMatchObject({ id: registered.id })
    const stored = portal.getState().commands.find((command) => command.id === registered.id)
    expect(stored?.titles).toEqual({ en: 'Twice' })
  })
})
