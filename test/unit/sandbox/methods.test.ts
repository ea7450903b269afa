import { describe, expect, it } from 'vitest'
import { APP_ID, OTHER_APP_ID, QUOTES_APP_ID, SEED_COMMAND_IDS } from '../../../src/sandbox/emulator'
import { type CommandItem, errorOf, portalFixture } from './portal-fixture'

interface BotListResult {
  bots: { id: number; code: string; countCommand: number }[]
  users: { id: number; name: string; bot: boolean }[]
  hasNextPage: boolean
}

describe('seed data', () => {
  it('has two bots of this app, one of another app, one of the webhook, and the special commands', () => {
    const { portal } = portalFixture()
    const { bots, commands } = portal.getState()
    expect(bots.map((bot) => [bot.id, bot.name, bot.appId, bot.owner])).toEqual([
      [1, 'Helpdesk Bot', APP_ID, 'app'],
      [2, 'Sales Assistant', APP_ID, 'app'],
      [3, 'Marketing Bot', OTHER_APP_ID, 'app'],
      // A webhook bot's owner key is "custom" + its bot token: a secret, never shown.
      [4, 'Support Webhook Bot', 'custom•••', 'webhook'],
    ])
    // imbot.v2.Bot.register makes fetch-mode bots; Sales Assistant is an older one (v1), in webhook mode, as the
    // webhook's own bot is: v1 imbot.command.update refuses the commands of the others (FETCH_NOT_SUPPORTED).
    expect(bots.map((bot) => bot.eventMode)).toEqual(['fetch', 'webhook', 'fetch', 'webhook'])
    expect(commands.filter((command) => command.botId === 4).map((command) => command.id)).toEqual([
      ...SEED_COMMAND_IDS.webhook,
    ])
    expect(commands.filter((command) => command.botId === 1)).toHaveLength(12)
    expect(commands.filter((command) => command.botId === 2)).toHaveLength(3)
    expect(commands.filter((command) => command.undeletable).map((command) => command.id)).toEqual([12])
    expect(commands.find((command) => command.id === 15)?.appId).toBe(QUOTES_APP_ID)
    for (const command of commands.filter((item) => item.botId === 1)) {
      expect(Object.keys(command.titles).sort()).toEqual(['de', 'en', 'ru'])
    }
  })
})

describe('imbot.v2.Bot.list', () => {
  it("lists only this app's bots with names in users", () => {
    const { result } = portalFixture()
    const list = result<BotListResult>('imbot.v2.Bot.list')
    expect(list.bots.map((bot) => bot.id)).toEqual([1, 2])
    expect(list.bots.map((bot) => bot.countCommand)).toEqual([12, 3])
    expect(list.users).toEqual([
      { id: 1, active: true, name: 'Helpdesk Bot', bot: true, type: 'bot' },
      { id: 2, active: true, name: 'Sales Assistant', bot: true, type: 'bot' },
    ])
    expect(list.hasNextPage).toBe(false)
  })

  it('pages with limit/offset (max 50) and filters by type', () => {
    const { portal, result } = portalFixture()
    portal.seed({ bots: 60 })
    const first = result<BotListResult>('imbot.v2.Bot.list', { limit: 500 })
    expect(first.bots).toHaveLength(50)
    expect(first.hasNextPage).toBe(true)
    const second = result<BotListResult>('imbot.v2.Bot.list', { limit: '50', offset: '50' })
    expect(second.bots).toHaveLength(12)
    expect(second.hasNextPage).toBe(false)
    expect(result<BotListResult>('imbot.v2.Bot.list', { filter: { type: 'openline' } }).bots).toEqual([])
    expect(
      result<BotListResult>('imbot.v2.Bot.list', { filter: { type: 'bot' }, limit: 2 }).bots,
    ).toHaveLength(2)
  })

  it('rejects mistyped params with INVALID_ARG_VALUE naming the parameter', () => {
    const { call } = portalFixture()
    const error = errorOf(call('imbot.v2.Bot.list', { limit: 'many' }))
    expect(error).toMatchObject({ status: 400, error: 'INVALID_ARG_VALUE' })
    expect(error.description).toContain('limit')
    expect(errorOf(call('imbot.v2.Bot.list', { filter: 'bot' })).description).toContain('filter')
  })
})

describe('imbot.v2.Command.list', () => {
  it('lists a bot\'s commands with "/" and titles in the portal language, in the docs\' shape', () => {
    const { result, portal } = portalFixture({ answerShape: 'docs' })
    const { commands } = result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: 1 })
    expect(commands).toHaveLength(12)
    expect(commands[0]).toEqual({
      id: 1,
      botId: 1,
      command: '/help',
      title: 'Show help',
      params: '[topic]',
      common: true,
      hidden: false,
      extranetSupport: true,
      category: 'General',
      context: '',
    })
    portal.updateSettings({ lang: 'de' })
    const german = result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: '1' })
    expect(german.commands[0]?.title).toBe('Hilfe anzeigen')
    portal.updateSettings({ lang: 'ru' })
    expect(
      result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: 1 }).commands[0]?.params,
    ).toBe('[тема]')
  })

  it('falls back to English for a language the command lacks', () => {
    const { result, call, portal } = portalFixture({ lang: 'de' })
    call('imbot.command.register', {
      BOT_ID: 2,
      COMMAND: 'english',
      EVENT_COMMAND_ADD: 'https://example.com/handler',
      LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Only English', PARAMS: 'text' }],
    })
    const { commands } = result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: 2 })
    expect(commands.at(-1)).toMatchObject({ command: '/english', title: 'Only English', params: 'text' })
    expect(portal.getState().commands.at(-1)?.titles).toEqual({ en: 'Only English' })
  })

  it('answers BOT_ID_REQUIRED, BOT_NOT_FOUND and BOT_OWNERSHIP_ERROR', () => {
    const { call } = portalFixture()
    expect(errorOf(call('imbot.v2.Command.list', {}))).toMatchObject({
      status: 400,
      error: 'BOT_ID_REQUIRED',
    })
    expect(errorOf(call('imbot.v2.Command.list', { botId: 'abc' })).error).toBe('BOT_ID_REQUIRED')
    expect(errorOf(call('imbot.v2.Command.list', { botId: 0 })).error).toBe('BOT_ID_REQUIRED')
    expect(errorOf(call('imbot.v2.Command.list', { botId: 999 }))).toMatchObject({
      status: 400,
      error: 'BOT_NOT_FOUND',
    })
    expect(errorOf(call('imbot.v2.Command.list', { botId: 3 }))).toMatchObject({
      status: 400,
      error: 'BOT_OWNERSHIP_ERROR',
    })
  })
})

describe('imbot.command.unregister (v1)', () => {
  it('removes a command and answers true', () => {
    const { result, portal } = portalFixture()
    expect(result('imbot.command.unregister', { COMMAND_ID: 7 })).toBe(true)
    expect(portal.getState().commands.some((command) => command.id === 7)).toBe(false)
  })

  it('answers COMMAND_ID_ERROR for a removed, unknown, missing or non-positive id', () => {
    const { call } = portalFixture()
    call('imbot.command.unregister', { COMMAND_ID: '7' })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 7 }))).toEqual({
      status: 400,
      error: 'COMMAND_ID_ERROR',
      description: 'Command not found',
    })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 9999 })).error).toBe('COMMAND_ID_ERROR')
    expect(errorOf(call('imbot.command.unregister', {})).error).toBe('COMMAND_ID_ERROR')
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: -3 })).error).toBe('COMMAND_ID_ERROR')
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 'x' })).error).toBe('COMMAND_ID_ERROR')
  })

  it("answers APP_ID_ERROR for another app's command and WRONG_REQUEST for the undeletable one", () => {
    const { call, portal } = portalFixture()
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 15 }))).toEqual({
      status: 400,
      error: 'APP_ID_ERROR',
      description: 'Command was installed by another rest application',
    })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 16 })).error).toBe('APP_ID_ERROR')
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: 12 }))).toEqual({
      status: 400,
      error: 'WRONG_REQUEST',
      description: "Command can't be deleted",
    })
    expect(portal.getState().commands.filter((command) => [12, 15, 16].includes(command.id))).toHaveLength(3)
  })
})

describe('imbot.v2.Command.unregister', () => {
  it('removes a command of the bot and answers {result: true}', () => {
    const { result, portal } = portalFixture()
    expect(result('imbot.v2.Command.unregister', { botId: 2, commandId: 13 })).toEqual({ result: true })
    expect(portal.getState().commands.some((command) => command.id === 13)).toBe(false)
  })

  it("answers COMMAND_NOT_FOUND, the BOT_* codes, and refuses what it may not delete, in the docs' shape", () => {
    const { call } = portalFixture({ answerShape: 'docs' })
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 2, commandId: 1 })).error).toBe(
      'COMMAND_NOT_FOUND',
    )
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 2, commandId: 999 })).error).toBe(
      'COMMAND_NOT_FOUND',
    )
    expect(errorOf(call('imbot.v2.Command.unregister', { commandId: 1 })).error).toBe('BOT_ID_REQUIRED')
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 77, commandId: 1 })).error).toBe(
      'BOT_NOT_FOUND',
    )
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 3, commandId: 16 })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 2, commandId: 15 })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
    expect(errorOf(call('imbot.v2.Command.unregister', { botId: 1, commandId: 12 })).error).toBe(
      'WRONG_REQUEST',
    )
    const missing = errorOf(call('imbot.v2.Command.unregister', { botId: 1 }))
    expect(missing).toMatchObject({ status: 400, error: 'INVALID_ARG_VALUE' })
    expect(missing.description).toContain('commandId')
  })
})

describe('imbot.command.register (v1)', () => {
  const valid = {
    BOT_ID: 1,
    COMMAND: 'weather',
    EVENT_COMMAND_ADD: 'https://example.com/handler',
    LANG: [
      { LANGUAGE_ID: 'en', TITLE: 'Weather', PARAMS: '<city>' },
      { LANGUAGE_ID: 'ru', TITLE: 'Погода', PARAMS: '<город>' },
    ],
    COMMON: 'Y',
    HIDDEN: 'N',
    EXTRANET_SUPPORT: 'Y',
  }

  it('registers a command and answers its new id', () => {
    const { result, portal } = portalFixture()
    const id = result<number>('imbot.command.register', valid)
    expect(id).toBe(24)
    expect(portal.getState().commands.at(-1)).toMatchObject({
      id: 24,
      botId: 1,
      appId: APP_ID,
      command: 'weather',
      titles: { en: 'Weather', ru: 'Погода' },
      params: { en: '<city>', ru: '<город>' },
      common: true,
      hidden: false,
      extranetSupport: true,
      undeletable: false,
    })
  })

  it('enforces required params and LANG item fields', () => {
    const { call } = portalFixture()
    for (const name of ['BOT_ID', 'COMMAND', 'EVENT_COMMAND_ADD', 'LANG']) {
      const params: Record<string, unknown> = { ...valid }
      delete params[name]
      const error = errorOf(call('imbot.command.register', params))
      expect(error.error).toBe('INVALID_ARG_VALUE')
      expect(error.description).toContain(name)
    }
    const noTitle = errorOf(call('imbot.command.register', { ...valid, LANG: [{ LANGUAGE_ID: 'en' }] }))
    expect(noTitle.description).toContain('LANG[0][TITLE]')
    expect(errorOf(call('imbot.command.register', { ...valid, LANG: 'en' })).description).toContain('LANG')
  })

  it("takes any trigger CommandTable keeps, and answers the bot's command with that trigger (Im\\Command::register)", () => {
    const { call, result, portal } = portalFixture()
    expect(result<number>('imbot.command.register', { ...valid, COMMAND: '/two words' })).toBe(24)
    expect(portal.getState().commands.at(-1)?.command).toBe('two words')
    expect(result<number>('imbot.command.register', { ...valid, COMMAND: 'help' })).toBe(1)
    expect(errorOf(call('imbot.command.register', { ...valid, COMMAND: 'x'.repeat(256) }))).toEqual({
      status: 400,
      error: 'WRONG_REQUEST',
      description: "Command can't be created",
    })
  })

  it('refuses unknown bots and bots of another app', () => {
    const { call } = portalFixture()
    expect(errorOf(call('imbot.command.register', { ...valid, BOT_ID: 99 })).error).toBe('BOT_ID_ERROR')
    expect(errorOf(call('imbot.command.register', { ...valid, BOT_ID: 3 })).error).toBe('APP_ID_ERROR')
  })
})

describe('imbot.command.update (v1)', () => {
  it('updates the texts of one language and the flags of a bot in webhook mode', () => {
    const { result, portal } = portalFixture()
    const fields = { LANGUAGE_ID: 'en', TITLE: 'New lead', PARAMS: '[what]', HIDDEN: 'Y' }
    expect(result('imbot.command.update', { COMMAND_ID: 13, FIELDS: fields })).toBe(true)
    expect(portal.getState().commands.find((command) => command.id === 13)).toMatchObject({
      titles: { en: 'New lead', ru: 'Создать лид' },
      params: { en: '[what]' },
      hidden: true,
    })
  })

  it('refuses the commands of a bot in fetch mode: FETCH_NOT_SUPPORTED, 400, nothing changed', () => {
    for (const answerShape of ['live', 'docs'] as const) {
      const { call, portal } = portalFixture({ answerShape })
      const before = portal.getState().commands.find((command) => command.id === 1)
      const fields = { LANGUAGE_ID: 'en', TITLE: 'Help me', HIDDEN: 'Y' }
      expect(errorOf(call('imbot.command.update', { COMMAND_ID: 1, FIELDS: fields }))).toEqual({
        status: 400,
        error: 'FETCH_NOT_SUPPORTED',
        description: 'This bot uses FETCH mode. Use imbot.v2.Command.update instead.',
      })
      expect(portal.getState().commands.find((command) => command.id === 1)).toEqual(before)
      // Unregister has no such check (live-portal.md).
      expect(call('imbot.command.unregister', { COMMAND_ID: 1 }).status).toBe(200)
    }
  })

  it('answers COMMAND_ID_ERROR, APP_ID_ERROR and INVALID_ARG_VALUE for bad FIELDS', () => {
    const { call } = portalFixture()
    const fields = { LANGUAGE_ID: 'en', TITLE: 'x' }
    expect(errorOf(call('imbot.command.update', { COMMAND_ID: 500, FIELDS: fields })).error).toBe(
      'COMMAND_ID_ERROR',
    )
    expect(errorOf(call('imbot.command.update', { FIELDS: fields })).error).toBe('COMMAND_ID_ERROR')
    expect(errorOf(call('imbot.command.update', { COMMAND_ID: 15, FIELDS: fields })).error).toBe(
      'APP_ID_ERROR',
    )
    expect(errorOf(call('imbot.command.update', { COMMAND_ID: 1 })).description).toContain('FIELDS')
    expect(
      errorOf(call('imbot.command.update', { COMMAND_ID: 1, FIELDS: { TITLE: 'x' } })).description,
    ).toContain('FIELDS[LANGUAGE_ID]')
  })
})

describe('imbot.v2.Command.register', () => {
  it('registers a command and answers it', () => {
    const { result, portal } = portalFixture()
    const answer = result('imbot.v2.Command.register', {
      botId: 2,
      fields: { command: 'invoice', title: { en: 'Send an invoice', de: 'Rechnung senden' }, common: 'true' },
    })
    expect(answer).toEqual({
      command: { id: 24, botId: 2, command: '/invoice', common: true, hidden: false, extranetSupport: false },
    })
    expect(portal.getState().commands.at(-1)?.titles).toEqual({
      en: 'Send an invoice',
      de: 'Rechnung senden',
    })
  })

  it('needs a title for visible commands, not for hidden ones', () => {
    const { call } = portalFixture()
    const visible = errorOf(call('imbot.v2.Command.register', { botId: 1, fields: { command: 'x' } }))
    expect(visible).toEqual({
      status: 400,
      error: 'COMMAND_TITLE_REQUIRED',
      description: 'Title is required for visible commands',
    })
    expect(
      call('imbot.v2.Command.register', { botId: 1, fields: { command: 'x', hidden: true } }).status,
    ).toBe(200)
  })

  it('validates fields and the bot', () => {
    const { call } = portalFixture()
    expect(errorOf(call('imbot.v2.Command.register', { botId: 1 })).error).toBe('COMMAND_REQUIRED')
    expect(errorOf(call('imbot.v2.Command.register', { botId: 1, fields: {} }))).toMatchObject({
      status: 400,
      error: 'COMMAND_REQUIRED',
    })
    expect(errorOf(call('imbot.v2.Command.register', { botId: 1, fields: 'x' })).description).toContain(
      'fields',
    )
    expect(errorOf(call('imbot.v2.Command.register', { fields: { command: 'x' } })).error).toBe(
      'BOT_ID_REQUIRED',
    )
    expect(errorOf(call('imbot.v2.Command.register', { botId: 3, fields: { command: 'x' } })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
  })
})

describe('imbot.bot.list (v1)', () => {
  it("answers this app's bots keyed by id", () => {
    const { result } = portalFixture()
    expect(result('imbot.bot.list')).toEqual({
      '1': { ID: 1, NAME: 'Helpdesk Bot', CODE: 'helpdesk_bot', OPENLINE: 'N' },
      '2': { ID: 2, NAME: 'Sales Assistant', CODE: 'sales_assistant', OPENLINE: 'N' },
    })
  })

  it('answers [] when the app has no bots, as PHP encodes an empty array', () => {
    const { result, portal } = portalFixture()
    portal.seed({ replace: true })
    expect(result('imbot.bot.list')).toEqual([])
  })
})

describe('any method', () => {
  it('answers an unknown method with 404 ERROR_METHOD_NOT_FOUND', () => {
    const { call } = portalFixture()
    expect(errorOf(call('imbot.nothing.here'))).toEqual({
      status: 404,
      error: 'ERROR_METHOD_NOT_FOUND',
      description: 'Method not found!',
    })
  })

  it('treats method names case-insensitively, as Bitrix24 does', () => {
    const { call } = portalFixture()
    expect(call('IMBOT.V2.BOT.LIST').status).toBe(200)
  })

  it('wraps success in {result, time} with the eight time fields', () => {
    const { call, clock } = portalFixture()
    const body = call('imbot.v2.Bot.list').body as { time: Record<string, unknown> }
    expect(Object.keys(body.time).sort()).toEqual(
      [
        'date_finish',
        'date_start',
        'duration',
        'finish',
        'operating',
        'operating_reset_at',
        'processing',
        'start',
      ].sort(),
    )
    expect(body.time.start).toBe(clock.now / 1000)
    expect(body.time.date_start).toBe('2026-02-26T09:00:00+00:00')
    expect(body.time.operating_reset_at).toBe(clock.now / 1000 + 600)
  })

  it('turns off every imbot.v2 method when imbotV2 is false', () => {
    const { call, portal } = portalFixture({ imbotV2: false })
    for (const method of ['imbot.v2.Bot.list', 'imbot.v2.Command.list', 'imbot.v2.Command.unregister']) {
      expect(errorOf(call(method, { botId: 1, commandId: 1 }))).toMatchObject({
        status: 404,
        error: 'ERROR_METHOD_NOT_FOUND',
      })
    }
    expect(call('imbot.command.unregister', { COMMAND_ID: 1 }).status).toBe(200)
    portal.updateSettings({ imbotV2: true })
    expect(call('imbot.v2.Bot.list').status).toBe(200)
  })
})
