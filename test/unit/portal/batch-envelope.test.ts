import { describe, expect, it } from 'vitest'
import { batchCommands, readBatchAnswer } from '../../../src/portal/on-demand/batch-envelope'

const calls = {
  c0: { method: 'imbot.command.unregister', params: { COMMAND_ID: 1 } },
  c1: { method: 'imbot.command.unregister', params: { COMMAND_ID: 2 } },
}

describe('batch, as the app sends and reads it', () => {
  it('encodes each call as "method?query" in PHP bracket notation', () => {
    expect(
      batchCommands({
        a: { method: 'imbot.v2.Command.list', params: { botId: 7, botToken: 'x y' } },
        b: { method: 'imbot.v2.Command.register', params: { fields: { title: { en: 'Help' } } } },
      }),
    ).toEqual({
      a: 'imbot.v2.Command.list?botId=7&botToken=x%20y',
      b: 'imbot.v2.Command.register?fields%5Btitle%5D%5Ben%5D=Help',
    })
  })

  it('reads results and errors by key; an empty map sent as [] is empty', () => {
    expect(
      readBatchAnswer(
        {
          result: { c0: true },
          result_error: { c1: { error: 'COMMAND_ID_ERROR', error_description: 'Command not found' } },
          result_total: [],
          result_next: [],
          result_time: [],
        },
        calls,
      ),
    ).toEqual({
      c0: { ok: true, result: true },
      c1: {
        ok: false,
        error: {
          code: 'COMMAND_ID_ERROR',
          status: 0,
          description: 'Command not found',
          method: 'imbot.command.unregister',
        },
      },
    })
    expect(readBatchAnswer({ result: { c0: true, c1: true }, result_error: [] }, calls)).toEqual({
      c0: { ok: true, result: true },
      c1: { ok: true, result: true },
    })
  })

  it('keeps an error with an empty code, with its description', () => {
    const outcomes = readBatchAnswer(
      {
        result: [],
        result_error: {
          c0: { error: '', error_description: 'Something failed' },
          c1: 'WRONG_REQUEST',
        },
      },
      calls,
    )
    expect(outcomes.c0).toEqual({
      ok: false,
      error: { code: '', status: 0, description: 'Something failed', method: 'imbot.command.unregister' },
    })
    // An error the server built without a code comes as "0": no code either.
    const uncoded = readBatchAnswer(
      { result: [], result_error: { c0: { error: '0', error_description: 'Invalid csrf token' } } },
      { c0: calls.c0 },
    )
    expect(uncoded.c0).toMatchObject({ ok: false, error: { code: '', description: 'Invalid csrf token' } })
    expect(outcomes.c1).toMatchObject({ ok: false, error: { code: 'WRONG_REQUEST' } })
  })

  it('never reads a missing outcome as success', () => {
    const outcomes = readBatchAnswer({ result: { c0: true }, result_error: [] }, calls)
    expect(outcomes.c1).toMatchObject({ ok: false, error: { code: 'MALFORMED_ANSWER' } })
    expect(readBatchAnswer('<html>', calls).c0).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_ANSWER' },
    })
  })
})
