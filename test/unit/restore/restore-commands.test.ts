import { describe, expect, it } from 'vitest'
import { buildCommandsExport } from '../../../src/commands/export'
import { checkExportFile } from '../../../src/commands/restore/check-file'
import { diffWithPortal } from '../../../src/commands/restore/diff'
import { type RestorePick, restoreCommands } from '../../../src/commands/restore/restore-commands'
import { type Command, listBots, listCommands } from '../../../src/imbot'
import { removeCommands } from '../../../src/imbot/unregister'
import { updateCommand } from '../../../src/imbot/update'
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
        language: 'en',
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

describe('believing the lists over the answers', () => {
  /** Exports everything, changes /help's title on the portal, and returns /help as the preview shows it (differs). */
  async function helpDiffers(emulated: Emulated) {
    const before = await portalNow(emulated.client)
    const all = [...before.commands.values()].flatMap((list) => list ?? [])
    const { json } = buildCommandsExport('portal.test', before.bots, all, new Date(), 'en')
    const help = all.find((command) => command.command === '/help' && command.botId === 1)
    if (!help) throw new Error('no /help')
    await updateCommand(emulated.client, 1, help.id, { title: { en: 'Changed' } })
    const check = checkExportFile(json)
    if (!check.ok) throw new Error('the export did not pass its own check')
    const groups = diffWithPortal(check.file.commands, await portalNow(emulated.client))
    const pick = groups
      .flatMap((group) => group.entries)
      .find((entry): entry is RestorePick => entry.kind === 'differs')
    if (!pick) throw new Error('/help does not differ')
    return { pick, help }
  }
  const titleOf = (emulated: Emulated, id: number) =>
    emulated.portal.getState().commands.find((command) => command.id === id)?.titles.en

  it('updates a differing command when its list cannot be read at the start (register would leave it as it is)', async () => {
    const emulated = createEmulatedClient()
    const { pick, help } = await helpDiffers(emulated)
    emulated.portal.injectFault({ method: 'imbot.v2.Command.list', code: 'INTERNAL_SERVER_ERROR', count: 1 })
    emulated.portal.clearLog()
    const results = await restoreCommands(emulated.client, [pick], 'en')
    const methods = emulated.portal.getLog().map((entry) => entry.method)
    expect(methods).not.toContain('imbot.v2.Command.register')
    expect(methods).toContain('imbot.v2.Command.update')
    expect(results.get(pick.key)).toEqual({ status: 'updated' })
    expect(titleOf(emulated, help.id)).toBe(help.title)
  })

  it('does not claim an update that the bot’s list does not show', async () => {
    const emulated = createEmulatedClient()
    const { pick, help } = await helpDiffers(emulated)
    // A portal that answers every update as done and changes nothing.
    const pretending: PortalClient = {
      ...emulated.client,
      batch: async (calls) => {
        const real = Object.fromEntries(
          Object.entries(calls).filter(([, call]) => call.method !== 'imbot.v2.Command.update'),
        )
        const answers = Object.keys(real).length > 0 ? await emulated.client.batch(real) : {}
        for (const [key, call] of Object.entries(calls)) {
          if (call.method === 'imbot.v2.Command.update')
            answers[key] = { ok: true, result: { command: { id: help.id, botId: 1, command: '/help' } } }
        }
        return answers
      },
    }
    const results = await restoreCommands(pretending, [pick], 'en')
    const outcome = results.get(pick.key)
    expect(outcome?.status).toBe('failed')
    expect(outcome?.status === 'failed' && outcome.error.description).toContain('lists it with another title')
    expect(titleOf(emulated, help.id)).toBe('Changed')
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
    const bot = { id: 1, code: 'b', name: 'B', type: 'bot', isHidden: false, countCommand: 1, language: 'en' }
    const pick: RestorePick = { kind: 'differs', key: 'k', file, bot, current, fields: ['params'] }
    expect(changesOf(pick, current, 'ru')).toEqual({ params: { ru: '[topic]' }, title: { ru: 'Show help' } })
  })
})
