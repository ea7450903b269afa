import { describe, expect, it } from 'vitest'
import { type BatchBody, errorOf, portalFixture } from './portal-fixture'

describe('batch', () => {
  it('runs sub-calls (string params, PHP brackets) and answers 200 with result and result_error', () => {
    const { call, portal } = portalFixture()
    const outcome = call('batch', {
      halt: 0,
      cmd: {
        bots: 'imbot.v2.Bot.list?filter[type]=bot&limit=10',
        first: 'imbot.v2.Command.list?botId=1',
        gone: 'imbot.command.unregister?COMMAND_ID=9999',
        removed: 'imbot.command.unregister?COMMAND_ID=3',
      },
    })
    expect(outcome.status).toBe(200)
    const body = outcome.body as BatchBody
    const result = body.result.result as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['bots', 'first', 'removed'])
    // A live portal's list: its six built-in commands, then the bot's twelve.
    expect((result.first as { commands: unknown[] }).commands).toHaveLength(6 + 12)
    expect(result.removed).toBe(true)
    expect(body.result.result_error).toEqual({
      gone: { error: 'COMMAND_ID_ERROR', error_description: 'Command not found' },
    })
    expect(Object.keys(body.result.result_time)).toEqual(['bots', 'first', 'removed'])
    expect(body.result.result_total).toEqual([])
    expect(body.result.result_next).toEqual([])
    expect(Object.keys(body.time)).toContain('operating')
    expect(portal.getState().commands.some((command) => command.id === 3)).toBe(false)
  })

  it('answers lists for a cmd list, and an empty result_error as []', () => {
    const { call } = portalFixture()
    const body = call('batch', {
      cmd: ['imbot.command.unregister?COMMAND_ID=1', 'imbot.command.unregister?COMMAND_ID=2'],
    }).body as BatchBody
    expect(body.result.result).toEqual([true, true])
    expect(body.result.result_error).toEqual([])
  })

  it('keys a partially failed cmd list by index, as PHP does', () => {
    const { call } = portalFixture()
    const body = call('batch', {
      cmd: ['imbot.command.unregister?COMMAND_ID=1', 'imbot.command.unregister?COMMAND_ID=12'],
    }).body as BatchBody
    expect(body.result.result).toEqual([true])
    expect(body.result.result_error).toEqual({
      '1': { error: 'WRONG_REQUEST', error_description: "Command can't be deleted" },
    })
  })

  it('stops at the first error with halt=1', () => {
    const { call, portal } = portalFixture()
    const body = call('batch', {
      halt: '1',
      cmd: {
        a: 'imbot.command.unregister?COMMAND_ID=15',
        b: 'imbot.command.unregister?COMMAND_ID=1',
      },
    }).body as BatchBody
    expect(body.result.result).toEqual([])
    expect(Object.keys(body.result.result_error)).toEqual(['a'])
    expect(portal.getState().commands.some((command) => command.id === 1)).toBe(true)
  })

  it('validates sub-call params like direct calls (missing, mistyped)', () => {
    const { call } = portalFixture()
    const body = call('batch', {
      cmd: { a: 'imbot.v2.Command.list', b: 'imbot.v2.Bot.list?limit=lots', c: 'no.such.method' },
    }).body as BatchBody
    const errors = body.result.result_error as Record<string, { error: string }>
    expect(errors.a?.error).toBe('BOT_ID_REQUIRED')
    expect(errors.b?.error).toBe('INVALID_ARG_VALUE')
    expect(errors.c?.error).toBe('ERROR_METHOD_NOT_FOUND')
  })

  it('runs the first 50 commands; every later one answers ERROR_BATCH_LENGTH_EXCEEDED in its slot (rest_provider.php methodsBatch)', () => {
    const { call } = portalFixture()
    expect(call('batch', { cmd: Array.from({ length: 50 }, () => 'imbot.bot.list') }).status).toBe(200)
    const outcome = call('batch', { cmd: Array.from({ length: 52 }, () => 'imbot.bot.list') })
    expect(outcome.status).toBe(200)
    const body = outcome.body as BatchBody
    expect(Object.keys(body.result.result)).toHaveLength(50)
    expect(body.result.result_error).toEqual({
      '50': { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      '51': { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
  })

  it('refuses batch inside batch in result_error', () => {
    const { call } = portalFixture()
    const outcome = call('batch', { cmd: { inner: 'batch?cmd[0]=imbot.bot.list', ok: 'imbot.bot.list' } })
    expect(outcome.status).toBe(200)
    const body = outcome.body as BatchBody
    expect((body.result.result_error as Record<string, { error: string }>).inner?.error).toBe(
      'ERROR_BATCH_METHOD_NOT_ALLOWED',
    )
    expect(Object.keys(body.result.result)).toEqual(['ok'])
  })

  it('answers imbot.v2 sub-calls with ERROR_METHOD_NOT_FOUND when v2 is off', () => {
    const { call } = portalFixture({ imbotV2: false })
    const body = call('batch', {
      cmd: { list: 'imbot.v2.Command.list?botId=1', remove: 'imbot.command.unregister?COMMAND_ID=1' },
    }).body as BatchBody
    expect(body.result.result_error).toEqual({
      list: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    })
    expect(body.result.result).toEqual({ remove: true })
  })

  it('reads cmd and halt in any case; without cmd (or with one that is no list) it runs nothing, 200', () => {
    const { call, portal } = portalFixture()
    const empty = { result: [], result_error: [], result_total: [], result_next: [], result_time: [] }
    expect((call('batch', {}).body as BatchBody).result).toEqual(empty)
    expect((call('batch', { cmd: 'imbot.bot.list' }).body as BatchBody).result).toEqual(empty)
    const upper = call('batch', {
      HALT: 'N',
      CMD: { a: 'imbot.command.unregister?COMMAND_ID=12', b: 'imbot.command.unregister?COMMAND_ID=1' },
    }).body as BatchBody
    // "N" is a non-empty string: true to PHP, so the batch halts at the first error.
    expect(upper.result.result).toEqual([])
    expect(Object.keys(upper.result.result_error)).toEqual(['a'])
    expect(portal.getState().commands.some((command) => command.id === 1)).toBe(true)
  })

  it('skips a command that is not a string without a word, and answers an empty one ERROR_METHOD_NOT_FOUND', () => {
    const { call } = portalFixture()
    const body = call('batch', { cmd: { a: 5, b: '', c: 'imbot.bot.list' } }).body as BatchBody
    expect(Object.keys(body.result.result)).toEqual(['c'])
    expect(body.result.result_error).toEqual({
      b: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    })
  })

  it('needs the auth of the batch itself', () => {
    const { portal } = portalFixture()
    expect(errorOf(portal.handle({ method: 'batch', params: { cmd: ['imbot.bot.list'] } })).error).toBe(
      'NO_AUTH_FOUND',
    )
  })
})
