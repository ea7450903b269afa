import { describe, expect, it } from 'vitest'
import { parseFaultInjection, parseSeedRequest, parseSettingsPatch } from '../../../src/sandbox/emulator'
import { type BatchBody, type CommandItem, errorOf, portalFixture } from './portal-fixture'

describe('fault injection', () => {
  it("answers the next `count` calls with the code and the reference's status, without acting", () => {
    const { call, portal } = portalFixture()
    portal.injectFault({
      method: 'imbot.command.unregister',
      code: 'INTERNAL_SERVER_ERROR',
      count: 2,
      mode: 'error',
    })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 1 }))).toEqual({
      status: 500,
      error: 'INTERNAL_SERVER_ERROR',
      description: 'Internal server error',
    })
    expect(portal.listFaults()).toEqual([
      { method: 'imbot.command.unregister', code: 'INTERNAL_SERVER_ERROR', count: 1, mode: 'error' },
    ])
    expect(call('imbot.command.unregister', { COMMAND_ID: 1 }).status).toBe(500)
    expect(portal.listFaults()).toEqual([])
    expect(portal.getState().commands.some((command) => command.id === 1)).toBe(true)
    expect(call('imbot.command.unregister', { COMMAND_ID: 1 }).status).toBe(200)
  })

  it.each([
    ['QUERY_LIMIT_EXCEEDED', 503],
    ['OPERATION_TIME_LIMIT', 429],
    ['insufficient_scope', 403],
    ['expired_token', 401],
    ['ERROR_METHOD_NOT_FOUND', 404],
    ['APP_ID_ERROR', 400],
    ['BOT_OWNERSHIP_ERROR', 400],
    ['SOMETHING_ELSE', 400],
  ])('answers %s with HTTP %i', (code, status) => {
    const { call, portal } = portalFixture()
    portal.injectFault({ method: 'imbot.v2.Bot.list', code, count: 1, mode: 'error' })
    expect(errorOf(call('imbot.v2.Bot.list'))).toMatchObject({ status, error: code })
  })

  it('only consumes a fault on calls whose params match (as strings)', () => {
    const { call, portal } = portalFixture()
    portal.injectFault({
      method: 'imbot.command.unregister',
      code: 'WRONG_REQUEST',
      count: 1,
      mode: 'error',
      match: { COMMAND_ID: 7 },
    })
    expect(call('imbot.command.unregister', { COMMAND_ID: 6 }).status).toBe(200)
    expect(portal.listFaults()).toHaveLength(1)
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: '7' })).error).toBe('WRONG_REQUEST')
    expect(portal.listFaults()).toHaveLength(0)
  })

  it('drop mode acts for real and asks the HTTP layer to drop the connection', () => {
    const { call, portal } = portalFixture()
    portal.injectFault({ method: 'imbot.command.unregister', code: 'NETWORK', count: 1, mode: 'drop' })
    const outcome = call('imbot.command.unregister', { COMMAND_ID: 2 })
    expect(outcome.drop).toBe(true)
    expect(portal.getState().commands.some((command) => command.id === 2)).toBe(false)
    // The SDK retries: the retry now finds the command gone.
    const retry = call('imbot.command.unregister', { COMMAND_ID: 2 })
    expect(retry.drop).toBe(false)
    expect(errorOf(retry).error).toBe('COMMAND_ID_ERROR')
    expect(portal.getLog().map((entry) => entry.dropped)).toEqual([true, undefined])
  })

  it('applies error faults to sub-calls inside batch, in result_error', () => {
    const { call, portal } = portalFixture()
    portal.injectFault({
      method: 'imbot.command.unregister',
      code: 'INTERNAL_SERVER_ERROR',
      count: 1,
      mode: 'error',
      match: { COMMAND_ID: 2 },
    })
    const outcome = call('batch', {
      cmd: ['imbot.command.unregister?COMMAND_ID=1', 'imbot.command.unregister?COMMAND_ID=2'],
    })
    expect(outcome.status).toBe(200)
    const body = outcome.body as BatchBody
    expect(body.result.result_error).toEqual({
      '1': { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' },
    })
    expect(portal.getState().commands.some((command) => command.id === 2)).toBe(true)
  })

  it('drops the whole batch after all sub-calls ran when a sub-call has a drop fault', () => {
    const { call, portal } = portalFixture()
    portal.injectFault({
      method: 'imbot.command.unregister',
      code: 'x',
      count: 1,
      mode: 'drop',
      match: { COMMAND_ID: 1 },
    })
    const outcome = call('batch', {
      cmd: ['imbot.command.unregister?COMMAND_ID=1', 'imbot.command.unregister?COMMAND_ID=2'],
    })
    expect(outcome.drop).toBe(true)
    const ids = portal.getState().commands.map((command) => command.id)
    expect(ids).not.toContain(1)
    expect(ids).not.toContain(2)
    const log = portal.getLog()
    expect(log.map((entry) => [entry.method, entry.inBatch, entry.dropped])).toEqual([
      ['batch', undefined, true],
      ['imbot.command.unregister', 1, true],
      ['imbot.command.unregister', 1, undefined],
    ])
  })

  it("fails the whole batch request with a fault on 'batch'", () => {
    const { call, portal } = portalFixture()
    portal.injectFault({ method: 'batch', code: 'QUERY_LIMIT_EXCEEDED', count: 1, mode: 'error' })
    const outcome = call('batch', { cmd: ['imbot.command.unregister?COMMAND_ID=1'] })
    expect(errorOf(outcome)).toMatchObject({ status: 503, error: 'QUERY_LIMIT_EXCEEDED' })
    expect(portal.getState().commands.some((command) => command.id === 1)).toBe(true)
    portal.injectFault({ method: 'batch', code: 'x', count: 1, mode: 'drop' })
    expect(call('batch', { cmd: ['imbot.command.unregister?COMMAND_ID=1'] }).drop).toBe(true)
    expect(portal.getState().commands.some((command) => command.id === 1)).toBe(false)
  })

  it('clears faults', () => {
    const { portal } = portalFixture()
    portal.injectFault({ method: 'batch', code: 'x', count: 3, mode: 'error' })
    portal.clearFaults()
    expect(portal.listFaults()).toEqual([])
  })

  it('parses faults from untrusted JSON with defaults', () => {
    expect(parseFaultInjection({ method: 'batch', code: 'OVERLOAD_LIMIT' })).toEqual({
      method: 'batch',
      code: 'OVERLOAD_LIMIT',
      count: 1,
      mode: 'error',
    })
    expect(() => parseFaultInjection({ method: 'batch' })).toThrow(/code/)
    expect(() => parseFaultInjection({ method: 'batch', code: 'x', count: 0 })).toThrow(/count/)
    expect(() => parseFaultInjection({ method: 'batch', code: 'x', mode: 'explode' })).toThrow(/mode/)
    expect(() => parseFaultInjection({ method: 'batch', code: 7 })).toThrow(/code/)
  })
})

describe('call log', () => {
  it('logs every call, errors and batch sub-calls included, and never auth', () => {
    const { call, portal, token } = portalFixture()
    call('imbot.v2.Command.list', { botId: 1 })
    call('imbot.command.unregister', {})
    portal.handle({ method: 'imbot.bot.list', params: {} })
    call('batch', { cmd: { a: `imbot.command.unregister?COMMAND_ID=4&auth=${token}` } })
    const log = portal.getLog()
    expect(log.map((entry) => [entry.seq, entry.method, entry.status, entry.error, entry.inBatch])).toEqual([
      [1, 'imbot.v2.Command.list', 200, undefined, undefined],
      [2, 'imbot.command.unregister', 400, 'COMMAND_ID_ERROR', undefined],
      [3, 'imbot.bot.list', 401, 'NO_AUTH_FOUND', undefined],
      [4, 'batch', 200, undefined, undefined],
      [5, 'imbot.command.unregister', 200, undefined, 4],
    ])
    expect(log[0]?.params).toEqual({ botId: 1 })
    expect(log[4]?.params).toEqual({ COMMAND_ID: '4' })
    expect(log[3]?.params).toEqual({ cmd: { a: 'imbot.command.unregister?COMMAND_ID=4' } })
    expect(JSON.stringify(log)).not.toContain(token)
    expect(JSON.stringify(log)).not.toContain('auth')
    expect(log[0]?.at).toBe('2026-02-26T09:00:00.000Z')
  })

  it('clears', () => {
    const { call, portal } = portalFixture()
    call('imbot.bot.list')
    portal.clearLog()
    expect(portal.getLog()).toEqual([])
  })
})

describe('seed', () => {
  it('adds 120 commands to one bot', () => {
    const { portal, result } = portalFixture({ answerShape: 'docs' })
    const seeded = portal.seed({ botId: 1, commands: 120 })
    expect(seeded.botIds).toEqual([])
    expect(seeded.commandIds).toHaveLength(120)
    const { commands } = result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: 1 })
    expect(commands).toHaveLength(132)
    expect(new Set(commands.map((command) => command.command)).size).toBe(132)
  })

  it('adds 50 bots with 20 commands each to an empty portal', () => {
    // The docs' hasNextPage: a live portal would say another page may follow a full one.
    const { portal, result } = portalFixture({ answerShape: 'docs' })
    const seeded = portal.seed({ replace: true, bots: 50, commandsPerBot: 20 })
    expect(seeded.botIds).toHaveLength(50)
    expect(seeded.commandIds).toHaveLength(1000)
    const state = portal.getState()
    expect(state.bots).toHaveLength(50)
    expect(state.commands).toHaveLength(1000)
    const list = result<{ bots: { id: number; countCommand: number }[]; hasNextPage: boolean }>(
      'imbot.v2.Bot.list',
    )
    expect(list.bots).toHaveLength(50)
    expect(list.bots.every((bot) => bot.countCommand === 20)).toBe(true)
    expect(list.hasNextPage).toBe(false)
  })

  it('empties the portal with replace alone and rejects an unknown bot', () => {
    const { portal } = portalFixture()
    portal.seed({ replace: true })
    expect(portal.getState()).toEqual({ bots: [], commands: [], installFinishCalls: 0 })
    expect(() => portal.seed({ botId: 1, commands: 1 })).toThrow(RangeError)
    expect(() => portal.seed({ bots: 1000, commandsPerBot: 1000 })).toThrow(RangeError)
    expect(portal.getState().bots).toEqual([])
  })

  it('parses seed requests from untrusted JSON', () => {
    expect(parseSeedRequest({ bots: 2, commandsPerBot: 3 })).toEqual({ bots: 2, commandsPerBot: 3 })
    expect(() => parseSeedRequest({ bots: -1 })).toThrow(/bots/)
    expect(() => parseSeedRequest({ replace: 'yes' })).toThrow(/replace/)
  })
})

describe('settings and reset', () => {
  it('merges partial settings, rate limit included', () => {
    const { portal } = portalFixture()
    expect(portal.updateSettings({ rateLimit: { burst: 5 } }).rateLimit).toEqual({ burst: 5, drainPerSec: 2 })
    expect(portal.updateSettings({ latencyMs: -5 }).latencyMs).toBe(0)
    expect(() => parseSettingsPatch({ lang: 'es' })).toThrow(/lang/)
    expect(() => parseSettingsPatch({ isAdmin: 'yes' })).toThrow(/isAdmin/)
    expect(() => parseSettingsPatch({ answerShape: 'legacy' })).toThrow(
      "settings.answerShape must be 'live' or 'docs'",
    )
    expect(parseSettingsPatch({ answerShape: 'docs' })).toEqual({ answerShape: 'docs' })
    expect(portal.updateSettings({ answerShape: 'docs' }).answerShape).toBe('docs')
    expect(parseSettingsPatch({ latencyMs: '250', rateLimit: { drainPerSec: 5 } })).toEqual({
      latencyMs: 250,
      rateLimit: { drainPerSec: 5 },
    })
  })

  it('reset restores seed state and default settings (keeping constructor overrides), clears faults and log', () => {
    const fixture = portalFixture({ lang: 'de' })
    const { portal } = fixture
    fixture.call('imbot.command.unregister', { COMMAND_ID: 1 })
    portal.seed({ bots: 3 })
    portal.updateSettings({ lang: 'ru', isAdmin: false, imbotV2: false, answerShape: 'docs' })
    portal.injectFault({ method: 'batch', code: 'x', count: 1, mode: 'error' })
    portal.reset()
    expect(portal.getSettings()).toMatchObject({
      lang: 'de',
      isAdmin: true,
      imbotV2: true,
      answerShape: 'live',
    })
    expect(portal.listFaults()).toEqual([])
    expect(portal.getLog()).toEqual([])
    const state = portal.getState()
    expect(state.bots).toHaveLength(4)
    expect(state.commands).toHaveLength(23)
    // Tokens issued before the reset answer expired_token, so that an open app refreshes.
    expect(errorOf(fixture.call('imbot.bot.list')).error).toBe('expired_token')
    fixture.token = portal.initData('127.0.0.1:5173').AUTH_ID
    expect(fixture.call('imbot.bot.list').status).toBe(200)
    expect(portal.getLog().map((entry) => entry.seq)).toEqual([1, 2])
  })
})
