import { describe, expect, it } from 'vitest'
import {
  ANSWER_SHAPES,
  type AnswerShape,
  EMULATED_METHODS,
  KNOWN_ERROR_CODES,
  REDACTED,
  type RestOutcome,
  type SandboxPortal,
  type SandboxSettings,
  SEED_BOT_IDS,
  SEED_COMMAND_IDS,
  SEED_WEBHOOK,
  statusOf,
  type WebhookCredentials,
} from '../../../src/sandbox/emulator'
import { type BatchBody, type CommandItem, errorOf, portalFixture } from './portal-fixture'

// imbot.v2.Command.update and imbot.v2.Command.register, as the imbot.v2 controller
// (imbot/lib/V2/Controller/Command.php) and Im\Command (im/lib/command.php) do them; the storage rules
// (CommandTable, CommandLangTable) are pinned in server-storage.test.ts.

const UPDATE = 'imbot.v2.Command.update'
const REGISTER = 'imbot.v2.Command.register'
const HELPDESK = SEED_BOT_IDS.helpdesk
const SALES = SEED_BOT_IDS.sales
const WEBHOOK_BOT = SEED_BOT_IDS.webhook
const TOKEN = SEED_WEBHOOK.botToken
const SEEDED_HOOK: WebhookCredentials = { userId: '1', secret: SEED_WEBHOOK.secret }
const [ONCALL = 0, INCIDENT = 0] = SEED_COMMAND_IDS.webhook
/** Helpdesk Bot's /help and /ticket, Sales Assistant's /lead and /quote (another application's). */
const HELP = 1
const TICKET = 2
const LEAD = 13
const QUOTE = SEED_COMMAND_IDS.otherApp

interface CommandAnswer {
  command: {
    id: number
    botId: number
    command: string
    common: boolean
    hidden: boolean
    extranetSupport: boolean
  }
}

/** A portal fixture with calls through the seeded inbound webhook too. */
function fixture(settings: Partial<SandboxSettings> = {}) {
  const base = portalFixture(settings)
  const hook = (method: string, params: Record<string, unknown> = {}): RestOutcome =>
    base.portal.handle({ method, params, webhook: SEEDED_HOOK })
  return { ...base, hook }
}

function stored(portal: SandboxPortal, id: number) {
  return portal.getState().commands.find((command) => command.id === id)
}

/** The entry of one command in imbot.v2.Command.list, in the docs' shape (as the app reads it). */
function listed(
  result: <T>(method: string, params?: Record<string, unknown>) => T,
  botId: number,
  id: number,
) {
  return result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId }).commands.find(
    (command) => command.id === id,
  )
}

describe('imbot.v2.Command.update', () => {
  it('is emulated, and its codes are in the tables and the fault-code picker with HTTP 400', () => {
    expect(EMULATED_METHODS).toContain(UPDATE)
    for (const code of [
      'COMMAND_NAME_EMPTY',
      'COMMAND_ALREADY_EXISTS',
      'COMMAND_TITLE_REQUIRED',
      'FETCH_NOT_SUPPORTED',
      'COMMAND_NOT_FOUND',
      'BOT_OWNERSHIP_ERROR',
    ]) {
      expect(KNOWN_ERROR_CODES).toContain(code)
      expect(statusOf(code)).toBe(400)
    }
  })

  it.each(ANSWER_SHAPES)(
    'changes the trigger (a leading slash tolerated) and the flags, and answers the command with real booleans and no title (%s)',
    (answerShape) => {
      const { result, portal } = fixture({ answerShape })
      const answer = result<CommandAnswer>(UPDATE, {
        botId: HELPDESK,
        commandId: HELP,
        fields: { command: '/support', common: false, hidden: 'Y', extranetSupport: 'N' },
      })
      expect(answer).toEqual({
        command: {
          id: HELP,
          botId: HELPDESK,
          command: '/support',
          common: false,
          hidden: true,
          extranetSupport: false,
        },
      })
      expect(stored(portal, HELP)).toMatchObject({
        command: 'support',
        common: false,
        hidden: true,
        extranetSupport: false,
        // What fields left out stays.
        titles: { en: 'Show help', ru: 'Показать справку', de: 'Hilfe anzeigen' },
        params: { en: '[topic]', ru: '[тема]', de: '[Thema]' },
      })
      const flags = result<CommandAnswer>(UPDATE, {
        botId: HELPDESK,
        commandId: HELP,
        fields: { common: 'Y', hidden: false, extranetSupport: true },
      })
      expect(flags.command).toMatchObject({
        command: '/support',
        common: true,
        hidden: false,
        extranetSupport: true,
      })
    },
  )

  it('live: reads flags as BotController::normalizeBooleanVariable does (true, or "Y"/"1"/"TRUE" in any case)', () => {
    const { result } = fixture()
    const flagsAfter = (value: unknown) =>
      result<CommandAnswer>(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: { common: value } }).command
        .common
    expect([true, 'Y', 'y', 1, 'true', 'TRUE', '1'].map(flagsAfter)).toEqual(Array(7).fill(true))
    expect([false, 'N', 0, 'false', '0', 'maybe', 2, 'yes'].map(flagsAfter)).toEqual(Array(8).fill(false))
  })

  it('docs: reads flags as true/false, "Y"/"N", 1/0 and "true"/"false", and refuses anything else', () => {
    const { result, call } = fixture({ answerShape: 'docs' })
    const flagsAfter = (value: unknown) =>
      result<CommandAnswer>(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: { common: value } }).command
        .common
    expect([true, 'Y', 1, 'true', '1'].map(flagsAfter)).toEqual([true, true, true, true, true])
    expect([false, 'N', 0, 'false', '0'].map(flagsAfter)).toEqual([false, false, false, false, false])
    const error = errorOf(call(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: { hidden: 'maybe' } }))
    expect(error).toMatchObject({ status: 400, error: 'INVALID_ARG_VALUE' })
    expect(error.description).toContain('fields[hidden]')
  })

  it('answers the command unchanged without fields, or with empty ones', () => {
    const { result, portal } = fixture()
    const before = stored(portal, TICKET)
    const expected = {
      command: {
        id: TICKET,
        botId: HELPDESK,
        command: '/ticket',
        common: false,
        hidden: false,
        extranetSupport: true,
      },
    }
    expect(result(UPDATE, { botId: HELPDESK, commandId: TICKET })).toEqual(expected)
    expect(result(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: {} })).toEqual(expected)
    expect(result(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: [] })).toEqual(expected)
    expect(
      result(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: { title: {}, hidden: null } }),
    ).toEqual(expected)
    expect(stored(portal, TICKET)).toEqual(before)
  })

  describe('titles and hints by language', () => {
    it.each(ANSWER_SHAPES)(
      'stores them per language, lower-cased, and imbot.v2.Command.list shows them in the portal language (%s)',
      (answerShape) => {
        const { result, portal } = fixture({ answerShape: 'docs' })
        portal.updateSettings({ answerShape })
        result(UPDATE, {
          botId: HELPDESK,
          commandId: TICKET,
          fields: {
            title: { EN: 'Open a support ticket', de: 'Support-Ticket öffnen', fr: 'Ouvrir un ticket' },
            params: { en: '<summary>', de: '<Zusammenfassung>', fr: '<résumé>' },
          },
        })
        expect(stored(portal, TICKET)).toMatchObject({
          titles: {
            en: 'Open a support ticket',
            ru: 'Создать обращение',
            de: 'Support-Ticket öffnen',
            fr: 'Ouvrir un ticket',
          },
          params: { en: '<summary>', ru: '<тема обращения>', de: '<Zusammenfassung>', fr: '<résumé>' },
        })
        portal.updateSettings({ answerShape: 'docs' })
        const shown = (lang: SandboxSettings['lang']) => {
          portal.updateSettings({ lang })
          const entry = listed(result, HELPDESK, TICKET)
          return [entry?.title, entry?.params]
        }
        expect(shown('en')).toEqual(['Open a support ticket', '<summary>'])
        expect(shown('de')).toEqual(['Support-Ticket öffnen', '<Zusammenfassung>'])
        expect(shown('ru')).toEqual(['Создать обращение', '<тема обращения>'])
        // In the live shape too.
        portal.updateSettings({ answerShape: 'live', lang: 'de' })
        const live = result<{ commands: { id: unknown; title: string; params: string }[] }>(
          'imbot.v2.Command.list',
          { botId: HELPDESK },
        ).commands.find((command) => command.id === TICKET)
        expect([live?.title, live?.params]).toEqual(['Support-Ticket öffnen', '<Zusammenfassung>'])
      },
    )

    it.each(ANSWER_SHAPES)(
      'null removes a language, title and hint: the list falls back to English, then to any language (%s)',
      (answerShape) => {
        const { result, portal } = fixture({ answerShape, lang: 'de' })
        result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { de: null, ru: null } } })
        expect(stored(portal, HELP)).toMatchObject({ titles: { en: 'Show help' }, params: { en: '[topic]' } })
        expect(Object.keys(stored(portal, HELP)?.titles ?? {})).toEqual(['en'])
        expect(Object.keys(stored(portal, HELP)?.params ?? {})).toEqual(['en'])
        portal.updateSettings({ answerShape: 'docs' })
        expect(listed(result, HELPDESK, HELP)).toMatchObject({ title: 'Show help', params: '[topic]' })
        result(UPDATE, {
          botId: HELPDESK,
          commandId: HELP,
          fields: { title: { en: null, fr: 'Aide' }, params: { fr: '[sujet]' } },
        })
        expect(listed(result, HELPDESK, HELP)).toMatchObject({ title: 'Aide', params: '[sujet]' })
      },
    )

    it('a language added with a title only gets an empty hint; one with a title keeps its hint', () => {
      const { result, portal } = fixture()
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Help', fr: 'Aide' } } })
      expect(stored(portal, HELP)?.params).toMatchObject({ en: '[topic]', fr: '' })
      expect(stored(portal, HELP)?.titles).toMatchObject({ en: 'Help', fr: 'Aide' })
    })

    it('live: a hint is read only for a language of title (alone it is ignored, null keeps the old one)', () => {
      const { result, portal } = fixture()
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { params: { en: '[subject]' } } })
      expect(stored(portal, HELP)?.params.en).toBe('[topic]')
      result(UPDATE, {
        botId: HELPDESK,
        commandId: HELP,
        fields: { title: { en: 'Show help' }, params: { en: '[subject]', de: '[Betreff]' } },
      })
      expect(stored(portal, HELP)?.params).toMatchObject({ en: '[subject]', de: '[Thema]' })
      result(UPDATE, {
        botId: HELPDESK,
        commandId: HELP,
        fields: { title: { en: 'Show help' }, params: { en: null } },
      })
      expect(stored(portal, HELP)?.params.en).toBe('[subject]')
    })

    it.each(ANSWER_SHAPES)(
      'a hint sent without its title is ignored: one store for both shapes (%s)',
      (answerShape) => {
        const { result, portal } = fixture({ answerShape })
        result(UPDATE, {
          botId: HELPDESK,
          commandId: HELP,
          fields: { params: { en: '[subject]', ru: null } },
        })
        expect(stored(portal, HELP)?.params).toEqual({ en: '[topic]', ru: '[тема]', de: '[Thema]' })
      },
    )

    it('live: a title that is no map is COMMAND_TITLE_INVALID (is_array), 400, nothing changed; a hint that is none is ignored', () => {
      const { call, result, portal } = fixture()
      const before = stored(portal, HELP)
      for (const title of ['Help', 5, true]) {
        expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title } }))).toEqual({
          status: 400,
          error: 'COMMAND_TITLE_INVALID',
          description: 'Title must be an object with language keys',
        })
      }
      expect(stored(portal, HELP)).toEqual(before)
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Help' }, params: '[x]' } })
      expect(stored(portal, HELP)?.params.en).toBe('[topic]')
    })

    it('live: a list, or any integer key, reaches mb_strtolower as an int under strict_types: error "0", nothing changed', () => {
      const { call, portal } = fixture()
      const before = stored(portal, HELP)
      for (const fields of [
        { title: ['Help'] },
        { title: { 12: 'Help' } },
        { title: { en: 'Help' }, params: ['x'] },
      ]) {
        expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields }))).toEqual({
          status: 400,
          error: '0',
          description: 'mb_strtolower(): Argument #1 ($string) must be of type string, int given',
        })
      }
      expect(stored(portal, HELP)).toEqual(before)
    })

    it('docs: a title or hint that is no map is COMMAND_TITLE_INVALID naming it, 400, nothing changed', () => {
      const { call, portal } = fixture({ answerShape: 'docs' })
      const before = stored(portal, HELP)
      for (const fields of [{ title: 'Help' }, { params: '[topic]' }, { title: 5 }]) {
        const error = errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields }))
        expect(error).toMatchObject({ status: 400, error: 'COMMAND_TITLE_INVALID' })
        expect(error.description).toMatch(/fields\[(title|params)\].*\{langCode: text\}/)
      }
      expect(stored(portal, HELP)).toEqual(before)
    })

    it('numbers read as text; a text that is no scalar leaves no row for its language', () => {
      const { result, portal } = fixture()
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 42 } } })
      expect(stored(portal, HELP)?.titles.en).toBe('42')
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: { a: 1 } } } })
      expect(stored(portal, HELP)?.titles).toEqual({ ru: 'Показать справку', de: 'Hilfe anzeigen' })
    })
  })

  describe('the trigger', () => {
    it.each(ANSWER_SHAPES)(
      'empty, or a lone slash, is COMMAND_NAME_EMPTY, 400: nothing is trimmed (%s)',
      (answerShape) => {
        const { call, portal } = fixture({ answerShape })
        for (const command of ['', '/']) {
          expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command } }))).toEqual({
            status: 400,
            error: 'COMMAND_NAME_EMPTY',
            description: 'Command name cannot be empty',
          })
        }
        expect(stored(portal, HELP)?.command).toBe('help')
        expect(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: ' / ' } }).status).toBe(
          200,
        )
        expect(stored(portal, HELP)?.command).toBe(' / ')
      },
    )

    it.each(ANSWER_SHAPES)(
      'another command of the bot with exactly it (===) is COMMAND_ALREADY_EXISTS; another case is another trigger (%s)',
      (answerShape) => {
        const { call, portal } = fixture({ answerShape })
        for (const command of ['ticket', '/ticket']) {
          expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command } }))).toEqual({
            status: 400,
            error: 'COMMAND_ALREADY_EXISTS',
            description: 'Command with this name already exists',
          })
        }
        expect(stored(portal, HELP)?.command).toBe('help')
        for (const command of ['TICKET', '/Ticket', ' ticket ']) {
          expect(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command } }).status).toBe(200)
          expect(stored(portal, HELP)?.command).toBe(command.replace(/^\//, ''))
        }
        call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'help' } })
        // Whoever registered it: /quote is another application's command on Sales Assistant.
        expect(
          errorOf(call(UPDATE, { botId: SALES, commandId: LEAD, fields: { command: 'quote' } })).error,
        ).toBe('COMMAND_ALREADY_EXISTS')
        expect(stored(portal, HELP)?.command).toBe('help')
        expect(stored(portal, LEAD)?.command).toBe('lead')
      },
    )

    it("may be the command's own, in another case too, or one another bot has", () => {
      const { result, portal } = fixture()
      expect(
        result<CommandAnswer>(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'help' } })
          .command.command,
      ).toBe('/help')
      expect(
        result<CommandAnswer>(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'Help' } })
          .command.command,
      ).toBe('/Help')
      // /lead is Sales Assistant's, not Helpdesk Bot's.
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'lead' } })
      expect(stored(portal, HELP)?.command).toBe('lead')
    })

    it('takes any character; the controller and Im\\Command each strip one slash (//x is stored as x)', () => {
      const { result, portal } = fixture()
      for (const [sent, kept] of [
        ['two words', 'two words'],
        ['ünïcødé!?#&', 'ünïcødé!?#&'],
        ['//x', 'x'],
        ['///y', '/y'],
      ]) {
        const answer = result<CommandAnswer>(UPDATE, {
          botId: HELPDESK,
          commandId: HELP,
          fields: { command: sent },
        })
        expect(answer.command.command).toBe(`/${kept}`)
        expect(stored(portal, HELP)?.command).toBe(kept)
      }
    })

    it('live: COMMAND_NAME_INVALID only when it is not a string', () => {
      const { call, portal } = fixture()
      for (const command of [5, true, { a: 1 }, ['x']]) {
        expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command } }))).toEqual({
          status: 400,
          error: 'COMMAND_NAME_INVALID',
          description: 'Command name must be a string',
        })
      }
      expect(stored(portal, HELP)?.command).toBe('help')
    })
  })

  describe('which command', () => {
    it('live: COMMAND_NOT_FOUND worded by where the controller stopped, 400', () => {
      const { call, portal } = fixture()
      const before = portal.getState()
      const update = (botId: number, commandId: unknown) =>
        errorOf(call(UPDATE, { botId, commandId, fields: { common: true } }))
      const notFound = { status: 400, error: 'COMMAND_NOT_FOUND', description: 'Command not found' }
      expect(update(HELPDESK, 999)).toEqual(notFound)
      expect(update(HELPDESK, 0)).toEqual(notFound)
      expect(update(HELPDESK, -4)).toEqual(notFound)
      expect(update(SALES, HELP)).toEqual({ ...notFound, description: 'Command belongs to a different bot' })
      expect(update(SALES, QUOTE)).toEqual({ ...notFound, description: 'Command not found or access denied' })
      expect(portal.getState()).toEqual(before)
    })

    it("docs: COMMAND_NOT_FOUND, and BOT_OWNERSHIP_ERROR for another application's command", () => {
      const { call } = fixture({ answerShape: 'docs' })
      const update = (botId: number, commandId: unknown) =>
        errorOf(call(UPDATE, { botId, commandId, fields: { common: true } }))
      expect(update(HELPDESK, 999)).toEqual({
        status: 400,
        error: 'COMMAND_NOT_FOUND',
        description: 'Command not found',
      })
      expect(update(SALES, HELP).error).toBe('COMMAND_NOT_FOUND')
      expect(update(SALES, QUOTE)).toEqual({
        status: 400,
        error: 'BOT_OWNERSHIP_ERROR',
        description: 'Command was registered by another application',
      })
    })

    it.each(ANSWER_SHAPES)(
      'the BOT_* codes, and INVALID_ARG_VALUE for a missing or mistyped commandId (%s)',
      (answerShape) => {
        const { call } = fixture({ answerShape })
        const fields = { common: true }
        expect(errorOf(call(UPDATE, { commandId: HELP, fields }))).toMatchObject({
          status: 400,
          error: 'BOT_ID_REQUIRED',
        })
        expect(errorOf(call(UPDATE, { botId: 'x', commandId: HELP, fields })).error).toBe('BOT_ID_REQUIRED')
        expect(errorOf(call(UPDATE, { botId: 99, commandId: HELP, fields }))).toMatchObject({
          status: 400,
          error: 'BOT_NOT_FOUND',
        })
        expect(errorOf(call(UPDATE, { botId: SEED_BOT_IDS.otherApp, commandId: 16, fields }))).toEqual({
          status: 400,
          error: 'BOT_OWNERSHIP_ERROR',
          description: 'Bot was installed by another rest application',
        })
        expect(errorOf(call(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, fields })).error).toBe(
          'BOT_OWNERSHIP_ERROR',
        )
        for (const commandId of [undefined, 'abc']) {
          const error = errorOf(call(UPDATE, { botId: HELPDESK, commandId, fields }))
          expect(error).toMatchObject({ status: 400, error: 'INVALID_ARG_VALUE' })
          expect(error.description).toContain('commandId')
        }
        const notAnObject = errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: 'hidden' }))
        expect(notAnObject).toMatchObject({ status: 400, error: 'INVALID_ARG_VALUE' })
        expect(notAnObject.description).toContain('fields')
      },
    )

    it("live: checks in the controller's order: the bot, the command, the trigger, the title, and last its owner", () => {
      const { call } = fixture()
      const errorFor = (botId: number, commandId: number, fields: Record<string, unknown>) =>
        errorOf(call(UPDATE, { botId, commandId, fields })).error
      const plain = { command: 'lead', title: 'plain' }
      expect(errorFor(SEED_BOT_IDS.otherApp, 999, plain)).toBe('BOT_OWNERSHIP_ERROR')
      expect(errorFor(HELPDESK, 999, plain)).toBe('COMMAND_NOT_FOUND')
      expect(errorFor(SALES, QUOTE, plain)).toBe('COMMAND_ALREADY_EXISTS')
      expect(errorFor(SALES, QUOTE, { title: 'plain' })).toBe('COMMAND_TITLE_INVALID')
      expect(errorOf(call(UPDATE, { botId: SALES, commandId: QUOTE, fields: { command: 'x' } }))).toEqual({
        status: 400,
        error: 'COMMAND_NOT_FOUND',
        description: 'Command not found or access denied',
      })
    })
  })

  it('answers ERROR_METHOD_NOT_FOUND (404) on a portal without imbot.v2', () => {
    const { call } = fixture({ imbotV2: false })
    expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP }))).toMatchObject({
      status: 404,
      error: 'ERROR_METHOD_NOT_FOUND',
    })
  })

  it.each(ANSWER_SHAPES)(
    'works inside batch: PHP-style fields, errors in result_error (%s)',
    (answerShape) => {
      const { call, portal } = fixture({ answerShape })
      const outcome = call('batch', {
        halt: 0,
        cmd: {
          rename: `${UPDATE}?botId=1&commandId=1&fields[command]=%2Fsupport&fields[hidden]=Y&fields[title][de]=Hilfe`,
          taken: `${UPDATE}?botId=1&commandId=2&fields[command]=support`,
          plain: `${UPDATE}?botId=1&commandId=3&fields[title]=Status`,
          empty: `${UPDATE}?botId=1&commandId=4&fields[command]=`,
          gone: `${UPDATE}?botId=2&commandId=1&fields[common]=Y`,
          register: `${REGISTER}?botId=2&fields[command]=invoice&fields[title][en]=Invoice&fields[common]=Y`,
        },
      })
      expect(outcome.status).toBe(200)
      const body = (outcome.body as BatchBody).result
      expect(body.result).toEqual({
        rename: {
          command: {
            id: 1,
            botId: 1,
            command: '/support',
            common: true,
            hidden: true,
            extranetSupport: true,
          },
        },
        register: {
          command: {
            id: 24,
            botId: 2,
            command: '/invoice',
            common: true,
            hidden: false,
            extranetSupport: false,
          },
        },
      })
      const errors = body.result_error as Record<string, { error: string }>
      expect(Object.fromEntries(Object.entries(errors).map(([key, value]) => [key, value.error]))).toEqual({
        taken: 'COMMAND_ALREADY_EXISTS',
        plain: 'COMMAND_TITLE_INVALID',
        empty: 'COMMAND_NAME_EMPTY',
        gone: 'COMMAND_NOT_FOUND',
      })
      expect(stored(portal, HELP)).toMatchObject({
        command: 'support',
        hidden: true,
        titles: { de: 'Hilfe' },
      })
      expect(stored(portal, 24)).toMatchObject({
        command: 'invoice',
        titles: { en: 'Invoice' },
        common: true,
      })
    },
  )

  describe('through the inbound webhook', () => {
    it.each(ANSWER_SHAPES)(
      "changes a webhook bot's command, its owner named by botToken (%s)",
      (answerShape) => {
        const { hook, portal } = fixture({ answerShape })
        const outcome = hook(UPDATE, {
          botId: WEBHOOK_BOT,
          commandId: ONCALL,
          botToken: TOKEN,
          fields: { command: 'duty', title: { en: 'Who is on duty' }, common: 'N' },
        })
        expect(outcome.status).toBe(200)
        expect((outcome.body as { result: CommandAnswer }).result.command).toEqual({
          id: ONCALL,
          botId: WEBHOOK_BOT,
          command: '/duty',
          common: false,
          hidden: false,
          extranetSupport: true,
        })
        expect(stored(portal, ONCALL)).toMatchObject({ command: 'duty', titles: { en: 'Who is on duty' } })
        // The same token under the other spellings the controller reads.
        expect(
          hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, BOT_TOKEN: TOKEN, fields: { common: 'Y' } })
            .status,
        ).toBe(200)
        expect(
          hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, CLIENT_ID: TOKEN, fields: { common: 'Y' } })
            .status,
        ).toBe(200)
      },
    )

    it("refuses without a token, with another token, and the application's bots; the app is refused the webhook's", () => {
      const { hook, call, portal } = fixture()
      const fields = { common: true }
      expect(errorOf(hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, fields }))).toEqual({
        status: 400,
        error: 'BOT_TOKEN_NOT_SPECIFIED',
        description: 'Bot token not specified (botToken is required for webhook auth)',
      })
      portal.updateSettings({ webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED' })
      expect(errorOf(hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, fields })).error).toBe(
        'CLIENT_ID_NOT_SPECIFIED',
      )
      const { token } = portal.createWebhookToken()
      expect(
        errorOf(hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, botToken: token, fields })),
      ).toMatchObject({
        status: 400,
        error: 'BOT_OWNERSHIP_ERROR',
      })
      expect(errorOf(hook(UPDATE, { botId: HELPDESK, commandId: HELP, botToken: TOKEN, fields })).error).toBe(
        'BOT_OWNERSHIP_ERROR',
      )
      // Inside the frame botToken is ignored: the application is itself.
      expect(
        errorOf(call(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, botToken: TOKEN, fields })).error,
      ).toBe('BOT_OWNERSHIP_ERROR')
      expect(stored(portal, ONCALL)?.common).toBe(true)
      expect(stored(portal, HELP)?.common).toBe(true)
      portal.updateWebhook({ imbotScope: false })
      expect(
        errorOf(hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, botToken: TOKEN, fields })).error,
      ).toBe('insufficient_scope')
    })

    it('inside batch, each row reading its own botToken', () => {
      const { hook, portal } = fixture()
      const body = hook('batch', {
        botToken: TOKEN,
        cmd: {
          ok: `${UPDATE}?botId=${WEBHOOK_BOT}&commandId=${INCIDENT}&botToken=${TOKEN}&fields[hidden]=Y`,
          noToken: `${UPDATE}?botId=${WEBHOOK_BOT}&commandId=${INCIDENT}&fields[hidden]=N`,
        },
      }).body as BatchBody
      expect(body.result.result).toEqual({
        ok: {
          command: {
            id: INCIDENT,
            botId: WEBHOOK_BOT,
            command: '/incident',
            common: false,
            hidden: true,
            extranetSupport: false,
          },
        },
      })
      expect((body.result.result_error as Record<string, { error: string }>).noToken?.error).toBe(
        'BOT_TOKEN_NOT_SPECIFIED',
      )
      expect(stored(portal, INCIDENT)?.hidden).toBe(true)
    })
  })

  describe('faults and the log', () => {
    it('an error fault answers instead of acting (any code), only for matching calls, also inside batch', () => {
      const { call, portal } = fixture()
      portal.injectFault({ method: UPDATE, code: 'COMMAND_ALREADY_EXISTS', match: { commandId: TICKET } })
      expect(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { common: false } }).status).toBe(200)
      expect(
        errorOf(call(UPDATE, { botId: HELPDESK, commandId: TICKET, fields: { command: 'tickets' } })),
      ).toEqual({
        status: 400,
        error: 'COMMAND_ALREADY_EXISTS',
        description: 'Command with this name already exists',
      })
      expect(stored(portal, TICKET)?.command).toBe('ticket')
      portal.injectFault({ method: UPDATE, code: 'INTERNAL_SERVER_ERROR' })
      const body = call('batch', { cmd: [`${UPDATE}?botId=1&commandId=2&fields[command]=tickets`] })
        .body as BatchBody
      expect(body.result.result_error).toEqual([
        { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' },
      ])
      expect(stored(portal, TICKET)?.command).toBe('ticket')
      portal.injectFault({ method: UPDATE, code: '', description: 'Something went wrong' })
      expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: TICKET }))).toEqual({
        status: 400,
        error: '',
        description: 'Something went wrong',
      })
    })

    it.each(ANSWER_SHAPES)('an injected 500 answers HTTP 400 live, 500 in the docs (%s)', (answerShape) => {
      const { call, portal } = fixture({ answerShape })
      portal.injectFault({ method: UPDATE, code: 'INTERNAL_SERVER_ERROR' })
      expect(errorOf(call(UPDATE, { botId: HELPDESK, commandId: HELP })).status).toBe(
        answerShape === 'live' ? 400 : 500,
      )
    })

    it('a drop fault acts, then drops the connection; through the webhook too', () => {
      const { call, hook, portal } = fixture()
      portal.injectFault({ method: UPDATE, mode: 'drop' })
      expect(call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'support' } }).drop).toBe(
        true,
      )
      expect(stored(portal, HELP)?.command).toBe('support')
      portal.injectFault({ method: UPDATE, mode: 'drop' })
      const outcome = hook(UPDATE, {
        botId: WEBHOOK_BOT,
        commandId: ONCALL,
        botToken: TOKEN,
        fields: { hidden: true },
      })
      expect(outcome.drop).toBe(true)
      expect(stored(portal, ONCALL)?.hidden).toBe(true)
      portal.injectFault({ method: UPDATE, mode: 'drop' })
      expect(call('batch', { cmd: { a: `${UPDATE}?botId=1&commandId=2&fields[hidden]=Y` } }).drop).toBe(true)
      expect(stored(portal, TICKET)?.hidden).toBe(true)
    })

    it('refuses an add-entry fault: its answer has no list', () => {
      const { portal } = fixture()
      expect(() => portal.injectFault({ method: UPDATE, mode: 'add-entry', entry: {} })).toThrow(/add-entry/)
    })

    it('logs every call, with its outcome and fault, and the bot token as •••', () => {
      const { call, hook, portal } = fixture()
      call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Help' } } })
      call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'ticket' } })
      portal.injectFault({ method: UPDATE, mode: 'drop' })
      hook(UPDATE, { botId: WEBHOOK_BOT, commandId: ONCALL, botToken: TOKEN, fields: { hidden: true } })
      call('batch', { cmd: { a: `${UPDATE}?botId=1&commandId=2&fields[hidden]=Y` } })
      const log = portal.getLog()
      expect(
        log.map(({ method, status, error, fault, via, inBatch }) => ({
          method,
          status,
          error,
          fault,
          via,
          inBatch,
        })),
      ).toEqual([
        {
          method: UPDATE,
          status: 200,
          error: undefined,
          fault: undefined,
          via: undefined,
          inBatch: undefined,
        },
        {
          method: UPDATE,
          status: 400,
          error: 'COMMAND_ALREADY_EXISTS',
          fault: undefined,
          via: undefined,
          inBatch: undefined,
        },
        { method: UPDATE, status: 200, error: undefined, fault: 'drop', via: 'webhook', inBatch: undefined },
        {
          method: 'batch',
          status: 200,
          error: undefined,
          fault: undefined,
          via: undefined,
          inBatch: undefined,
        },
        { method: UPDATE, status: 200, error: undefined, fault: undefined, via: undefined, inBatch: 4 },
      ])
      expect(log[0]?.params).toEqual({ botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Help' } } })
      expect(log[2]?.params.botToken).toBe(REDACTED)
      expect(JSON.stringify(log)).not.toContain(TOKEN)
    })
  })
})

describe('imbot.v2.Command.register', () => {
  const register = (
    call: (method: string, params?: Record<string, unknown>) => RestOutcome,
    fields: unknown,
    botId: number = HELPDESK,
  ) => call(REGISTER, { botId, fields })

  it.each(ANSWER_SHAPES)(
    'is idempotent for the same bot, command and owner: the command already there, unchanged (%s)',
    (answerShape) => {
      const { call, portal } = fixture({ answerShape })
      const first = register(call, { command: 'weather', title: { en: 'Weather' }, common: true })
      expect(first.status).toBe(200)
      const id = (first.body as { result: CommandAnswer }).result.command.id
      const count = portal.getState().commands.length
      for (const fields of [
        { command: 'weather', title: { en: 'Forecast' }, common: false, hidden: 'Y' },
        { command: '/weather' },
        { command: '//weather', title: { en: 'x' } },
      ]) {
        const again = register(call, fields)
        expect((again.body as { result: unknown }).result).toEqual({
          command: {
            id,
            botId: HELPDESK,
            command: '/weather',
            common: true,
            hidden: false,
            extranetSupport: false,
          },
        })
      }
      expect(portal.getState().commands).toHaveLength(count)
      expect(stored(portal, id)?.titles).toEqual({ en: 'Weather' })
      // A seeded command too: /help of Helpdesk Bot is this application's.
      expect(
        (register(call, { command: 'help', title: { en: 'x' } }).body as { result: CommandAnswer }).result
          .command,
      ).toEqual({
        id: HELP,
        botId: HELPDESK,
        command: '/help',
        common: true,
        hidden: false,
        extranetSupport: true,
      })
      expect(portal.getState().commands).toHaveLength(count)
    },
  )

  it("answers another owner's command with the same trigger on the bot (Im\\Command::register's ==), never COMMAND_ALREADY_EXISTS", () => {
    const { call, portal } = fixture()
    const idOf = (outcome: RestOutcome) => (outcome.body as { result: CommandAnswer }).result.command.id
    // /quote on Sales Assistant is another application's: register answers it, unchanged, and adds nothing.
    expect(idOf(register(call, { command: 'quote', title: { en: 'Quote' } }, SALES))).toBe(QUOTE)
    expect(portal.getState().commands.filter((command) => command.command === 'quote')).toHaveLength(1)
    expect(stored(portal, QUOTE)?.appId).not.toBe(stored(portal, HELP)?.appId)
    // Another bot, another case, a space: another trigger.
    expect(idOf(register(call, { command: 'help', title: { en: 'Help' } }, SALES))).toBe(24)
    expect(idOf(register(call, { command: 'HELP', title: { en: 'Help' } }))).toBe(25)
    expect(idOf(register(call, { command: ' help', title: { en: 'Help' } }))).toBe(26)
    expect(stored(portal, 26)?.command).toBe(' help')
    // PHP's == between numeric strings: "01" is "1".
    expect(idOf(register(call, { command: '1', title: { en: 'One' } }))).toBe(27)
    expect(idOf(register(call, { command: '01', title: { en: 'One' } }))).toBe(27)
    expect(idOf(register(call, { command: '1.0', title: { en: 'One' } }))).toBe(27)
  })

  it('takes flags as true/false or "Y"/"N", and texts as maps by language', () => {
    const { result, portal } = fixture()
    const answer = result<CommandAnswer>(REGISTER, {
      botId: SALES,
      fields: {
        command: '/invoice',
        title: { EN: 'Send an invoice', de: 'Rechnung senden', ru: null },
        params: { en: '<deal>', de: '<Deal>' },
        common: 'Y',
        hidden: 'N',
        extranetSupport: true,
      },
    })
    expect(answer).toEqual({
      command: {
        id: 24,
        botId: SALES,
        command: '/invoice',
        common: true,
        hidden: false,
        extranetSupport: true,
      },
    })
    expect(stored(portal, 24)).toMatchObject({
      command: 'invoice',
      titles: { en: 'Send an invoice', de: 'Rechnung senden' },
      params: { en: '<deal>', de: '<Deal>' },
    })
    expect(Object.keys(stored(portal, 24)?.titles ?? {})).toEqual(['en', 'de'])
  })

  it.each(ANSWER_SHAPES)(
    'COMMAND_TITLE_REQUIRED for a visible command without a title map (%s)',
    (answerShape) => {
      const { call, portal } = fixture({ answerShape })
      const count = portal.getState().commands.length
      for (const fields of [
        { command: 'x' },
        { command: 'x', title: {} },
        { command: 'x', title: [] },
        { command: 'x', hidden: 'N', params: { en: '[y]' } },
      ]) {
        expect(errorOf(register(call, fields))).toEqual({
          status: 400,
          error: 'COMMAND_TITLE_REQUIRED',
          description: 'Title is required for visible commands',
        })
      }
      expect(portal.getState().commands).toHaveLength(count)
      expect(register(call, { command: 'x', hidden: 'Y' }).status).toBe(200)
    },
  )

  it('live: a null title still makes a language row for the controller, which Im\\Command then skips: registered without titles', () => {
    const { call, portal } = fixture()
    const outcome = register(call, { command: 'x', title: { en: null } })
    expect(outcome.status).toBe(200)
    expect(stored(portal, 24)).toMatchObject({ command: 'x', hidden: false, titles: {}, params: {} })
  })

  it('live: a title that is no map makes no row (COMMAND_TITLE_REQUIRED if visible); a hint that is none is ignored', () => {
    const { call, portal } = fixture()
    expect(errorOf(register(call, { command: 'x', title: 'X' }))).toEqual({
      status: 400,
      error: 'COMMAND_TITLE_REQUIRED',
      description: 'Title is required for visible commands',
    })
    expect(register(call, { command: 'x', hidden: true, title: 'X' }).status).toBe(200)
    expect(stored(portal, 24)?.titles).toEqual({})
    expect(register(call, { command: 'y', title: { en: 'Y' }, params: '[y]' }).status).toBe(200)
    expect(stored(portal, 25)).toMatchObject({ titles: { en: 'Y' }, params: { en: '' } })
  })

  it("docs: a title or hint that is no map is refused by the docs' schema", () => {
    const { call, portal } = fixture({ answerShape: 'docs' })
    const count = portal.getState().commands.length
    for (const fields of [
      { command: 'x', title: 'X' },
      { command: 'x', hidden: true, title: 'X' },
      { command: 'x', title: { en: 'X' }, params: '[y]' },
    ]) {
      const error = errorOf(register(call, fields))
      expect(error).toMatchObject({ status: 400, error: 'COMMAND_TITLE_REQUIRED' })
      expect(error.description).toContain('{langCode: text}')
    }
    expect(portal.getState().commands).toHaveLength(count)
  })

  it.each(ANSWER_SHAPES)(
    'COMMAND_REQUIRED for a missing or empty command, nothing trimmed (%s)',
    (answerShape) => {
      const { call, result, portal } = fixture({ answerShape })
      for (const fields of [{}, { command: '' }, { command: '/' }, { title: { en: 'X' } }]) {
        expect(errorOf(register(call, fields))).toEqual({
          status: 400,
          error: 'COMMAND_REQUIRED',
          description: 'Command is required',
        })
      }
      const spaces = result<CommandAnswer>(REGISTER, {
        botId: HELPDESK,
        fields: { command: '   ', hidden: true },
      })
      expect(spaces.command.command).toBe('/   ')
      expect(portal.getState().commands.filter((command) => command.command === '   ')).toHaveLength(1)
    },
  )

  it('live: COMMAND_NAME_INVALID only for a command that is not a string; a legacy flat call registers too', () => {
    const { call, result } = fixture()
    for (const command of [7, false, { a: 1 }]) {
      expect(errorOf(register(call, { command, title: { en: 'X' } }))).toEqual({
        status: 400,
        error: 'COMMAND_NAME_INVALID',
        description: 'Command name must be a string',
      })
    }
    // resolveRegisterFields: without `fields`, the flat parameters.
    const flat = result<CommandAnswer>(REGISTER, { botId: HELPDESK, command: 'flat', title: { en: 'Flat' } })
    expect(flat.command.command).toBe('/flat')
  })

  it.each(ANSWER_SHAPES)(
    'COMMAND_REGISTER_FAILED when CommandTable refuses the trigger: over 255 characters, or "//" (%s)',
    (answerShape) => {
      const { call, portal } = fixture({ answerShape })
      const count = portal.getState().commands.length
      for (const command of ['x'.repeat(256), '//']) {
        expect(errorOf(register(call, { command, title: { en: 'X' } }))).toEqual({
          status: 400,
          error: 'COMMAND_REGISTER_FAILED',
          description: 'Command registration failed',
        })
      }
      expect(portal.getState().commands).toHaveLength(count)
      expect(register(call, { command: 'x'.repeat(255), title: { en: 'X' } }).status).toBe(200)
    },
  )

  it.each(ANSWER_SHAPES)(
    'keeps a hint only for a language with a title: one row per title (%s)',
    (answerShape) => {
      const fields = { command: 'x', hidden: true, title: { en: 'X' }, params: { en: '[a]', de: '[b]' } }
      const { call, portal } = fixture({ answerShape })
      call(REGISTER, { botId: HELPDESK, fields })
      expect(stored(portal, 24)?.params).toEqual({ en: '[a]' })
    },
  )

  it('through the webhook (botToken), inside batch, with faults, and idempotent per owner', () => {
    const { hook, call, portal } = fixture()
    const params = { botId: WEBHOOK_BOT, botToken: TOKEN, fields: { command: 'oncall', title: { en: 'x' } } }
    const again = hook(REGISTER, params)
    expect((again.body as { result: CommandAnswer }).result.command.id).toBe(ONCALL)
    expect(errorOf(hook(REGISTER, { ...params, botToken: undefined })).error).toBe('BOT_TOKEN_NOT_SPECIFIED')
    expect(errorOf(hook(REGISTER, { ...params, botId: HELPDESK })).error).toBe('BOT_OWNERSHIP_ERROR')
    const body = hook('batch', {
      cmd: [
        `${REGISTER}?botId=${WEBHOOK_BOT}&botToken=${TOKEN}&fields[command]=pager&fields[title][en]=Pager&fields[hidden]=Y`,
        `${REGISTER}?botId=${WEBHOOK_BOT}&botToken=${TOKEN}&fields[command]=pager&fields[title][en]=Again`,
        `${REGISTER}?botId=${WEBHOOK_BOT}&fields[command]=pager`,
      ],
    }).body as BatchBody
    const results = body.result.result as Record<string, CommandAnswer>
    expect(results['0']?.command).toEqual(results['1']?.command)
    expect(results['0']?.command).toMatchObject({ command: '/pager', hidden: true })
    expect((body.result.result_error as Record<string, { error: string }>)['2']?.error).toBe(
      'BOT_TOKEN_NOT_SPECIFIED',
    )
    expect(portal.getState().commands.filter((command) => command.command === 'pager')).toHaveLength(1)
    portal.injectFault({ method: REGISTER, code: 'COMMAND_TITLE_REQUIRED' })
    expect(
      errorOf(call(REGISTER, { botId: HELPDESK, fields: { command: 'y', title: { en: 'Y' } } })).error,
    ).toBe('COMMAND_TITLE_REQUIRED')
    expect(portal.getState().commands.some((command) => command.command === 'y')).toBe(false)
    portal.injectFault({ method: REGISTER, mode: 'drop' })
    expect(call(REGISTER, { botId: HELPDESK, fields: { command: 'y', title: { en: 'Y' } } }).drop).toBe(true)
    expect(portal.getState().commands.some((command) => command.command === 'y')).toBe(true)
    // The retry after a lost answer finds the command there, as the SDK's retry would.
    const retried = call(REGISTER, { botId: HELPDESK, fields: { command: 'y', title: { en: 'Y' } } })
    expect(retried.status).toBe(200)
    expect(portal.getState().commands.filter((command) => command.command === 'y')).toHaveLength(1)
  })
})

describe('shapes: every error of both methods is HTTP 400', () => {
  it.each(ANSWER_SHAPES)('%s', (answerShape: AnswerShape) => {
    const { call } = fixture({ answerShape })
    const outcomes = [
      call(UPDATE, { botId: HELPDESK, commandId: 999 }),
      call(UPDATE, { botId: SEED_BOT_IDS.otherApp, commandId: 16 }),
      call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: '' } }),
      call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { command: 'ticket' } }),
      call(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: 'x' } }),
      call(REGISTER, { botId: HELPDESK, fields: { command: 'x' } }),
      call(REGISTER, { botId: HELPDESK, fields: { command: '' } }),
    ]
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(outcomes.length).fill(400))
  })
})
