import { describe, expect, it } from 'vitest'
import {
  parseRestPath,
  parseSettingsPatch,
  parseWebhookPatch,
  parseWebhookTokenRequest,
  REDACTED,
  type RestOutcome,
  type SandboxSettings,
  SEED_BOT_IDS,
  SEED_COMMAND_IDS,
  SEED_WEBHOOK,
  type WebhookCredentials,
} from '../../../src/sandbox/emulator'
import {
  type BatchBody,
  type CommandItem,
  errorOf,
  type LiveCommandItem,
  portalFixture,
} from './portal-fixture'

const TOKEN = SEED_WEBHOOK.botToken
const SEEDED: WebhookCredentials = { userId: '1', secret: SEED_WEBHOOK.secret }
const WEBHOOK_BOT = SEED_BOT_IDS.webhook
const [FIRST_WEBHOOK_COMMAND = 0, SECOND_WEBHOOK_COMMAND = 0] = SEED_COMMAND_IDS.webhook

interface BotPage {
  bots: { id: number; code: string; countCommand: number }[]
  users: { id: number; name: string }[]
  hasNextPage: boolean
}

/** A portal fixture plus calls through the inbound webhook (no `auth`). */
function webhookFixture(settings: Partial<SandboxSettings> = {}) {
  const fixture = portalFixture(settings)
  const hook = (
    method: string,
    params: Record<string, unknown> = {},
    webhook: WebhookCredentials = SEEDED,
  ): RestOutcome => fixture.portal.handle({ method, params, webhook })
  const hookResult = <T = unknown>(method: string, params: Record<string, unknown> = {}): T => {
    const outcome = hook(method, params)
    if (outcome.status !== 200) throw new Error(`${method} failed: ${JSON.stringify(outcome.body)}`)
    return (outcome.body as { result: T }).result
  }
  return { ...fixture, hook, hookResult }
}

describe('the seeded webhook', () => {
  it('is user 1 with a fixed secret, the imbot scope and one bot token', () => {
    const { portal } = webhookFixture()
    expect(portal.webhook()).toEqual({
      userId: 1,
      secret: 'sandboxwebhooksecret0001',
      path: '/rest/1/sandboxwebhooksecret0001/',
      tokens: ['sandbox-bot-token-1'],
      revoked: false,
      expired: false,
      scopes: ['im', 'imbot'],
    })
    expect(TOKEN.length).toBeLessThanOrEqual(40)
  })

  it('owns Support Webhook Bot: code support_webhook, six commands with en/ru/de titles and mixed flags', () => {
    const { portal } = webhookFixture()
    const state = portal.getState()
    const bot = state.bots.find((item) => item.id === WEBHOOK_BOT)
    expect(bot).toMatchObject({ name: 'Support Webhook Bot', code: 'support_webhook', owner: 'webhook' })
    const commands = state.commands.filter((command) => command.botId === WEBHOOK_BOT)
    expect(commands.map((command) => command.command)).toEqual([
      'oncall',
      'incident',
      'handover',
      'runbook',
      'page',
      'postmortem',
    ])
    for (const command of commands) {
      expect(Object.keys(command.titles).sort()).toEqual(['de', 'en', 'ru'])
      expect(command.owner).toBe('webhook')
    }
    for (const flag of ['common', 'hidden', 'extranetSupport'] as const) {
      expect(new Set(commands.map((command) => command[flag]))).toEqual(new Set([true, false]))
    }
  })

  it("leaves the application's seed as it was", () => {
    const { result } = webhookFixture()
    expect(result<BotPage>('imbot.v2.Bot.list').bots.map((bot) => bot.id)).toEqual([1, 2])
  })
})

describe('calls through the webhook', () => {
  it('imbot.v2.Bot.list with the bot token lists only the bots that token registered', () => {
    const { hookResult } = webhookFixture()
    const page = hookResult<BotPage>('imbot.v2.Bot.list', { botToken: TOKEN })
    expect(page.bots.map((bot) => [bot.id, bot.code, bot.countCommand])).toEqual([
      [WEBHOOK_BOT, 'support_webhook', 6],
    ])
    expect(page.users.map((user) => user.name)).toEqual(['Support Webhook Bot'])
    expect(page.hasNextPage).toBe(false)
    // Never the owner key: for a webhook bot it is "custom" + the token.
    expect(JSON.stringify(page)).not.toContain(TOKEN)
  })

  it('imbot.v2.Command.list lists the webhook bot in both shapes, titles in the portal language', () => {
    const live = webhookFixture({ lang: 'de' })
    const { commands } = live.hookResult<{ commands: LiveCommandItem[] }>('imbot.v2.Command.list', {
      botId: WEBHOOK_BOT,
      botToken: TOKEN,
    })
    expect(commands).toHaveLength(6 + 6)
    expect(commands[6]).toMatchObject({
      id: FIRST_WEBHOOK_COMMAND,
      command: '/oncall',
      title: 'Wer hat Bereitschaft',
      category: 'Support Webhook Bot',
    })
    const docs = webhookFixture({ answerShape: 'docs' })
    const list = docs.hookResult<{ commands: CommandItem[] }>('imbot.v2.Command.list', {
      botId: WEBHOOK_BOT,
      botToken: TOKEN,
    })
    expect(list.commands.map((command) => command.command)).toEqual([
      '/oncall',
      '/incident',
      '/handover',
      '/runbook',
      '/page',
      '/postmortem',
    ])
  })

  it('reads the v2 token as botToken, BOT_TOKEN, or the deprecated CLIENT_ID', () => {
    const { hook } = webhookFixture()
    for (const key of ['botToken', 'BOT_TOKEN', 'clientId', 'CLIENT_ID']) {
      expect(hook('imbot.v2.Command.list', { botId: WEBHOOK_BOT, [key]: TOKEN }).status, key).toBe(200)
    }
  })

  it("removes a webhook bot's commands with v2 botToken and with v1 CLIENT_ID", () => {
    const { hook, hookResult, portal } = webhookFixture()
    expect(
      hookResult('imbot.v2.Command.unregister', {
        botId: WEBHOOK_BOT,
        commandId: FIRST_WEBHOOK_COMMAND,
        botToken: TOKEN,
      }),
    ).toEqual({ result: true })
    expect(
      hookResult('imbot.command.unregister', { COMMAND_ID: SECOND_WEBHOOK_COMMAND, CLIENT_ID: TOKEN }),
    ).toBe(true)
    const ids = portal.getState().commands.map((command) => command.id)
    expect(ids).not.toContain(FIRST_WEBHOOK_COMMAND)
    expect(ids).not.toContain(SECOND_WEBHOOK_COMMAND)
    // v1 upper-cases its keys: client_id is CLIENT_ID.
    expect(hook('imbot.command.unregister', { COMMAND_ID: 20, client_id: TOKEN }).status).toBe(200)
  })

  it('the same string as CLIENT_ID (v1) and botToken (v2) manages the same bots', () => {
    const { hookResult } = webhookFixture({ answerShape: 'docs' })
    const id = hookResult<number>('imbot.command.register', {
      BOT_ID: WEBHOOK_BOT,
      COMMAND: 'status',
      EVENT_COMMAND_ADD: 'https://example.com/handler',
      LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Status' }],
      CLIENT_ID: TOKEN,
    })
    const { commands } = hookResult<{ commands: CommandItem[] }>('imbot.v2.Command.list', {
      botId: WEBHOOK_BOT,
      botToken: TOKEN,
    })
    expect(commands.at(-1)).toMatchObject({ id, command: '/status' })
    expect(
      hookResult('imbot.v2.Command.unregister', { botId: WEBHOOK_BOT, commandId: id, botToken: TOKEN }),
    ).toEqual({ result: true })
    expect(
      hookResult('imbot.command.update', {
        COMMAND_ID: FIRST_WEBHOOK_COMMAND,
        FIELDS: { LANGUAGE_ID: 'en', TITLE: 'On call now' },
        CLIENT_ID: TOKEN,
      }),
    ).toBe(true)
    const v1List = hookResult<Record<string, { ID: number; NAME: string }>>('imbot.bot.list', {
      CLIENT_ID: TOKEN,
    })
    expect(Object.values(v1List).map((bot) => bot.NAME)).toEqual(['Support Webhook Bot'])
  })

  it('a token that owns no bots gets empty lists, not an error', () => {
    const { hookResult } = webhookFixture()
    expect(hookResult('imbot.v2.Bot.list', { botToken: 'nobody-registered-with-this' })).toEqual({
      bots: [],
      users: [],
      hasNextPage: false,
    })
    expect(hookResult('imbot.bot.list', { CLIENT_ID: 'nobody-registered-with-this' })).toEqual([])
    // Without CLIENT_ID a v1 list names no owner, so it lists nothing either.
    expect(hookResult('imbot.bot.list')).toEqual([])
  })

  it('ignores an `auth` param: the webhook alone authenticates', () => {
    const { hook, token } = webhookFixture()
    const wrong = { userId: '1', secret: 'not-the-secret' }
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN, auth: token }, wrong)).error).toBe(
      'INVALID_CREDENTIALS',
    )
    expect(hook('imbot.v2.Bot.list', { botToken: TOKEN, auth: 'whatever' }).status).toBe(200)
  })
})

describe('each side is blind to the other', () => {
  it('the application never sees webhook bots, and is refused them', () => {
    const { call, result } = webhookFixture()
    expect(result<BotPage>('imbot.v2.Bot.list', { limit: 50 }).bots.map((bot) => bot.id)).not.toContain(
      WEBHOOK_BOT,
    )
    expect(Object.keys(result<Record<string, unknown>>('imbot.bot.list'))).toEqual(['1', '2'])
    expect(errorOf(call('imbot.v2.Command.list', { botId: WEBHOOK_BOT }))).toMatchObject({
      status: 400,
      error: 'BOT_OWNERSHIP_ERROR',
    })
    expect(
      errorOf(call('imbot.v2.Command.unregister', { botId: WEBHOOK_BOT, commandId: FIRST_WEBHOOK_COMMAND })),
    ).toMatchObject({ status: 400, error: 'BOT_OWNERSHIP_ERROR' })
    expect(errorOf(call('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND }))).toMatchObject({
      status: 400,
      error: 'APP_ID_ERROR',
    })
  })

  it('inside the frame botToken and CLIENT_ID are ignored: the application is always itself', () => {
    const { call, result } = webhookFixture()
    expect(result<BotPage>('imbot.v2.Bot.list', { botToken: TOKEN }).bots.map((bot) => bot.id)).toEqual([
      1, 2,
    ])
    expect(errorOf(call('imbot.v2.Command.list', { botId: WEBHOOK_BOT, botToken: TOKEN })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
    expect(call('imbot.command.unregister', { COMMAND_ID: 1, CLIENT_ID: TOKEN }).status).toBe(200)
  })

  it.each(['live', 'docs'] as const)(
    "the webhook is refused the application's bots and commands (%s)",
    (answerShape) => {
      const { hook } = webhookFixture({ answerShape })
      expect(
        errorOf(hook('imbot.v2.Command.list', { botId: SEED_BOT_IDS.helpdesk, botToken: TOKEN })),
      ).toEqual({
        status: 400,
        error: 'BOT_OWNERSHIP_ERROR',
        description: 'Bot was installed by another rest application',
      })
      expect(
        errorOf(
          hook('imbot.v2.Command.unregister', {
            botId: SEED_BOT_IDS.helpdesk,
            commandId: 1,
            botToken: TOKEN,
          }),
        ),
      ).toMatchObject({ status: 400, error: 'BOT_OWNERSHIP_ERROR' })
      expect(errorOf(hook('imbot.command.unregister', { COMMAND_ID: 1, CLIENT_ID: TOKEN }))).toEqual({
        status: 400,
        error: 'APP_ID_ERROR',
        description: 'Command was installed by another rest application',
      })
      expect(
        errorOf(
          hook('imbot.command.update', {
            COMMAND_ID: 1,
            FIELDS: { LANGUAGE_ID: 'en', TITLE: 'x' },
            CLIENT_ID: TOKEN,
          }),
        ).error,
      ).toBe('APP_ID_ERROR')
      expect(
        errorOf(
          hook('imbot.command.register', {
            BOT_ID: SEED_BOT_IDS.helpdesk,
            COMMAND: 'x',
            EVENT_COMMAND_ADD: 'https://example.com/handler',
            LANG: [{ LANGUAGE_ID: 'en', TITLE: 'x' }],
            CLIENT_ID: TOKEN,
          }),
        ),
      ).toMatchObject({ status: 400, error: 'APP_ID_ERROR' })
    },
  )

  it('one token is blind to the bots of another', () => {
    const { hook, portal } = webhookFixture()
    const { token, botIds } = portal.createWebhookToken({ bots: 1, commandsPerBot: 1 })
    expect(errorOf(hook('imbot.v2.Command.list', { botId: WEBHOOK_BOT, botToken: token })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
    expect(errorOf(hook('imbot.v2.Command.list', { botId: botIds[0], botToken: TOKEN })).error).toBe(
      'BOT_OWNERSHIP_ERROR',
    )
  })
})

describe('a missing bot token', () => {
  it.each(['live', 'docs'] as const)(
    'imbot.v2 answers BOT_TOKEN_NOT_SPECIFIED (400) before anything else (%s)',
    (answerShape) => {
      const { hook } = webhookFixture({ answerShape })
      const expected = {
        status: 400,
        error: 'BOT_TOKEN_NOT_SPECIFIED',
        description: 'Bot token not specified (botToken is required for webhook auth)',
      }
      expect(errorOf(hook('imbot.v2.Bot.list'))).toEqual(expected)
      expect(errorOf(hook('imbot.v2.Bot.list', { botToken: '' }))).toEqual(expected)
      // The token is checked before botId.
      expect(errorOf(hook('imbot.v2.Command.list'))).toEqual(expected)
      expect(errorOf(hook('imbot.v2.Command.unregister', { botId: WEBHOOK_BOT, commandId: 18 }))).toEqual(
        expected,
      )
      expect(
        errorOf(
          hook('imbot.v2.Command.register', {
            botId: WEBHOOK_BOT,
            fields: { command: 'x', title: { en: 'x' } },
          }),
        ),
      ).toEqual(expected)
    },
  )

  it('answers CLIENT_ID_NOT_SPECIFIED instead with webhookTokenError, as older cloud builds did', () => {
    const { hook, portal } = webhookFixture({ webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED' })
    expect(errorOf(hook('imbot.v2.Bot.list'))).toEqual({
      status: 400,
      error: 'CLIENT_ID_NOT_SPECIFIED',
      description: 'Client ID not specified',
    })
    portal.updateSettings({ webhookTokenError: 'BOT_TOKEN_NOT_SPECIFIED' })
    expect(errorOf(hook('imbot.v2.Bot.list')).error).toBe('BOT_TOKEN_NOT_SPECIFIED')
    expect(parseSettingsPatch({ webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED' })).toEqual({
      webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED',
    })
    expect(() => parseSettingsPatch({ webhookTokenError: 'NOPE' })).toThrow(/webhookTokenError/)
  })

  it('v1 command methods answer ACCESS_DENIED (403) "Access denied! Client ID not specified."', () => {
    const { hook, portal } = webhookFixture()
    const expected = {
      status: 403,
      error: 'ACCESS_DENIED',
      description: 'Access denied! Client ID not specified.',
    }
    expect(errorOf(hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND }))).toEqual(expected)
    expect(
      errorOf(hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND, CLIENT_ID: '' })),
    ).toEqual(expected)
    // Before COMMAND_ID is even looked at.
    expect(errorOf(hook('imbot.command.unregister'))).toEqual(expected)
    expect(
      errorOf(
        hook('imbot.command.update', {
          COMMAND_ID: FIRST_WEBHOOK_COMMAND,
          FIELDS: { LANGUAGE_ID: 'en', TITLE: 'x' },
        }),
      ),
    ).toEqual(expected)
    expect(portal.getState().commands.some((command) => command.id === FIRST_WEBHOOK_COMMAND)).toBe(true)
  })
})

describe('webhook failures', () => {
  // rest/lib/apauth/auth.php (Auth::check): no active password for the user and secret, whatever the reason.
  const invalid = { status: 401, error: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' }

  it('by default a wrong secret or user answers as a live portal: 401 INVALID_CREDENTIALS', () => {
    const { hook, portal } = webhookFixture()
    expect(portal.getSettings().webhookAuthError).toBe('INVALID_CREDENTIALS')
    const params = { botToken: TOKEN }
    expect(errorOf(hook('imbot.v2.Bot.list', params, { userId: '1', secret: 'wrong' }))).toEqual(invalid)
    expect(errorOf(hook('imbot.v2.Bot.list', params, { userId: '2', secret: SEED_WEBHOOK.secret }))).toEqual(
      invalid,
    )
    expect(errorOf(hook('batch', { cmd: ['imbot.v2.Bot.list'] }, { userId: '1', secret: '' }))).toEqual(
      invalid,
    )
  })

  it('by default a revoked or expired webhook answers the same, until it is restored', () => {
    const { hook, portal } = webhookFixture()
    expect(portal.updateWebhook({ revoked: true }).revoked).toBe(true)
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toEqual(invalid)
    portal.updateWebhook({ revoked: false, expired: true })
    // Webhooks have no end date in the server code: a live portal cannot answer "expired" in words of its own.
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toEqual(invalid)
    portal.updateWebhook({ expired: false })
    expect(hook('imbot.v2.Bot.list', { botToken: TOKEN }).status).toBe(200)
    expect(() => parseSettingsPatch({ webhookAuthError: 'expired_token' })).toThrow(/webhookAuthError/)
  })

  describe("with webhookAuthError 'NO_AUTH_FOUND' (the docs' code)", () => {
    const wrongAuth = { status: 401, error: 'NO_AUTH_FOUND', description: 'Wrong authorization data' }
    const noAuthFound = { webhookAuthError: 'NO_AUTH_FOUND' } as const

    it('a wrong secret or user answers 401 NO_AUTH_FOUND "Wrong authorization data"', () => {
      const { hook } = webhookFixture(noAuthFound)
      const params = { botToken: TOKEN }
      expect(errorOf(hook('imbot.v2.Bot.list', params, { userId: '1', secret: 'wrong' }))).toEqual(wrongAuth)
      expect(
        errorOf(hook('imbot.v2.Bot.list', params, { userId: '2', secret: SEED_WEBHOOK.secret })),
      ).toEqual(wrongAuth)
      expect(errorOf(hook('batch', { cmd: ['imbot.v2.Bot.list'] }, { userId: '1', secret: '' }))).toEqual(
        wrongAuth,
      )
    })

    it('a revoked webhook answers the same, until it is restored', () => {
      const { hook, portal } = webhookFixture(noAuthFound)
      expect(portal.updateWebhook({ revoked: true }).revoked).toBe(true)
      expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toEqual(wrongAuth)
      portal.updateWebhook({ revoked: false })
      expect(hook('imbot.v2.Bot.list', { botToken: TOKEN }).status).toBe(200)
    })

    it('an expired webhook answers 401 NO_AUTH_FOUND "Webhook has expired"', () => {
      const { hook, portal } = webhookFixture(noAuthFound)
      portal.updateWebhook({ expired: true })
      expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toEqual({
        status: 401,
        error: 'NO_AUTH_FOUND',
        description: 'Webhook has expired',
      })
      // A wrong secret is still just wrong.
      expect(errorOf(hook('imbot.v2.Bot.list', {}, { userId: '1', secret: 'x' })).description).toBe(
        'Wrong authorization data',
      )
    })
  })

  it.each(['live', 'docs'] as const)(
    'without the imbot scope every imbot method answers 403 insufficient_scope (%s)',
    (answerShape) => {
      const { hook, portal } = webhookFixture({ answerShape })
      expect(portal.updateWebhook({ imbotScope: false }).scopes).toEqual(['im'])
      const expected = {
        status: 403,
        error: 'insufficient_scope',
        description: 'The request requires higher privileges than provided by the webhook token',
      }
      expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toEqual(expected)
      expect(errorOf(hook('imbot.v2.Command.list', { botId: WEBHOOK_BOT, botToken: TOKEN }))).toEqual(
        expected,
      )
      // Before the token is looked for.
      expect(errorOf(hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND }))).toEqual(
        expected,
      )
      expect(errorOf(hook('imbot.bot.list'))).toEqual(expected)
      // batch needs no scope; each imbot call inside it does.
      const body = hook('batch', { cmd: { list: `imbot.v2.Bot.list?botToken=${TOKEN}` } }).body as BatchBody
      expect(body.result.result_error).toEqual({
        list: { error: expected.error, error_description: expected.description },
      })
      portal.updateWebhook({ imbotScope: true })
      expect(hook('imbot.v2.Bot.list', { botToken: TOKEN }).status).toBe(200)
    },
  )

  it('the application inside the frame is not affected by the webhook controls', () => {
    const { call, portal } = webhookFixture()
    portal.updateWebhook({ revoked: true, expired: true, imbotScope: false })
    expect(call('imbot.v2.Bot.list').status).toBe(200)
  })
})

describe('batch through the webhook', () => {
  it("runs sub-calls with the webhook's identity, each reading its own token from its query string", () => {
    const { hook, portal } = webhookFixture()
    const outcome = hook('batch', {
      halt: 0,
      cmd: {
        bots: `imbot.v2.Bot.list?botToken=${TOKEN}`,
        list: `imbot.v2.Command.list?botId=${WEBHOOK_BOT}&botToken=${TOKEN}`,
        v1: `imbot.command.unregister?COMMAND_ID=${FIRST_WEBHOOK_COMMAND}&CLIENT_ID=${TOKEN}`,
        v2: `imbot.v2.Command.unregister?botId=${WEBHOOK_BOT}&commandId=${SECOND_WEBHOOK_COMMAND}&botToken=${TOKEN}`,
        noToken: 'imbot.v2.Bot.list',
        noClientId: `imbot.command.unregister?COMMAND_ID=20`,
        appBot: `imbot.v2.Command.list?botId=1&botToken=${TOKEN}`,
        appCommand: `imbot.command.unregister?COMMAND_ID=1&CLIENT_ID=${TOKEN}`,
        other: 'imbot.v2.Bot.list?botToken=someone-else',
      },
    })
    expect(outcome.status).toBe(200)
    const body = outcome.body as BatchBody
    const result = body.result.result as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['bots', 'list', 'v1', 'v2', 'other'])
    expect((result.bots as BotPage).bots.map((bot) => bot.id)).toEqual([WEBHOOK_BOT])
    expect(result.v1).toBe(true)
    expect(result.v2).toEqual({ result: true })
    expect(result.other).toEqual({ bots: [], users: [], hasNextPage: false })
    const errors = body.result.result_error as Record<string, { error: string }>
    expect(Object.fromEntries(Object.entries(errors).map(([key, value]) => [key, value.error]))).toEqual({
      noToken: 'BOT_TOKEN_NOT_SPECIFIED',
      noClientId: 'ACCESS_DENIED',
      appBot: 'BOT_OWNERSHIP_ERROR',
      appCommand: 'APP_ID_ERROR',
    })
    const ids = portal.getState().commands.map((command) => command.id)
    expect(ids).not.toContain(FIRST_WEBHOOK_COMMAND)
    expect(ids).toContain(1)
  })

  it("never lends the batch's own botToken or CLIENT_ID to its sub-calls", () => {
    const { hook } = webhookFixture()
    const body = hook('batch', { botToken: TOKEN, CLIENT_ID: TOKEN, cmd: ['imbot.v2.Bot.list'] })
      .body as BatchBody
    expect(body.result.result_error).toEqual([
      {
        error: 'BOT_TOKEN_NOT_SPECIFIED',
        error_description: 'Bot token not specified (botToken is required for webhook auth)',
      },
    ])
  })
})

describe('transport around webhook calls', () => {
  it('faults apply to webhook calls: error, drop and add-entry', () => {
    const { hook, portal } = webhookFixture()
    portal.injectFault({ method: 'imbot.v2.Bot.list', code: 'OVERLOAD_LIMIT', count: 1, mode: 'error' })
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toMatchObject({
      status: 503,
      error: 'OVERLOAD_LIMIT',
    })
    portal.injectFault({ method: 'imbot.command.unregister', count: 1, mode: 'drop' })
    expect(
      hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND, CLIENT_ID: TOKEN }).drop,
    ).toBe(true)
    expect(portal.getState().commands.some((command) => command.id === FIRST_WEBHOOK_COMMAND)).toBe(false)
    portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry: { id: 'x' }, count: 1 })
    expect(
      (hook('imbot.v2.Bot.list', { botToken: TOKEN }).body as { result: BotPage }).result.bots.at(-1),
    ).toEqual({ id: 'x' })
    expect(portal.getLog().map((entry) => entry.fault)).toEqual(['error', 'drop', 'add-entry'])
  })

  it('the rate limit counts webhook calls with the others', () => {
    const { call, hook } = webhookFixture({ rateLimit: { burst: 2, drainPerSec: 0 } })
    expect(hook('imbot.v2.Bot.list', { botToken: TOKEN }).status).toBe(200)
    expect(call('imbot.v2.Bot.list').status).toBe(200)
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN }))).toMatchObject({
      status: 503,
      error: 'QUERY_LIMIT_EXCEEDED',
    })
  })

  it('answers ERROR_METHOD_NOT_FOUND for imbot.v2 on a portal without it, and for unknown methods', () => {
    const { hook } = webhookFixture({ imbotV2: false })
    expect(errorOf(hook('imbot.v2.Bot.list', { botToken: TOKEN })).error).toBe('ERROR_METHOD_NOT_FOUND')
    expect(errorOf(hook('no.such.method')).error).toBe('ERROR_METHOD_NOT_FOUND')
    expect(
      hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND, CLIENT_ID: TOKEN }).status,
    ).toBe(200)
  })
})

describe('the call log', () => {
  it('marks webhook calls and their sub-calls, and never holds the secret or a bot token', () => {
    const { call, hook, portal, token } = webhookFixture()
    call('imbot.v2.Bot.list', { botToken: TOKEN })
    hook('imbot.v2.Bot.list', { botToken: TOKEN })
    hook('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND, client_id: TOKEN })
    hook('batch', {
      botToken: TOKEN,
      cmd: {
        a: `imbot.v2.Command.list?botId=${WEBHOOK_BOT}&botToken=${TOKEN}`,
        b: `imbot.command.unregister?COMMAND_ID=${SECOND_WEBHOOK_COMMAND}&CLIENT_ID=${encodeURIComponent(TOKEN)}`,
        c: `imbot.v2.Command.register?botId=${WEBHOOK_BOT}&fields[command]=x&fields[title][en]=X&fields[botToken]=${TOKEN}&BOT_TOKEN=${TOKEN}`,
      },
    })
    hook('imbot.v2.Bot.list', { botToken: '' })
    hook('imbot.v2.Bot.list', { botToken: TOKEN }, { userId: '1', secret: 'wrong' })
    const log = portal.getLog()
    const json = JSON.stringify(log)
    expect(json).not.toContain(SEED_WEBHOOK.secret)
    expect(json).not.toContain(TOKEN)
    expect(json).not.toContain('sandbox-bot-token')
    expect(json).not.toContain(token)
    expect(log.map((entry) => [entry.method, entry.via, entry.inBatch])).toEqual([
      ['imbot.v2.Bot.list', undefined, undefined],
      ['imbot.v2.Bot.list', 'webhook', undefined],
      ['imbot.command.unregister', 'webhook', undefined],
      ['batch', 'webhook', undefined],
      ['imbot.v2.Command.list', 'webhook', 4],
      ['imbot.command.unregister', 'webhook', 4],
      ['imbot.v2.Command.register', 'webhook', 4],
      ['imbot.v2.Bot.list', 'webhook', undefined],
      ['imbot.v2.Bot.list', 'webhook', undefined],
    ])
    expect(log[0]?.params).toEqual({ botToken: REDACTED })
    expect(log[2]?.params).toEqual({ COMMAND_ID: FIRST_WEBHOOK_COMMAND, client_id: '•••' })
    expect(log[3]?.params).toEqual({
      botToken: '•••',
      cmd: {
        a: `imbot.v2.Command.list?botId=${WEBHOOK_BOT}&botToken=•••`,
        b: `imbot.command.unregister?COMMAND_ID=${SECOND_WEBHOOK_COMMAND}&CLIENT_ID=•••`,
        c: `imbot.v2.Command.register?botId=${WEBHOOK_BOT}&fields[command]=x&fields[title][en]=X&fields[botToken]=•••&BOT_TOKEN=•••`,
      },
    })
    expect(log[4]?.params).toEqual({ botId: String(WEBHOOK_BOT), botToken: '•••' })
    expect(log[6]?.params).toMatchObject({ fields: { botToken: '•••' }, BOT_TOKEN: '•••' })
    // A missing token shows as it came, so that "missing" can be told from "given".
    expect(log[7]).toMatchObject({ params: { botToken: '' }, error: 'BOT_TOKEN_NOT_SPECIFIED' })
    expect(log[8]).toMatchObject({ status: 401, error: 'INVALID_CREDENTIALS' })
  })
})

describe('controls', () => {
  it('makes bot tokens: sandbox-bot-token-N, owning no bots or generated webhook bots', () => {
    const { hookResult, portal, result } = webhookFixture()
    const bare = portal.createWebhookToken()
    expect(bare).toEqual({ token: 'sandbox-bot-token-2', botIds: [], commandIds: [] })
    expect(hookResult<BotPage>('imbot.v2.Bot.list', { botToken: bare.token }).bots).toEqual([])
    const made = portal.createWebhookToken({ bots: 2, commandsPerBot: 3 })
    expect(made.token).toBe('sandbox-bot-token-3')
    expect(made.botIds).toHaveLength(2)
    expect(made.commandIds).toHaveLength(6)
    const page = hookResult<BotPage>('imbot.v2.Bot.list', { botToken: made.token })
    expect(page.bots.map((bot) => bot.id)).toEqual(made.botIds)
    expect(page.bots.map((bot) => bot.countCommand)).toEqual([3, 3])
    expect(page.users.map((user) => user.name)).toEqual(made.botIds.map((id) => `Webhook Bot ${id}`))
    expect(portal.webhook().tokens).toEqual([
      'sandbox-bot-token-1',
      'sandbox-bot-token-2',
      'sandbox-bot-token-3',
    ])
    // Nobody else sees them.
    expect(hookResult<BotPage>('imbot.v2.Bot.list', { botToken: TOKEN }).bots).toHaveLength(1)
    expect(result<BotPage>('imbot.v2.Bot.list').bots.map((bot) => bot.id)).toEqual([1, 2])
    const state = portal.getState()
    expect(state.bots.filter((bot) => bot.owner === 'webhook').map((bot) => bot.id)).toEqual([
      WEBHOOK_BOT,
      ...made.botIds,
    ])
    expect(
      state.commands
        .filter((command) => made.botIds.includes(command.botId))
        .every((c) => c.owner === 'webhook'),
    ).toBe(true)
    expect(JSON.stringify(state)).not.toContain('sandbox-bot-token')
  })

  it('refuses an oversized token request without making a token', () => {
    const { portal } = webhookFixture()
    expect(() => portal.createWebhookToken({ bots: 1000, commandsPerBot: 1000 })).toThrow(RangeError)
    expect(portal.webhook().tokens).toEqual([TOKEN])
  })

  it('parses webhook controls from untrusted JSON', () => {
    expect(parseWebhookPatch({ revoked: true, imbotScope: false, expired: false, other: 1 })).toEqual({
      revoked: true,
      imbotScope: false,
      expired: false,
    })
    expect(() => parseWebhookPatch({ revoked: 'yes' })).toThrow(/webhook\.revoked/)
    expect(() => parseWebhookPatch([])).toThrow(/object/)
    expect(parseWebhookTokenRequest(undefined)).toEqual({})
    expect(parseWebhookTokenRequest({ bots: 2, commandsPerBot: 0 })).toEqual({ bots: 2, commandsPerBot: 0 })
    expect(() => parseWebhookTokenRequest({ bots: -1 })).toThrow(/tokens\.bots/)
    expect(() => parseWebhookTokenRequest({ commandsPerBot: 1.5 })).toThrow(/commandsPerBot/)
  })

  it('reset restores the seeded webhook, its one token and its bot', () => {
    const { hook, hookResult, portal } = webhookFixture()
    hookResult('imbot.command.unregister', { COMMAND_ID: FIRST_WEBHOOK_COMMAND, CLIENT_ID: TOKEN })
    portal.createWebhookToken({ bots: 1 })
    portal.updateWebhook({ revoked: true, expired: true, imbotScope: false })
    portal.updateSettings({
      webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED',
      webhookAuthError: 'NO_AUTH_FOUND',
    })
    portal.reset()
    expect(portal.webhook()).toMatchObject({
      tokens: [TOKEN],
      revoked: false,
      expired: false,
      scopes: ['im', 'imbot'],
    })
    expect(portal.getSettings()).toMatchObject({
      webhookTokenError: 'BOT_TOKEN_NOT_SPECIFIED',
      webhookAuthError: 'INVALID_CREDENTIALS',
    })
    expect(
      portal
        .getState()
        .bots.filter((bot) => bot.owner === 'webhook')
        .map((bot) => bot.id),
    ).toEqual([WEBHOOK_BOT])
    expect(hookResult<BotPage>('imbot.v2.Bot.list', { botToken: TOKEN }).bots[0]?.countCommand).toBe(6)
    expect(portal.createWebhookToken().token).toBe('sandbox-bot-token-2')
    expect(hook('imbot.v2.Bot.list', { botToken: TOKEN }).status).toBe(200)
  })
})

describe('parseRestPath', () => {
  it('reads /rest/{method} and /rest/{user}/{secret}/{method}, with or without .json', () => {
    expect(parseRestPath('/rest/imbot.v2.Bot.list')).toEqual({ method: 'imbot.v2.Bot.list' })
    expect(parseRestPath('/rest/batch.json')).toEqual({ method: 'batch' })
    expect(parseRestPath('/rest/1/sandboxwebhooksecret0001/imbot.v2.Bot.list.json')).toEqual({
      method: 'imbot.v2.Bot.list',
      webhook: { userId: '1', secret: 'sandboxwebhooksecret0001' },
    })
    expect(parseRestPath('/rest/1/s3cr%65t/batch')).toEqual({
      method: 'batch',
      webhook: { userId: '1', secret: 's3cret' },
    })
  })

  it('does not depend on the scheme: an https:// webhook URL reads the same', () => {
    for (const origin of ['http://127.0.0.1:5173', 'https://acme.bitrix24.com']) {
      const { pathname } = new URL(`${origin}${SEED_WEBHOOK.path}imbot.v2.Bot.list`)
      expect(parseRestPath(pathname)).toEqual({ method: 'imbot.v2.Bot.list', webhook: SEEDED })
    }
  })

  it('refuses anything else', () => {
    for (const path of [
      '/rest/',
      '/rest/1/sandboxwebhooksecret0001/',
      '/rest/1/imbot.bot.list',
      '/rest/1/a/b/imbot.bot.list',
      '/rest/1/a/not a method',
      '/rest/1/%E0%A4%A/imbot.bot.list',
      '/elsewhere/imbot.bot.list',
    ]) {
      expect(parseRestPath(path), path).toBeUndefined()
    }
  })
})
