import { describe, expect, it } from 'vitest'
import { BUILT_IN_COMMANDS, DEFAULT_SETTINGS } from '../../../src/sandbox/emulator'
import {
  type BatchBody,
  type CommandItem,
  errorOf,
  type LiveCommandItem,
  portalFixture,
} from './portal-fixture'

// The answer shape: 'live' (the default) answers as shared/reference/live-portal.md says live portals do, 'docs' as
// the REST documentation says.

interface BotPage {
  bots: Record<string, unknown>[]
  hasNextPage: boolean
}

const BUILT_INS = ['/me', '/loud', '/>>', '/rename', '/getDialogId', '/webrtcDebug']

describe('the setting', () => {
  it('is live by default, switches to docs, and reset brings back live', () => {
    expect(DEFAULT_SETTINGS.answerShape).toBe('live')
    const { portal } = portalFixture()
    expect(portal.getSettings().answerShape).toBe('live')
    expect(portal.updateSettings({ answerShape: 'docs' }).answerShape).toBe('docs')
    portal.reset()
    expect(portal.getSettings().answerShape).toBe('live')
  })
})

describe('imbot.v2.Command.list, live', () => {
  it('lists the six built-ins first, as live portals send them', () => {
    const { result } = portalFixture()
    const { commands } = result<{ commands: LiveCommandItem[] }>('imbot.v2.Command.list', { botId: 1 })
    expect(commands.slice(0, 6)).toEqual([
      {
        id: 'def0',
        botId: 0,
        command: '/me',
        category: 'Messenger',
        common: 'Y',
        context: '',
        title: 'Speak of yourself in the third person',
        params: 'text',
        extranet: 'Y',
      },
      {
        id: 'def1',
        botId: 0,
        command: '/loud',
        category: 'Messenger',
        common: 'Y',
        context: '',
        title: 'Say it loudly',
        params: 'text',
        extranet: 'Y',
      },
      {
        id: 'def2',
        botId: 0,
        command: '/>>',
        category: 'Messenger',
        common: 'Y',
        context: '',
        title: 'Quote',
        params: 'text',
        extranet: 'Y',
      },
      {
        id: 'def3',
        botId: 0,
        command: '/rename',
        category: 'Chat',
        common: 'Y',
        context: 'chat',
        title: 'Rename the chat',
        params: 'new name',
        extranet: 'Y',
      },
      {
        id: 'def4',
        botId: 0,
        command: '/getDialogId',
        category: 'Chat',
        common: 'Y',
        context: '',
        title: 'Show the chat ID',
        params: '',
        extranet: 'N',
      },
      {
        id: 'def5',
        botId: 0,
        command: '/webrtcDebug',
        category: 'Debugging',
        common: 'Y',
        context: 'call',
        title: 'Call diagnostics',
        params: '',
        extranet: 'Y',
      },
    ])
  })

  it('words the built-ins in the portal language', () => {
    for (const lang of ['ru', 'de'] as const) {
      const { result } = portalFixture({ lang })
      const { commands } = result<{ commands: LiveCommandItem[] }>('imbot.v2.Command.list', { botId: 2 })
      expect(commands.slice(0, 6).map((entry) => entry.title)).toEqual(
        BUILT_IN_COMMANDS.map((builtIn) => builtIn.title[lang]),
      )
      expect(commands.slice(0, 6).map((entry) => entry.command)).toEqual(BUILT_INS)
    }
  })

  it("then lists every command of the bot: integer ids, Y/N flags, extranet, the bot's name, no hidden", () => {
    const { result, portal } = portalFixture()
    const { commands } = result<{ commands: LiveCommandItem[] }>('imbot.v2.Command.list', { botId: 1 })
    const own = commands.slice(6)
    expect(own).toHaveLength(12)
    expect(own[0]).toEqual({
      id: 1,
      botId: 1,
      command: '/help',
      category: 'Helpdesk Bot',
      common: 'Y',
      context: '',
      title: 'Show help',
      params: '[topic]',
      extranet: 'Y',
    })
    expect(Object.keys(own[0] ?? {})).toEqual([
      'id',
      'botId',
      'command',
      'category',
      'common',
      'context',
      'title',
      'params',
      'extranet',
    ])
    // /escalate and /debug are hidden: listed all the same, and nothing says so.
    const stored = portal.getState().commands.filter((command) => command.botId === 1)
    expect(own.map((entry) => entry.command)).toEqual(stored.map((command) => `/${command.command}`))
    expect(stored.filter((command) => command.hidden).map((command) => command.command)).toEqual([
      'escalate',
      'debug',
    ])
    for (const entry of own) {
      expect(entry).not.toHaveProperty('hidden')
      expect(entry).not.toHaveProperty('extranetSupport')
      expect(entry.category).toBe('Helpdesk Bot')
    }
    const flags = (name: string) => {
      const entry = own.find((item) => item.command === name)
      return [entry?.common, entry?.extranet]
    }
    expect(flags('/help')).toEqual(['Y', 'Y'])
    expect(flags('/assign')).toEqual(['N', 'N'])
    expect(flags('/ticket')).toEqual(['N', 'Y'])
    expect(flags('/report')).toEqual(['Y', 'N'])
  })

  it("titles and params in the request's language, then the portal's default, then the first row (commandRestLang)", () => {
    const { result, call, portal } = portalFixture({ lang: 'ru' })
    const register = (command: string, lang: { LANGUAGE_ID: string; TITLE: string; PARAMS?: string }[]) =>
      call('imbot.command.register', {
        BOT_ID: 2,
        COMMAND: command,
        EVENT_COMMAND_ADD: 'https://example.com/handler',
        LANG: lang,
      })
    register('english', [
      { LANGUAGE_ID: 'de', TITLE: 'Deutsch', PARAMS: 'Text' },
      { LANGUAGE_ID: 'en', TITLE: 'English', PARAMS: 'text' },
    ])
    register('german', [{ LANGUAGE_ID: 'de', TITLE: 'Nur Deutsch', PARAMS: 'Text' }])
    const byCommand = () =>
      new Map(
        result<{ commands: LiveCommandItem[] }>('imbot.v2.Command.list', { botId: 2 }).commands.map(
          (entry) => [entry.command, [entry.title, entry.params]],
        ),
      )
    expect(byCommand().get('/lead')).toEqual(['Создать лид', '<компания> [контакт]'])
    // No Russian row: the first row, whatever its language (English is not preferred).
    expect(byCommand().get('/english')).toEqual(['Deutsch', 'Text'])
    expect(byCommand().get('/german')).toEqual(['Nur Deutsch', 'Text'])
    portal.updateSettings({ lang: 'de' })
    expect(byCommand().get('/english')).toEqual(['Deutsch', 'Text'])
    portal.updateSettings({ portalLanguage: 'en' })
    expect(byCommand().get('/english')).toEqual(['English', 'text'])
  })

  it("keeps the bots' errors", () => {
    const { call } = portalFixture()
    expect(errorOf(call('imbot.v2.Command.list', { botId: 3 }))).toMatchObject({
      status: 400,
      error: 'BOT_OWNERSHIP_ERROR',
    })
  })
})

describe("imbot.v2.Command.list, docs' shape", () => {
  it('stays as documented: booleans, extranetSupport, hidden, stored category and context, no built-ins', () => {
    const { result } = portalFixture({ answerShape: 'docs' })
    const { commands } = result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: 1 })
    expect(commands).toHaveLength(12)
    expect(commands.map((entry) => entry.command)).not.toContain('/me')
    expect(commands.find((entry) => entry.command === '/escalate')).toEqual({
      id: 6,
      botId: 1,
      command: '/escalate',
      title: 'Escalate to the second line',
      params: '<ticket number>',
      common: false,
      hidden: true,
      extranetSupport: false,
      category: 'Tickets',
      context: '',
    })
  })
})

describe('imbot.v2.Bot.list', () => {
  it('live: hasNextPage when the page is full, so a full last page is followed by an empty one', () => {
    const { portal, result } = portalFixture()
    portal.seed({ bots: 2 })
    const first = result<BotPage>('imbot.v2.Bot.list', { limit: 2 })
    expect([first.bots.length, first.hasNextPage]).toEqual([2, true])
    const last = result<BotPage>('imbot.v2.Bot.list', { limit: 2, offset: 2 })
    expect([last.bots.length, last.hasNextPage]).toEqual([2, true])
    const empty = result<BotPage>('imbot.v2.Bot.list', { limit: 2, offset: 4 })
    expect([empty.bots.length, empty.hasNextPage]).toEqual([0, false])
    const short = result<BotPage>('imbot.v2.Bot.list', { limit: 3, offset: 3 })
    expect([short.bots.length, short.hasNextPage]).toEqual([1, false])
  })

  it('docs: hasNextPage only while more bots exist', () => {
    const { portal, result } = portalFixture({ answerShape: 'docs' })
    portal.seed({ bots: 2 })
    expect(result<BotPage>('imbot.v2.Bot.list', { limit: 2 }).hasNextPage).toBe(true)
    expect(result<BotPage>('imbot.v2.Bot.list', { limit: 2, offset: 2 }).hasNextPage).toBe(false)
  })

  it.each(['live', 'docs'] as const)('never sends appId (%s)', (answerShape) => {
    const { result } = portalFixture({ answerShape })
    const page = result<BotPage>('imbot.v2.Bot.list')
    expect(page.bots).toHaveLength(2)
    for (const bot of page.bots) expect(bot).not.toHaveProperty('appId')
    expect(JSON.stringify(page)).not.toContain('local.botcommands.app')
  })
})

describe('errors of imbot.v2 methods', () => {
  it.each([
    // Raised by the controller (or injected as if it were): HTTP 400 on a live portal.
    ['INTERNAL_SERVER_ERROR', 400, 500],
    ['ERROR_UNEXPECTED_ANSWER', 400, 500],
    ['ERROR_MANIFEST_IS_NOT_AVAILABLE', 400, 404],
    ['BOT_NOT_FOUND', 400, 400],
    ['SOMETHING_ELSE', 400, 400],
    // The REST layer's own: the same status in both shapes.
    ['NO_AUTH_FOUND', 401, 401],
    ['expired_token', 401, 401],
    ['invalid_token', 401, 401],
    ['insufficient_scope', 403, 403],
    ['user_access_error', 403, 403],
    ['INVALID_CREDENTIALS', 403, 403],
    ['QUERY_LIMIT_EXCEEDED', 503, 503],
    ['OPERATION_TIME_LIMIT', 429, 429],
    ['OVERLOAD_LIMIT', 503, 503],
    ['ERROR_METHOD_NOT_FOUND', 404, 404],
    ['INVALID_REQUEST', 400, 400],
    ['ACCESS_DENIED', 403, 403],
    ['PORTAL_DELETED', 403, 403],
    ['ERROR_BATCH_LENGTH_EXCEEDED', 400, 400],
    ['ERROR_BATCH_METHOD_NOT_ALLOWED', 405, 405],
  ])('an injected %s answers HTTP %i live, %i in the docs', (code, live, docs) => {
    for (const [answerShape, status] of [
      ['live', live],
      ['docs', docs],
    ] as const) {
      const { call, portal } = portalFixture({ answerShape })
      portal.injectFault({ method: 'imbot.v2.Command.list', code })
      expect(errorOf(call('imbot.v2.Command.list', { botId: 1 }))).toMatchObject({ status, error: code })
    }
  })

  it('leaves the statuses of v1 methods alone', () => {
    const { call, portal } = portalFixture()
    portal.injectFault({ method: 'imbot.command.unregister', code: 'INTERNAL_SERVER_ERROR' })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 1 })).status).toBe(500)
  })

  it('keeps ERROR_METHOD_NOT_FOUND at 404 on a portal without imbot.v2', () => {
    const { call } = portalFixture({ imbotV2: false })
    expect(errorOf(call('imbot.v2.Bot.list')).status).toBe(404)
  })
})

describe('imbot.v2.Command.unregister', () => {
  it('live: COMMAND_NOT_FOUND with the text of where the controller stopped', () => {
    const { call, portal } = portalFixture()
    const refusal = (botId: number, commandId: number) =>
      errorOf(call('imbot.v2.Command.unregister', { botId, commandId }))
    expect(refusal(2, 999)).toEqual({
      status: 400,
      error: 'COMMAND_NOT_FOUND',
      description: 'Command not found',
    })
    expect(refusal(2, 1)).toEqual({
      status: 400,
      error: 'COMMAND_NOT_FOUND',
      description: 'Command belongs to a different bot',
    })
    // /quote: on this app's bot, registered by another application.
    expect(refusal(2, 15)).toEqual({
      status: 400,
      error: 'COMMAND_NOT_FOUND',
      description: 'Command not found or access denied',
    })
    // /sysinfo: one the portal will not remove.
    expect(refusal(1, 12)).toEqual({
      status: 400,
      error: 'COMMAND_NOT_FOUND',
      description: 'Command not found or access denied',
    })
    expect(refusal(1, -4).description).toBe('Command not found')
    expect(portal.getState().commands.filter((command) => [1, 12, 15].includes(command.id))).toHaveLength(3)
    expect(call('imbot.v2.Command.unregister', { botId: 1, commandId: 1 }).body).toMatchObject({
      result: { result: true },
    })
    expect(refusal(1, 1).description).toBe('Command not found')
  })

  it('docs: COMMAND_NOT_FOUND, BOT_OWNERSHIP_ERROR and WRONG_REQUEST as before', () => {
    const { call } = portalFixture({ answerShape: 'docs' })
    const refusal = (botId: number, commandId: number) =>
      errorOf(call('imbot.v2.Command.unregister', { botId, commandId }))
    expect(refusal(2, 1)).toEqual({
      status: 400,
      error: 'COMMAND_NOT_FOUND',
      description: 'Command not found',
    })
    expect(refusal(2, 15).error).toBe('BOT_OWNERSHIP_ERROR')
    expect(refusal(1, 12).error).toBe('WRONG_REQUEST')
  })
})

describe('batch', () => {
  it.each(['live', 'docs'] as const)('encodes every empty map as [] (%s)', (answerShape) => {
    const { call } = portalFixture({ answerShape })
    const emptyOf = (cmd: unknown) => {
      const body = call('batch', { cmd }).body as BatchBody
      return Object.entries(body.result)
        .filter(([, value]) => Array.isArray(value) && value.length === 0)
        .map(([key]) => key)
        .sort()
    }
    const all = ['result', 'result_error', 'result_next', 'result_time', 'result_total']
    expect(emptyOf({})).toEqual(all)
    expect(emptyOf([])).toEqual(all)
    // Every call succeeds: no errors.
    expect(emptyOf({ a: 'imbot.v2.Bot.list', b: 'imbot.v2.Command.list?botId=1' })).toEqual([
      'result_error',
      'result_next',
      'result_total',
    ])
    // Every call fails: no results, no times.
    expect(
      emptyOf({ a: 'imbot.v2.Command.list?botId=999', b: 'imbot.command.unregister?COMMAND_ID=999' }),
    ).toEqual(['result', 'result_next', 'result_time', 'result_total'])
  })

  it('carries live errors of v2 sub-calls in result_error, the batch itself answering 200', () => {
    const { call } = portalFixture()
    const outcome = call('batch', { cmd: { gone: 'imbot.v2.Command.unregister?botId=2&commandId=1' } })
    expect(outcome.status).toBe(200)
    expect((outcome.body as BatchBody).result.result_error).toEqual({
      gone: { error: 'COMMAND_NOT_FOUND', error_description: 'Command belongs to a different bot' },
    })
  })
})
