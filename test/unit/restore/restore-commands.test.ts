import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildCommandsExport } from '../../../src/features/export/on-demand/export'
import { commandsByTrigger } from '../../../src/features/restore/on-demand/by-trigger'
import { checkExportFile } from '../../../src/features/restore/on-demand/check-file'
import { diffWithPortal, type RestoreEntry } from '../../../src/features/restore/on-demand/diff'
import { type FlagChoices, pickOf, type RestorePick } from '../../../src/features/restore/on-demand/picks'
import { restoreCommands } from '../../../src/features/restore/on-demand/restore-commands'
import { RestoreStop } from '../../../src/features/restore/on-demand/stop'
import { type Bot, type Command, listBots, listCommands } from '../../../src/imbot'
import { sameTrigger } from '../../../src/imbot/on-demand/command-rules'
import { registerCommands } from '../../../src/imbot/on-demand/register'
import { removeCommands } from '../../../src/imbot/on-demand/unregister'
import { updateCommand } from '../../../src/imbot/on-demand/update'
import { type BatchCall, type PortalClient, PortalError } from '../../../src/portal'
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
  return { bots, commands, clientLang: client.lang }
}

/** The gone and differing entries as picks, the flags the file does not know chosen as `choices` says. */
const picksOf = (entries: readonly RestoreEntry[], choices: FlagChoices = { hidden: false }) =>
  entries.flatMap((entry) =>
    entry.kind === 'gone' || entry.kind === 'differs' ? (pickOf(entry, choices) ?? []) : [],
  )

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
  const picks = picksOf(groups.flatMap((group) => group.entries.filter((entry) => entry.kind === 'gone')))
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
    const results = await restoreCommands(emulated.client, picks, {
      onProgress: ({ done }) => progress.push(done),
    })
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

  it('brings back triggers that begin with a slash or hold one, exactly as they were stored', async () => {
    const emulated = createEmulatedClient()
    // Stored as `/x` and `a/b`: the list shows `//x` and `/a/b` (imbot/lib/V2/Controller/Command.php lists "/" + stored).
    await registerCommands(emulated.client, [
      { botId: 1, fields: { command: '///x', title: { en: 'Slash' }, params: {} } },
      { botId: 1, fields: { command: 'a/b', title: { en: 'Path' }, params: {} } },
    ])
    expect(triggersOf(emulated.portal, 1)).toEqual(expect.arrayContaining(['/x', 'a/b']))
    const { picks } = await exportAndRemove(emulated, (c) => ['//x', '/a/b'].includes(c.command))
    const results = await restoreCommands(emulated.client, picks)
    expect([...results.values()].map((outcome) => outcome.status)).toEqual(['restored', 'restored'])
    expect(triggersOf(emulated.portal, 1)).toEqual(expect.arrayContaining(['/x', 'a/b']))
    expect(triggersOf(emulated.portal, 1)).not.toContain('x')
  })

  it('never registers a command twice: a retry sends only what is still gone', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) => c.botId === 1 && ['/assign', '/close', '/faq'].includes(c.command),
    )
    expect(picks.map((pick) => pick.file.command).sort()).toEqual(['/assign', '/close', '/faq'])
    await restoreCommands(emulated.client, picks)
    emulated.portal.clearLog()
    const again = await restoreCommands(emulated.client, picks)
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
    const results = await restoreCommands(emulated.client, picks)
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
    const results = await restoreCommands(lossy, picks)
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
        language: 'de',
      },
      languages: { file: 'de', list: 'de' },
      current,
      fields: ['title', 'common'],
      file: {
        entry: 1,
        id: 5,
        bot: { id: 1, code: 'helpdesk_bot', name: 'Helpdesk Bot' },
        command: '/help',
        written: '/help',
        language: 'de',
        title: 'Show help',
        params: '[topic]',
        common: true,
        hidden: false,
        extranetSupport: false,
      },
    }
    const results = await restoreCommands(client, [pick])
    expect(sent).toEqual([{ botId: 1, commandId: 5, fields: { title: { de: 'Show help' }, common: true } }])
    expect(results.get(pick.key)).toEqual({
      status: 'updated',
      sent: { flags: { common: true }, texts: ['title'], language: 'de' },
    })
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
    const pick = picksOf(groups.flatMap((group) => group.entries)).find((entry) => entry.kind === 'differs')
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
    const results = await restoreCommands(emulated.client, [pick])
    const methods = emulated.portal.getLog().map((entry) => entry.method)
    expect(methods).not.toContain('imbot.v2.Command.register')
    expect(methods).toContain('imbot.v2.Command.update')
    expect(results.get(pick.key)).toMatchObject({ status: 'updated' })
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
    const results = await restoreCommands(pretending, [pick])
    const outcome = results.get(pick.key)
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({ kind: 'fields', fields: ['title'] })
    expect(titleOf(emulated, help.id)).toBe('Changed')
  })
})

describe('what an update sends', () => {
  it('takes the title along with a changed hint (Bitrix24 keeps a hint only with its title)', async () => {
    const { changesOf } = await import('../../../src/features/restore/on-demand/picks')
    const file = {
      entry: 1,
      id: 5,
      bot: { id: 1, code: 'b', name: 'B' },
      command: '/help',
      written: '/help',
      language: 'ru',
      title: 'Show help',
      params: '[topic]',
      common: null,
      hidden: null,
      extranetSupport: null,
    }
    const current = { ...file, id: 5, botId: 1, params: '', category: '', context: '' }
    const bot = { id: 1, code: 'b', name: 'B', type: 'bot', isHidden: false, countCommand: 1, language: 'ru' }
    const languages = { file: 'ru', list: 'ru' }
    const pick: RestorePick = { kind: 'differs', key: 'k', file, bot, languages, current, fields: ['params'] }
    expect(changesOf(pick, current)).toEqual({ params: { ru: '[topic]' }, title: { ru: 'Show help' } })
    // In another language than the list's, titles and hints are not compared, so not sent.
    expect(changesOf({ ...pick, languages: { file: 'ru', list: 'en' } }, current)).toEqual({})
  })
})

/** Everything exported now, and the file as a restore reads it against the portal after `change`. */
async function exportThen(
  emulated: Emulated,
  change: (commands: Command[]) => Promise<void>,
  rewrite: (file: { bots: Bot[]; commands: Command[] }) => { bots: Bot[]; commands: Command[] } = (f) => f,
) {
  const before = await portalNow(emulated.client)
  const all = [...before.commands.values()].flatMap((list) => list ?? [])
  const file = rewrite({ bots: [...before.bots], commands: all })
  const { json } = buildCommandsExport('portal.test', file.bots, file.commands, new Date(), 'en')
  await change(all)
  const check = checkExportFile(json)
  if (!check.ok) throw new Error('the export did not pass its own check')
  const entries = diffWithPortal(check.file.commands, await portalNow(emulated.client)).flatMap(
    (group) => group.entries,
  )
  return { all, entries }
}

/** The `fields` a logged register or update call carried. */
const fieldsOf = (entry: { params: unknown } | undefined) =>
  (entry?.params as { fields?: Record<string, unknown> } | undefined)?.fields

const stored = (emulated: Emulated, trigger: string) =>
  emulated.portal.getState().commands.find((command) => command.command === trigger)

describe('a flag the file does not know (live lists leave out hidden, so exports write null)', () => {
  it('is never sent as false: the command waits for a choice, then is registered with it', async () => {
    const emulated = createEmulatedClient()
    const { entries } = await exportThen(emulated, async (all) => {
      const escalate = all.find((command) => command.command === '/escalate')
      await removeCommands(emulated.client, [escalate?.id ?? 0])
    })
    const entry = entries.find((each) => each.file.command === '/escalate')
    if (entry?.kind !== 'gone') throw new Error('/escalate is not gone')
    expect(entry.unknown).toEqual(['hidden'])
    expect(pickOf(entry)).toBeNull()
    const pick = pickOf(entry, { hidden: true })
    if (!pick) throw new Error('no pick')
    emulated.portal.clearLog()
    const results = await restoreCommands(emulated.client, [pick])
    expect(results.get(pick.key)).toEqual({
      status: 'restored',
      sent: {
        flags: { common: false, hidden: true, extranetSupport: false },
        texts: ['title', 'params'],
        language: 'en',
      },
    })
    const register = emulated.portal.getLog().find((e) => e.method === 'imbot.v2.Command.register')
    expect(String(fieldsOf(register)?.hidden)).toMatch(/^(true|1|Y)$/)
    // Hidden as chosen; the titles of the one language the export held (the others were never in the file).
    expect(stored(emulated, 'escalate')).toMatchObject({
      hidden: true,
      titles: { en: 'Escalate to the second line' },
      params: { en: '<ticket number>' },
    })
    expect(Object.keys(stored(emulated, 'escalate')?.titles ?? {})).toEqual(['en'])
  })
})

describe('a file in another language than the list’s (a Russian file on an English portal)', () => {
  it('updates only the flags that differ, leaves every title alone, and registers the gone ones in Russian', async () => {
    const emulated = createEmulatedClient()
    const state = emulated.portal.getState()
    const { entries } = await exportThen(
      emulated,
      async (all) => {
        const sla = all.find((command) => command.command === '/sla')
        await removeCommands(emulated.client, [sla?.id ?? 0])
      },
      ({ bots, commands }) => ({
        // Exported where Bot.list says ru: the Russian titles, and one flag changed since.
        bots: bots.map((bot) => ({ ...bot, language: 'ru' })),
        commands: commands.map((command) => {
          const inState = state.commands.find((each) => each.id === command.id)
          return {
            ...command,
            title: inState?.titles.ru ?? '',
            params: inState?.params.ru ?? '',
            common: command.command === '/ticket' ? true : command.common,
          }
        }),
      }),
    )
    const helpdesk = entries.filter((entry) => entry.bot?.id === 1)
    expect(helpdesk.filter((entry) => entry.kind === 'unchanged')).toHaveLength(10)
    const ticket = helpdesk.find((entry) => entry.file.command === '/ticket')
    expect(ticket?.kind === 'differs' && ticket.fields).toEqual(['common'])
    const picks = picksOf(entries)
    expect(picks.map((pick) => pick.file.command).sort()).toEqual(['/sla', '/ticket'])
    emulated.portal.clearLog()
    const results = await restoreCommands(emulated.client, picks)
    const byTrigger = Object.fromEntries(picks.map((pick) => [pick.file.command, results.get(pick.key)]))
    expect(byTrigger['/ticket']).toEqual({
      status: 'updated',
      sent: { flags: { common: true }, texts: [], language: 'en' },
    })
    expect(byTrigger['/sla']).toMatchObject({
      status: 'restored',
      sent: { language: 'ru', texts: ['title'] },
    })
    const update = emulated.portal.getLog().find((e) => e.method === 'imbot.v2.Command.update')
    expect(Object.keys(fieldsOf(update) ?? {})).toEqual(['common'])
    const before = state.commands.find((command) => command.command === 'ticket')
    expect(stored(emulated, 'ticket')).toMatchObject({ common: true, titles: before?.titles })
    expect(stored(emulated, 'sla')?.titles).toEqual({ ru: 'Обзор SLA' })
  })
})

describe('Bitrix24 asking to slow down during a restore', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits and sends again the commands it answered QUERY_LIMIT_EXCEEDED for, saying which wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) => c.botId === 1 && ['/assign', '/close', '/faq'].includes(c.command),
    )
    emulated.portal.injectFault({
      method: 'imbot.v2.Command.register',
      code: 'QUERY_LIMIT_EXCEEDED',
      count: 2,
    })
    emulated.portal.clearLog()
    const waiting: [string[], boolean][] = []
    const run = restoreCommands(emulated.client, picks, {
      onWaiting: (keys, on) => waiting.push([[...keys], on]),
    })
    await vi.advanceTimersByTimeAsync(10_000)
    const results = await run
    expect(picks.map((pick) => results.get(pick.key)?.status)).toEqual(['restored', 'restored', 'restored'])
    const firstTwo = picks.slice(0, 2).map((pick) => pick.key)
    expect(waiting).toEqual([
      [firstTwo, true],
      [firstTwo, false],
    ])
    const registers = emulated.portal.getLog().filter((e) => e.method === 'imbot.v2.Command.register')
    expect(registers).toHaveLength(5)
    for (const trigger of ['assign', 'close', 'faq'])
      expect(triggersOf(emulated.portal, 1)).toContain(trigger)
  })

  it('waits out a whole request refused with QUERY_LIMIT_EXCEEDED, and sends it again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(
      emulated,
      (c) => c.botId === 1 && ['/assign', '/close'].includes(c.command),
    )
    let batches = 0
    const limited: PortalClient = {
      ...emulated.client,
      batch: async (calls) => {
        batches++
        // The second request (the first of registers) is refused as a whole, as the rate limit does.
        if (batches === 2) {
          throw new PortalError({
            code: 'QUERY_LIMIT_EXCEEDED',
            status: 503,
            description: '',
            method: 'batch',
          })
        }
        return emulated.client.batch(calls)
      },
    }
    const run = restoreCommands(limited, picks)
    await vi.advanceTimersByTimeAsync(10_000)
    const results = await run
    expect([...results.values()].map((outcome) => outcome.status)).toEqual(['restored', 'restored'])
  })
})

describe('what Bitrix24 answered, compared with what was sent', () => {
  /** A portal whose register answers `answer(sent)` instead of registering. */
  const answering = (
    emulated: Emulated,
    answer: (fields: Record<string, unknown>) => unknown,
  ): PortalClient => ({
    ...emulated.client,
    batch: async (calls) => {
      const real = Object.fromEntries(
        Object.entries(calls).filter(([, call]) => call.method !== 'imbot.v2.Command.register'),
      )
      const answers = Object.keys(real).length > 0 ? await emulated.client.batch(real) : {}
      for (const [key, call] of Object.entries(calls)) {
        if (call.method === 'imbot.v2.Command.register')
          answers[key] = { ok: true, result: answer(call.params.fields as Record<string, unknown>) }
      }
      return answers
    },
  })

  it('a register that answered a command already there (another owner’s, or /1 for /1.0) saved nothing', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => c.botId === 1 && c.command === '/faq')
    const results = await restoreCommands(
      answering(emulated, () => ({
        command: { id: 1, botId: 1, command: '/help', common: true, hidden: false, extranetSupport: true },
      })),
      picks,
    )
    const outcome = results.get(picks[0]?.key ?? '')
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({
      kind: 'existing',
      command: '/help',
    })
  })

  it('a flag the answer shows otherwise was not saved', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => c.botId === 1 && c.command === '/faq')
    const results = await restoreCommands(
      answering(emulated, (fields) => ({
        command: {
          id: 500,
          botId: 1,
          command: '/faq',
          common: fields.common,
          hidden: true,
          extranetSupport: true,
        },
      })),
      picks,
    )
    const outcome = results.get(picks[0]?.key ?? '')
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({
      kind: 'fields',
      fields: ['hidden'],
    })
  })

  it('a title the list read at the end does not show was not saved (Bitrix24 drops some without a word)', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => c.botId === 1 && c.command === '/faq')
    // A portal that keeps the command but not its title, as the server does with a title it refuses.
    const dropping: PortalClient = {
      ...emulated.client,
      batch: (calls) =>
        emulated.client.batch(
          Object.fromEntries(
            Object.entries(calls).map(([key, call]) => [
              key,
              call.method === 'imbot.v2.Command.register'
                ? {
                    ...call,
                    params: {
                      ...call.params,
                      fields: { ...(call.params.fields as object), title: { en: 'Something else' } },
                    },
                  }
                : call,
            ]),
          ),
        ),
    }
    const results = await restoreCommands(dropping, picks)
    const outcome = results.get(picks[0]?.key ?? '')
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({ kind: 'fields', fields: ['title'] })
  })
})

describe('what the faithful sandbox keeps', () => {
  it('a register answering a command listed before (its id is not new) saved nothing', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => c.botId === 1 && c.command === '/faq')
    // Same trigger in the answer, but the id of /help, listed before the run: not a command this run made.
    const results = await restoreCommands(
      {
        ...emulated.client,
        batch: async (calls) => {
          const answers = await emulated.client.batch(calls)
          for (const [key, call] of Object.entries(calls)) {
            if (call.method === 'imbot.v2.Command.register') {
              answers[key] = {
                ok: true,
                result: { command: { id: 1, botId: 1, command: '/faq', common: true, hidden: false } },
              }
            }
          }
          return answers
        },
      },
      picks,
    )
    const outcome = results.get(picks[0]?.key ?? '')
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({ kind: 'existing', command: '/faq' })
  })

  it('a title over 255 characters is dropped without a word (im/lib/model/commandlang.php): not saved', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => c.botId === 1 && c.command === '/faq')
    const [pick] = picks
    if (pick?.kind !== 'gone') throw new Error('/faq is not gone')
    // Past the preview's check (which refuses it), as if the file were sent as it is.
    const tooLong = { ...pick, file: { ...pick.file, title: 'x'.repeat(256) } }
    const results = await restoreCommands(emulated.client, [tooLong])
    const outcome = results.get(pick.key)
    expect(outcome?.status === 'not-saved' && outcome.notSaved).toEqual({
      kind: 'fields',
      fields: ['title', 'params'],
    })
    expect(stored(emulated, 'faq')?.titles).toEqual({})
  })
})

describe('a differing command removed between the preview and the restore', () => {
  it('is said to be no longer there, and nothing is sent for it (an update needs the command)', async () => {
    const emulated = createEmulatedClient()
    const { entries } = await exportThen(
      emulated,
      async () => undefined,
      ({ bots, commands }) => ({
        bots,
        commands: commands.map((c) => (c.command === '/kb' ? { ...c, common: true } : c)),
      }),
    )
    const [pick] = picksOf(entries.filter((entry) => entry.file.command === '/kb'))
    if (pick?.kind !== 'differs') throw new Error('/kb does not differ')
    await removeCommands(emulated.client, [pick.current.id])
    emulated.portal.clearLog()
    const results = await restoreCommands(emulated.client, [pick])
    expect(results.get(pick.key)).toEqual({ status: 'vanished' })
    const sent = emulated.portal.getLog().map((entry) => entry.method)
    expect(sent.filter((method) => method !== 'batch' && method !== 'imbot.v2.Command.list')).toEqual([])
  })
})

describe('a restore stopped by the admin', () => {
  /** Counts the batch requests as they leave; `onBatch(n, calls)` runs as the n-th (from 1) leaves, before it goes. */
  const watching = (
    emulated: Emulated,
    onBatch: (n: number, calls: Record<string, BatchCall>) => void | Promise<void>,
  ): PortalClient => {
    let batches = 0
    return {
      ...emulated.client,
      batch: async (calls) => {
        await onBatch(++batches, calls)
        return emulated.client.batch(calls)
      },
    }
  }
  const registersIn = (calls: Record<string, BatchCall>) =>
    Object.values(calls).filter((call) => call.method === 'imbot.v2.Command.register').length
  const statuses = (picks: readonly RestorePick[], results: ReadonlyMap<string, { status: string }>) =>
    picks.map((pick) => results.get(pick.key)?.status)
  const counted = (values: readonly (string | undefined)[]) =>
    Object.fromEntries([...new Set(values)].map((value) => [value, values.filter((v) => v === value).length]))

  it('sends nothing after the batch on its way, which is answered and then confirmed by the lists', async () => {
    const emulated = createEmulatedClient()
    emulated.portal.seed({ botId: 1, commands: 150 })
    const { picks } = await exportAndRemove(emulated, (c) => c.title.startsWith('Generated'))
    emulated.portal.clearLog()
    const stop = new RestoreStop()
    const progress: number[] = []
    const phases: string[] = []
    // The stop comes while the second batch of registers is on its way: that one still counts.
    const client = watching(emulated, (n, calls) => {
      if (registersIn(calls) > 0 && n === 3) stop.request()
    })
    const results = await restoreCommands(client, picks, {
      stop,
      onProgress: ({ done }) => progress.push(done),
      onPhase: (phase) => phases.push(phase),
    })
    expect(counted(statuses(picks, results))).toEqual({ restored: 100, stopped: 50 })
    const log = emulated.portal.getLog()
    expect(log.filter((entry) => entry.method === 'imbot.v2.Command.register')).toHaveLength(100)
    // The lists were read after the last register: the restored ones were seen there.
    expect(log.at(-1)?.method).toBe('imbot.v2.Command.list')
    expect(progress).toEqual([0, 50, 100])
    expect(phases).toEqual(['reading', 'sending', 'checking'])
    // Each command the summary calls stopped is not on the portal; each restored one is.
    const stored = new Set(triggersOf(emulated.portal, 1))
    for (const pick of picks)
      expect(stored.has(pick.file.command.slice(1))).toBe(results.get(pick.key)?.status === 'restored')
  })

  it('sends nothing when it comes while the lists are read first, and does not wait for that reading', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => ['/assign', '/close'].includes(c.command))
    emulated.portal.clearLog()
    const stop = new RestoreStop()
    // A portal that never answers the reading: only the stop ends the wait.
    const client: PortalClient = {
      ...emulated.client,
      batch: () => {
        queueMicrotask(() => stop.request())
        return new Promise(() => undefined)
      },
    }
    const results = await restoreCommands(client, picks, { stop })
    expect(statuses(picks, results)).toEqual(['stopped', 'stopped'])
    expect(emulated.portal.getLog()).toEqual([])
  })

  it('gives up the reading of the lists at the end when it comes then: the answers stand', async () => {
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) => ['/assign', '/close'].includes(c.command))
    const stop = new RestoreStop()
    let batches = 0
    const client: PortalClient = {
      ...emulated.client,
      batch: (calls) => {
        // The third request (the reading after the registers) never answers; the admin stops waiting for it.
        if (++batches < 3) return emulated.client.batch(calls)
        queueMicrotask(() => stop.request())
        return new Promise(() => undefined)
      },
    }
    const results = await restoreCommands(client, picks, { stop })
    expect(statuses(picks, results)).toEqual(['restored', 'restored'])
    expect(triggersOf(emulated.portal, 1)).toEqual(expect.arrayContaining(['assign', 'close']))
  })

  it('ends a wait Bitrix24 asked for at once, and sends nothing more: the refused commands were not sent', async () => {
    vi.useFakeTimers()
    const emulated = createEmulatedClient()
    const { picks } = await exportAndRemove(emulated, (c) =>
      ['/assign', '/close', '/faq'].includes(c.command),
    )
    emulated.portal.injectFault({
      method: 'imbot.v2.Command.register',
      code: 'QUERY_LIMIT_EXCEEDED',
      count: 1,
    })
    emulated.portal.clearLog()
    const stop = new RestoreStop()
    const results = await restoreCommands(emulated.client, picks, {
      stop,
      onWaiting: (_keys, on) => on && stop.request(),
    })
    vi.useRealTimers()
    expect(statuses(picks, results)).toEqual(['stopped', 'restored', 'restored'])
    expect(emulated.portal.getLog().filter((e) => e.method === 'imbot.v2.Command.register')).toHaveLength(3)
    expect(triggersOf(emulated.portal, 1)).not.toContain('assign')
  })

  it('hears the end of every request, so that a wait for an answer is timed from the last one', async () => {
    const emulated = createEmulatedClient()
    emulated.portal.seed({ botId: 1, commands: 60 })
    const { picks } = await exportAndRemove(emulated, (c) => c.title.startsWith('Generated'))
    let answers = 0
    await restoreCommands(emulated.client, picks, { onAnswer: () => answers++ })
    // The reading first, two batches of registers, the reading after.
    expect(answers).toBe(4)
  })
})

describe('finding a command of the file in a list', () => {
  it('finds what a walk of the list finds: the exact trigger, with case, the first one listed', () => {
    const command = (id: number, trigger: string) =>
      ({
        id,
        botId: 1,
        command: trigger,
        title: '',
        params: '',
        common: false,
        hidden: null,
        extranetSupport: false,
        category: '',
        context: '',
      }) as Command
    const list = [command(1, '/Help'), command(2, '/help'), command(3, '/help'), command(4, '//x')]
    const find = commandsByTrigger(list)
    for (const trigger of ['/help', '/Help', '/HELP', '//x', '/x', 'help'])
      expect(find(trigger)).toBe(list.find((c) => sameTrigger(c.command, trigger)))
    expect(find('/help')?.id).toBe(2)
  })
})
