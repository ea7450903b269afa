import { describe, expect, it } from 'vitest'
import { buildCommandsExport } from '../../../src/commands/export'
import { checkExportFile } from '../../../src/commands/restore/check-file'
import { diffWithPortal } from '../../../src/commands/restore/diff'
import { type RestorePick, restoreCommands } from '../../../src/commands/restore/restore-commands'
import { type Command, listBots, listCommands } from '../../../src/imbot'
import { removeCommands } from '../../../src/imbot/unregister'
import { type PortalClient, PortalError } from '../../../src/portal'
import { createEmulatedClient } from '../../support/emulated-client'

type Emulated = ReturnType<typeof createEmulatedClient>

async function portalNow(client: PortalClient) {
  const bots = (await listBots(client)).items
  const lists = await listCommands(
    client,
    bots.map((bot) => bot.id),
  )
  const commands = new Map(
    bots.map((bot, index) => {
      const list = lists[index]
      return [bot.id, list && 'items' in list ? list.items : null] as const
    }),
  )
  return { bots, commands }
}

/** Exports the given bots' commands, removes those `pick` chooses, and returns the gone ones as a restore sees them. */
async function exportAndRemove({ client }: Emulated, pick: (command: Command) => boolean) {
  const before = await portalNow(client)
  const all = [...before.commands.values()].flatMap((list) => list ?? [])
  const { json } = buildCommandsExport('portal.test', before.bots, all, new Date(), 'en')
  const removed = all.filter(pick)
  await removeCommands(
    client,
    removed.map((command) => command.id),
  )
  const check = checkExportFile(json)
  if (!check.ok) throw new Error('the export did not pass its own check')
  const groups = diffWithPortal(check.file.commands, await portalNow(client))
  const picks = groups.flatMap((group) =>
    group.entries.filter((entry): entry is RestorePick => entry.kind === 'gone'),
  )
  return { removed, picks }
}

const triggersOf = (portal: Emulated['portal'], botId: number) =>
  portal
    .getState()
    .commands.filter((command) => command.botId === botId)
    .map((command) => command.command)

describe('restoring commands', () => {
  it('registers the gone ones 50 to a batch, with progress k of N, and reads the lists again at the end', async () => {
    const emulated = createEmulatedClient()
    emulated.portal.seed({ botId: 1, commands: 120 })
    const { removed, picks } = await exportAndRemove(emulated, (c) => c.title.startsWith('Generated'))
    expect(picks).toHaveLength(120)
    emulated.portal.clearLog()
    const progress: number[] = []
    const results = await restoreCommands(emulated.client, picks, 'en', ({ done }) => progress.push(done))
    expect([...results.values()].every((outcome) => outcome.status === 'restored')).toBe(true)
    expect(progress).toEqual([0, 50, 100, 120])
    const log = emulated.portal.getLog()
    expect(log.filter((entry) => entry.method === 'batch')).toHaveLength(5) // list, 3 × register, list
    expect(log.filter((entry) => entry.method === 'imbot.v2.Command.register')).toHaveLength(120)
    const triggers = triggersOf(emulated.portal, 1)
    for (const command of removed) expect(triggers).toContain(command.command.slice(1))
    const titles = emulated.portal
      .getState()
      .commands.filter((c) => c.command === removed[0]?.command.slice(1))
    expect(titles[0]?.titles).toEqual({ en: removed[0]?.title })
  })

  it('never registers a command twice: a retry sends only what is still gone', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) => c.botId === 1 && ['/assign', '/close', '/faq'].includes(c.command),
    )
    expect(picks.map((pick) => pick.file.command).sort()).toEqual(['/assign', '/close', '/faq'])
    await restoreCommands(emulated.client, picks, 'en')
    emulated.portal.clearLog()
    const again = await restoreCommands(emulated.client, picks, 'en')
    expect([...again.values()].map((outcome) => outcome.status)).toEqual(['already', 'already', 'already'])
    expect(emulated.portal.getLog().some((entry) => entry.method === 'imbot.v2.Command.register')).toBe(false)
    const triggers = triggersOf(emulated.portal, 1)
    for (const trigger of ['assign', 'close', 'faq'])
      expect(triggers.filter((t) => t === trigger)).toHaveLength(1)
  })

  it('gives each command of a batch its own outcome when one fails in the middle', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) =>
        (c.botId === 1 && ['/assign', '/close'].includes(c.command)) ||
        (c.botId === 2 && c.command === '/deal'),
    )
    expect(picks).toHaveLength(3)
    emulated.portal.injectFault({
      method: 'imbot.v2.Command.register',
      code: 'WRONG_REQUEST',
      count: 1,
      match: { botId: 2 },
    })
    const results = await restoreCommands(emulated.client, picks, 'en')
    const byTrigger = Object.fromEntries(picks.map((pick) => [pick.file.command, results.get(pick.key)]))
    expect(byTrigger['/assign']?.status).toBe('restored')
    expect(byTrigger['/close']?.status).toBe('restored')
    const failed = byTrigger['/deal']
    expect(failed?.status === 'failed' && failed.error.code).toBe('WRONG_REQUEST')
  })

  it('counts a command the portal registered as restored though the answer was lost', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) => c.botId === 1 && ['/assign', '/close'].includes(c.command),
    )
    let batches = 0
    const lossy: PortalClient = {
      ...emulated.client,
      batch: async (calls) => {
        const answer = await emulated.client.batch(calls)
        batches++
        if (batches === 2)
          throw new PortalError({ code: 'NETWORK_ERROR', status: 0, description: '', method: 'batch' })
        return answer
      },
    }
    const results = await restoreCommands(lossy, picks, 'en')
    expect([...results.values()].map((outcome) => outcome.status)).toEqual(['restored', 'restored'])
  })
})

describe('updating the commands that differ', () => {
  it('sends only the differing fields through imbot.v2.Command.update, titles as maps by language', async () => {
    const sent: Record<string, unknown>[] = []
    const current = {
      id: 5,
      botId: 1,
      command: '/help',
      title: 'Old title',
      params: '[topic]',
      common: false,
      hidden: null,
      extranetSupport: false,
      category: '',
      context: '',
    }
    const client = {
      mode: 'frame',
      lang: 'en',
      isAdmin: true,
      portalHost: 'portal.test',
      fitToContent: () => undefined,
      setTitle: () => undefined,
      call: async () => ({}),
      batch: async (calls: Record<string, { method: string; params: Record<string, unknown> }>) =>
        Object.fromEntries(
          Object.entries(calls).map(([key, call]) => {
            if (call.method === 'imbot.v2.Command.list') {
              const updated = sent.length > 0
              const command = updated ? { ...current, title: 'Show help', common: true } : current
              return [
                key,
                { ok: true, result: { commands: [{ ...command, common: command.common ? 'Y' : 'N' }] } },
              ]
            }
            sent.push(call.params)
            return [
              key,
              { ok: true, result: { command: { id: 5, botId: 1, command: '/help', common: true } } },
            ]
          }),
        ),
    } as unknown as PortalClient
    const pick: RestorePick = {
      kind: 'differs',
      key: 'bot-1:/help',
      bot: {
        id: 1,
        code: 'helpdesk_bot',
        name: 'Helpdesk Bot',
        type: 'bot',
        isHidden: false,
        countCommand: 1,
      },
      current,
      fields: ['title', 'common'],
      file: {
        entry: 1,
        id: 5,
        bot: { id: 1, code: 'helpdesk_bot', name: 'Helpdesk Bot' },
        command: '/help',
        title: 'Show help',
        params: '[topic]',
        common: true,
        hidden: false,
        extranetSupport: false,
      },
    }
    const results = await restoreCommands(client, [pick], 'de')
    expect(sent).toEqual([{ botId: 1, commandId: 5, fields: { title: { de: 'Show help' }, common: true } }])
    expect(results.get(pick.key)).toEqual({ status: 'updated' })
  })
})

describe('what an update sends', () => {
  it('takes the title along with a changed hint (Bitrix24 keeps a hint only with its title)', async () => {
    const { changesOf } = await import('../../../src/commands/restore/restore-commands')
    const file = {
      entry: 1,
      id: 5,
      bot: { id: 1, code: 'b', name: 'B' },
      command: '/help',
      title: 'Show help',
      params: '[topic]',
      common: null,
      hidden: null,
      extranetSupport: null,
    }
    const current = { ...file, id: 5, botId: 1, params: '', category: '', context: '' }
    const bot = { id: 1, code: 'b', name: 'B', type: 'bot', isHidden: false, countCommand: 1 }
    const pick: RestorePick = { kind: 'differs', key: 'k', file, bot, current, fields: ['params'] }
    expect(changesOf(pick, current, 'ru')).toEqual({ params: { ru: '[topic]' }, title: { ru: 'Show help' } })
  })
})
