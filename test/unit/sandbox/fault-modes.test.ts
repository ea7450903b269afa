import { describe, expect, it } from 'vitest'
import { parseFaultInjection } from '../../../src/sandbox/emulator'
import { type BatchBody, errorOf, portalFixture } from './portal-fixture'

// The fault modes browser tests use to check that the app copes with what live portals send: odd entries in a
// list (add-entry), and errors with an empty code.

const BROKEN = { id: 999, botId: 1, command: '/broken', common: 'maybe', appId: 'customS3CR3T' }

interface Listed {
  commands: unknown[]
}

describe('add-entry faults', () => {
  it.each(['live', 'docs'] as const)(
    'append the entry to the next `count` answers of Command.list, then stop (%s)',
    (answerShape) => {
      const { portal, result } = portalFixture({ answerShape })
      const plain = result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands
      portal.injectFault({ method: 'imbot.v2.Command.list', mode: 'add-entry', entry: BROKEN, count: 2 })
      expect(portal.listFaults()).toEqual([
        { method: 'imbot.v2.Command.list', mode: 'add-entry', entry: BROKEN, count: 2 },
      ])
      for (let i = 0; i < 2; i++) {
        expect(result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands).toEqual([...plain, BROKEN])
      }
      expect(result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands).toEqual(plain)
      expect(portal.listFaults()).toEqual([])
    },
  )

  it('append any JSON value to the bots of Bot.list, leaving users and hasNextPage alone', () => {
    const { portal, result } = portalFixture()
    const plain = result<{ bots: unknown[]; users: unknown[]; hasNextPage: boolean }>('imbot.v2.Bot.list')
    for (const entry of [null, 'text', 42, ['a'], { id: 'x', code: 'ghost' }]) {
      portal.injectFault({ method: 'IMBOT.V2.BOT.LIST', mode: 'add-entry', entry })
      const odd = result<typeof plain>('imbot.v2.Bot.list')
      expect(odd).toEqual({ ...plain, bots: [...plain.bots, entry] })
    }
  })

  it('only touch calls whose params match, inside batch too', () => {
    const { portal, call } = portalFixture()
    portal.injectFault({
      method: 'imbot.v2.Command.list',
      mode: 'add-entry',
      entry: BROKEN,
      match: { botId: 1 },
    })
    const body = call('batch', {
      cmd: { sales: 'imbot.v2.Command.list?botId=2', helpdesk: 'imbot.v2.Command.list?botId=1' },
    }).body as BatchBody
    const result = body.result.result as Record<string, Listed>
    expect(result.sales?.commands).not.toContainEqual(BROKEN)
    expect(result.helpdesk?.commands.at(-1)).toEqual(BROKEN)
    expect(portal.listFaults()).toEqual([])
  })

  it('wait for a successful answer: an error does not use them up', () => {
    const { portal, call, result } = portalFixture()
    portal.injectFault({ method: 'imbot.v2.Command.list', mode: 'add-entry', entry: BROKEN })
    expect(errorOf(call('imbot.v2.Command.list', { botId: 3 })).error).toBe('BOT_OWNERSHIP_ERROR')
    portal.injectFault({ method: 'imbot.v2.Command.list', code: 'INTERNAL_SERVER_ERROR' })
    expect(errorOf(call('imbot.v2.Command.list', { botId: 1 })).error).toBe('INTERNAL_SERVER_ERROR')
    expect(portal.listFaults()).toHaveLength(1)
    expect(result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands.at(-1)).toEqual(BROKEN)
  })

  it('hand out a copy of the entry each time', () => {
    const { portal, result } = portalFixture()
    const entry = { nested: { value: 1 } }
    portal.injectFault({ method: 'imbot.v2.Command.list', mode: 'add-entry', entry, count: 2 })
    entry.nested.value = 2
    const first = result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands.at(-1) as typeof entry
    expect(first).toEqual({ nested: { value: 1 } })
    first.nested.value = 3
    expect(result<Listed>('imbot.v2.Command.list', { botId: 1 }).commands.at(-1)).toEqual({
      nested: { value: 1 },
    })
  })

  it('show in the log', () => {
    const { portal, call } = portalFixture()
    portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry: 1 })
    call('imbot.v2.Bot.list')
    call('imbot.v2.Bot.list')
    expect(portal.getLog().map((entry) => [entry.method, entry.status, entry.fault])).toEqual([
      ['imbot.v2.Bot.list', 200, 'add-entry'],
      ['imbot.v2.Bot.list', 200, undefined],
    ])
  })

  it('are validated like the other modes', () => {
    expect(parseFaultInjection({ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry: null })).toEqual({
      method: 'imbot.v2.Bot.list',
      mode: 'add-entry',
      entry: null,
      count: 1,
    })
    expect(() => parseFaultInjection({ method: 'imbot.v2.Bot.list', mode: 'add-entry' })).toThrow(
      /fault\.entry/,
    )
    for (const method of ['batch', 'imbot.command.unregister', 'imbot.bot.list', 'no.such.method']) {
      expect(() => parseFaultInjection({ method, mode: 'add-entry', entry: {} })).toThrow(/fault\.method/)
    }
    expect(() =>
      parseFaultInjection({ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry: {}, count: 0 }),
    ).toThrow(/fault\.count/)
    expect(() =>
      parseFaultInjection({ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry: {}, match: 'x' }),
    ).toThrow(/fault\.match/)
    const { portal } = portalFixture()
    expect(() => portal.injectFault({ method: 'batch', mode: 'add-entry', entry: 1 })).toThrow(TypeError)
    expect(portal.listFaults()).toEqual([])
  })
})

describe('errors with an empty code', () => {
  it.each(['live', 'docs'] as const)(
    'answer {error: "", error_description} with HTTP 400 (%s)',
    (answerShape) => {
      const { portal, call } = portalFixture({ answerShape })
      for (const method of ['imbot.command.unregister', 'imbot.v2.Command.list']) {
        portal.injectFault({ method, code: '', description: 'Something failed' })
        const outcome = call(method, { COMMAND_ID: 1, botId: 1 })
        expect(outcome.status).toBe(400)
        expect(outcome.body).toEqual({ error: '', error_description: 'Something failed' })
      }
      expect(portal.getLog().map((entry) => [entry.status, entry.error, entry.fault])).toEqual([
        [400, '', 'error'],
        [400, '', 'error'],
      ])
    },
  )

  it('come inside batch as they are', () => {
    const { portal, call } = portalFixture()
    portal.injectFault({ method: 'imbot.command.unregister', code: '', description: 'Something failed' })
    const body = call('batch', { cmd: ['imbot.command.unregister?COMMAND_ID=1'] }).body as BatchBody
    expect(body.result.result_error).toEqual([{ error: '', error_description: 'Something failed' }])
  })

  it('need a description; a description may also replace the text of any code', () => {
    expect(() => parseFaultInjection({ method: 'batch', code: '' })).toThrow(/fault\.description/)
    expect(() => parseFaultInjection({ method: 'batch', code: ' ', description: ' ' })).toThrow(
      /fault\.description/,
    )
    expect(() => parseFaultInjection({ method: 'batch', code: 'x', description: 5 })).toThrow(
      /fault\.description/,
    )
    expect(parseFaultInjection({ method: 'batch', code: '', description: 'Failed' })).toEqual({
      method: 'batch',
      mode: 'error',
      code: '',
      description: 'Failed',
      count: 1,
    })
    const { portal, call } = portalFixture()
    portal.injectFault({
      method: 'imbot.v2.Bot.list',
      code: 'QUERY_LIMIT_EXCEEDED',
      description: 'Slow down',
    })
    expect(errorOf(call('imbot.v2.Bot.list'))).toEqual({
      status: 503,
      error: 'QUERY_LIMIT_EXCEEDED',
      description: 'Slow down',
    })
  })
})
