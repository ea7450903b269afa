import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ANSWER_SHAPES,
  type AnswerShape,
  createSandboxPortal,
  EMULATED_METHODS,
  MODELLED_SCHEMAS,
  type RestOutcome,
  type SandboxPortal,
  SEED_BOT_IDS,
  SEED_COMMAND_IDS,
  SEED_WEBHOOK,
} from '../../../src/sandbox/emulator'
import {
  LIVE_BOT_ENTRY,
  LIVE_BOT_LIST,
  LIVE_BUILT_IN_COMMANDS,
  LIVE_COMMAND_ANSWER,
  LIVE_COMMAND_ENTRY,
  liveOwnCommand,
  violations,
} from './live-contract'

/**
 * Two contracts. The docs': Bitrix24's published schemas (src/sandbox/spec/*.json). For every method the sandbox
 * emulates that has a schema, in either answer shape: required params are enforced, every param's type is checked
 * (at the top level and inside the structures the schema describes), optional params may be left out; and in the
 * docs' shape the success result has the shape of the schema's resultExample. The live one (./live-contract.ts,
 * from shared/reference/live-portal.md): what the sandbox answers by default, as live portals do.
 */

interface Field {
  name: string
  type: 'integer' | 'string' | 'boolean' | 'object' | 'array'
  required: boolean
  ref?: string
}

interface Schema {
  method: string
  params: Field[]
  defs: Record<string, { fields?: Field[] }>
  resultExample: { result: unknown; time: Record<string, unknown> }
}

const SPEC_DIR = new URL('../../../src/sandbox/spec/', import.meta.url)
const published: Schema[] = readdirSync(SPEC_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, SPEC_DIR), 'utf8')) as Schema)
/** Methods Bitrix24 publishes no schema for (imbot.v2.Command.update), as the emulator models them. */
const modelled: Schema[] = MODELLED_SCHEMAS.map((schema) => structuredClone(schema) as Schema)
const schemas: Schema[] = [...published, ...modelled]

/** A call using every parameter of the schema, valid against the seed data. */
const FULL_CALLS: Record<string, Record<string, unknown>> = {
  'imbot.v2.Bot.list': { botToken: 'token', filter: { type: 'bot' }, limit: 10, offset: 0 },
  'imbot.v2.Command.list': { botId: 1, botToken: 'token' },
  'imbot.v2.Command.unregister': { botId: 1, botToken: 'token', commandId: 1 },
  'imbot.v2.Command.register': {
    botId: 1,
    botToken: 'token',
    // hidden: true, so that the title (optional in the schema, needed for visible commands) may be left out.
    fields: {
      command: 'contract',
      title: { en: 'Contract' },
      params: { en: '[x]' },
      common: false,
      hidden: true,
      extranetSupport: false,
    },
  },
  'imbot.command.unregister': { COMMAND_ID: 1, CLIENT_ID: 'client' },
  'imbot.command.register': {
    BOT_ID: 1,
    COMMAND: 'contract',
    EVENT_COMMAND_ADD: 'https://example.com/handler',
    LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Contract', PARAMS: '[x]' }],
    COMMON: 'N',
    HIDDEN: 'N',
    EXTRANET_SUPPORT: 'N',
    CLIENT_ID: 'client',
  },
  'imbot.v2.Command.update': {
    botId: 1,
    botToken: 'token',
    commandId: 1,
    fields: {
      command: 'contract',
      title: { en: 'Contract' },
      params: { en: '[x]' },
      common: false,
      hidden: true,
      extranetSupport: false,
    },
  },
  // Sales Assistant's /lead: a bot in webhook mode (v1 update refuses fetch-mode bots, FETCH_NOT_SUPPORTED).
  'imbot.command.update': {
    COMMAND_ID: 13,
    FIELDS: { LANGUAGE_ID: 'en', TITLE: 'Help', PARAMS: '[topic]' },
    CLIENT_ID: 'client',
  },
}

/**
 * Where a live portal takes what the schema calls the wrong type (imbot/lib/V2/Controller/Command.php): the flags go
 * through normalizeBooleanVariable ("maybe" is false), `params` that is no map is skipped (register's foreach, update's
 * is_array), and register's `title` that is no map gives no language row, which the hidden command of FULL_CALLS
 * does not need.
 */
const LIVE_READS_AS_SENT: Record<string, readonly string[]> = {
  'imbot.v2.Command.register': [
    'fields[title]',
    'fields[params]',
    'fields[common]',
    'fields[hidden]',
    'fields[extranetSupport]',
  ],
  'imbot.v2.Command.update': [
    'fields[params]',
    'fields[common]',
    'fields[hidden]',
    'fields[extranetSupport]',
  ],
}

/** A value of the wrong type for each schema type. */
const WRONG: Record<Field['type'], unknown> = {
  integer: 'not-a-number',
  string: { not: 'a string' },
  boolean: 'maybe',
  object: 'not an object',
  array: 'not an array',
}

/** Each call on a fresh portal, so that one call's effect (a removal) does not change the next one's answer. */
function callFresh(method: string, params: Record<string, unknown>, answerShape: AnswerShape): RestOutcome {
  const portal = createSandboxPortal({ settings: { answerShape } })
  const auth = portal.initData('127.0.0.1:5173').AUTH_ID
  return portal.handle({ method, params: { ...params, auth } })
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return 'number'
  return typeof value
}

/** Keys and value types, recursively; an array is described by its first item. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : []
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, shapeOf(item)]),
    )
  }
  return typeName(value)
}

function nestedFields(schema: Schema, field: Field): Field[] {
  return field.ref ? (schema.defs[field.ref.replace('#/defs/', '')]?.fields ?? []) : []
}

/** A copy of `params` with `mutate` applied to the object that holds `path` (["LANG", 0, "TITLE"]). */
function withChange(
  params: Record<string, unknown>,
  path: (string | number)[],
  change: { remove: true } | { value: unknown },
): Record<string, unknown> {
  const copy = structuredClone(params)
  let holder: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string
  if ('remove' in change) delete holder[last]
  else holder[last] = change.value
  return copy
}

/** Every parameter path the schema describes, with its field: top level, object fields, first array item's fields. */
function parameterPaths(schema: Schema): { path: (string | number)[]; field: Field }[] {
  const paths: { path: (string | number)[]; field: Field }[] = []
  for (const field of schema.params) {
    paths.push({ path: [field.name], field })
    for (const nested of nestedFields(schema, field)) {
      const prefix = field.type === 'array' ? [field.name, 0] : [field.name]
      paths.push({ path: [...prefix, nested.name], field: nested })
    }
  }
  return paths
}

function label(path: (string | number)[]): string {
  return path.map((key, index) => (index === 0 ? key : `[${key}]`)).join('')
}

it('has a schema for each method of the contract, and the emulator implements each', () => {
  expect(schemas.map((schema) => schema.method).sort()).toEqual(Object.keys(FULL_CALLS).sort())
  for (const schema of schemas) expect(EMULATED_METHODS).toContain(schema.method)
  // Only what Bitrix24 does not publish is modelled.
  expect(modelled.map((schema) => schema.method)).toEqual(['imbot.v2.Command.update'])
  for (const schema of modelled) expect(published.map((item) => item.method)).not.toContain(schema.method)
})

it("models imbot.v2.Command.update on register's schema: its fields, each optional, for a commandId", () => {
  const register = published.find((schema) => schema.method === 'imbot.v2.Command.register')
  const update = modelled.find((schema) => schema.method === 'imbot.v2.Command.update')
  const params = (schema: Schema | undefined) =>
    schema?.params.map(({ name, type, required }) => ({ name, type, required }))
  expect(params(update)).toEqual([
    { name: 'botId', type: 'integer', required: true },
    { name: 'botToken', type: 'string', required: false },
    { name: 'commandId', type: 'integer', required: true },
    { name: 'fields', type: 'object', required: false },
  ])
  const fieldsOf = (schema: Schema | undefined) =>
    schema ? nestedFields(schema, schema.params.find((field) => field.name === 'fields') as Field) : []
  expect(fieldsOf(update).map(({ name, type }) => ({ name, type }))).toEqual(
    fieldsOf(register).map(({ name, type }) => ({ name, type })),
  )
  expect(fieldsOf(update).every((field) => !field.required)).toBe(true)
  expect(update?.resultExample).toEqual(register?.resultExample)
})

describe.each(schemas.map((schema) => [schema.method, schema] as const))('%s', (method, schema) => {
  const full = FULL_CALLS[method] ?? {}

  it("answers in the docs' shape as the schema's resultExample", () => {
    const body = callFresh(method, full, 'docs').body as { result: unknown; time: Record<string, unknown> }
    expect(shapeOf(body.result)).toEqual(shapeOf(schema.resultExample.result))
    for (const key of Object.keys(schema.resultExample.time)) {
      expect(typeName(body.time[key]), `time.${key}`).toBe(typeName(schema.resultExample.time[key]))
    }
  })

  describe.each(ANSWER_SHAPES)('in the %s shape', (shape) => {
    const call = (params: Record<string, unknown>) => callFresh(method, params, shape)

    it('accepts a call with every parameter of the schema', () => {
      const outcome = call(full)
      expect(outcome.body).toHaveProperty('result')
      expect(outcome.status).toBe(200)
    })

    it('accepts a call with only the required parameters', () => {
      const required = Object.fromEntries(
        schema.params.filter((field) => field.required).map((field) => [field.name, full[field.name]]),
      )
      expect(call(required).status).toBe(200)
    })

    it('accepts integers sent as strings (form posts, batch)', () => {
      const asStrings = Object.fromEntries(
        Object.entries(full).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]),
      )
      expect(call(asStrings).status).toBe(200)
    })

    it('ignores parameters the schema does not describe', () => {
      expect(call({ ...full, SOMETHING_ELSE: 'x' }).status).toBe(200)
    })

    for (const { path, field } of parameterPaths(schema)) {
      if (field.required) {
        it(`refuses a call without the required ${label(path)}`, () => {
          const outcome = call(withChange(full, path, { remove: true }))
          expect(outcome.status).toBe(400)
          expect(outcome.body).toHaveProperty('error')
        })
      } else {
        it(`accepts a call without the optional ${label(path)}`, () => {
          expect(call(withChange(full, path, { remove: true })).status).toBe(200)
        })
      }

      if (shape === 'live' && LIVE_READS_AS_SENT[method]?.includes(label(path))) {
        it(`takes ${label(path)} of another type, as the controller reads it (${field.type} expected)`, () => {
          expect(call(withChange(full, path, { value: WRONG[field.type] })).status).toBe(200)
        })
        continue
      }

      it(`refuses ${label(path)} of the wrong type (${field.type} expected)`, () => {
        const outcome = call(withChange(full, path, { value: WRONG[field.type] }))
        expect(outcome.status).toBe(400)
        const body = outcome.body as { error: string; error_description: string }
        // A parameter without a code of its own is named in the description.
        if (body.error === 'INVALID_ARG_VALUE') expect(body.error_description).toContain(label(path))
      })
    }
  })
})

/**
 * The same calls through the inbound webhook, on the seeded webhook bot (the app's bots are another owner's there)
 * with the seeded bot token in the parameter each method reads it from.
 */
const WEBHOOK_IDS: Record<string, unknown> = {
  botId: SEED_BOT_IDS.webhook,
  BOT_ID: SEED_BOT_IDS.webhook,
  commandId: SEED_COMMAND_IDS.webhook[0],
  COMMAND_ID: SEED_COMMAND_IDS.webhook[0],
  botToken: SEED_WEBHOOK.botToken,
  CLIENT_ID: SEED_WEBHOOK.botToken,
}
const tokenParam = (method: string) => (method.startsWith('imbot.v2.') ? 'botToken' : 'CLIENT_ID')

function webhookCall(method: string, params: Record<string, unknown>, answerShape: AnswerShape): RestOutcome {
  const portal = createSandboxPortal({ settings: { answerShape } })
  const webhook = { userId: String(SEED_WEBHOOK.userId), secret: SEED_WEBHOOK.secret }
  return portal.handle({ method, params, webhook })
}

describe.each(schemas.map((schema) => [schema.method, schema] as const))(
  '%s through the inbound webhook',
  (method, schema) => {
    const full = Object.fromEntries(
      Object.entries(FULL_CALLS[method] ?? {}).map(([key, value]) => [key, WEBHOOK_IDS[key] ?? value]),
    )

    it("answers in the docs' shape as the schema's resultExample", () => {
      const outcome = webhookCall(method, full, 'docs')
      expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
      const body = outcome.body as { result: unknown }
      expect(shapeOf(body.result)).toEqual(shapeOf(schema.resultExample.result))
    })

    it.each(ANSWER_SHAPES)('needs the bot token the schema marks optional (webhooks only) (%s)', (shape) => {
      const param = tokenParam(method)
      expect(schema.params.find((field) => field.name === param)?.required).toBe(false)
      const outcome = webhookCall(method, withChange(full, [param], { remove: true }), shape)
      const expected = param === 'botToken' ? [400, 'BOT_TOKEN_NOT_SPECIFIED'] : [403, 'ACCESS_DENIED']
      expect([outcome.status, (outcome.body as { error: string }).error]).toEqual(expected)
    })
  },
)

/** A portal in the live shape (the default), with a token, and a shorthand for a successful call's result. */
function livePortal(): {
  portal: SandboxPortal
  result: <T>(method: string, params?: Record<string, unknown>) => T
} {
  const portal = createSandboxPortal()
  const auth = portal.initData('127.0.0.1:5173').AUTH_ID
  return {
    portal,
    result<T>(method: string, params: Record<string, unknown> = {}): T {
      const outcome = portal.handle({ method, params: { ...params, auth } })
      expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
      return (outcome.body as { result: T }).result
    },
  }
}

describe('live answers, against the contract of live-portal.md', () => {
  /** Every rule one bot's list breaks: the built-ins first, in order, then exactly the bot's own commands. */
  function listViolations(portal: SandboxPortal, botId: number, commands: unknown[]): string[] {
    const state = portal.getState()
    const botName = state.bots.find((bot) => bot.id === botId)?.name ?? ''
    const own = state.commands.filter((command) => command.botId === botId).map((command) => command.id)
    const problems = commands.flatMap((entry, index) =>
      violations(entry, LIVE_COMMAND_ENTRY, `commands[${index}]`),
    )
    const builtIns = commands.slice(0, LIVE_BUILT_IN_COMMANDS.length) as Record<string, unknown>[]
    builtIns.forEach((entry, index) => {
      const expected = { id: `def${index}`, botId: 0, command: LIVE_BUILT_IN_COMMANDS[index] }
      const actual = { id: entry.id, botId: entry.botId, command: entry.command }
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`commands[${index}]: must be the built-in ${JSON.stringify(expected)}`)
    })
    const rest = commands.slice(LIVE_BUILT_IN_COMMANDS.length) as Record<string, unknown>[]
    rest.forEach((entry, index) => {
      problems.push(...violations(entry, liveOwnCommand(botName), `commands[${index + 6}]`))
    })
    if (JSON.stringify(rest.map((entry) => entry.id)) !== JSON.stringify(own))
      problems.push(`the bot's own entries must be every command of the bot, hidden ones too: ${own}`)
    return problems
  }

  it.each(['en', 'ru', 'de'] as const)(
    'imbot.v2.Command.list of every bot, directly and in batch (%s)',
    (lang) => {
      const { portal, result } = livePortal()
      portal.updateSettings({ lang })
      portal.seed({ bots: 2, commandsPerBot: 9 })
      const botIds = result<{ bots: { id: number }[] }>('imbot.v2.Bot.list').bots.map((bot) => bot.id)
      expect(botIds.length).toBeGreaterThan(2)
      for (const botId of botIds) {
        const { commands } = result<{ commands: unknown[] }>('imbot.v2.Command.list', { botId })
        expect(listViolations(portal, botId, commands)).toEqual([])
      }
      const cmd = Object.fromEntries(
        botIds.map((botId) => [`bot${botId}`, `imbot.v2.Command.list?botId=${botId}`]),
      )
      const batch = result<{ result: Record<string, { commands: unknown[] }> }>('batch', { cmd })
      for (const botId of botIds) {
        expect(listViolations(portal, botId, batch.result[`bot${botId}`]?.commands ?? [])).toEqual([])
      }
    },
  )

  it('imbot.v2.Bot.list: every page, hasNextPage as count === limit, never appId', () => {
    const { portal, result } = livePortal()
    portal.seed({ bots: 8 })
    for (const limit of [1, 3, 5, 10, 50]) {
      for (let offset = 0; offset <= 12; offset += limit) {
        const page = result<{ bots: unknown[]; users: unknown[]; hasNextPage: boolean }>(
          'imbot.v2.Bot.list',
          {
            limit,
            offset,
          },
        )
        const where = `limit ${limit}, offset ${offset}`
        expect(violations(page, LIVE_BOT_LIST, where)).toEqual([])
        expect(
          page.bots.flatMap((bot, index) => violations(bot, LIVE_BOT_ENTRY, `${where} bots[${index}]`)),
        ).toEqual([])
        expect(page.hasNextPage, where).toBe(page.bots.length === limit)
      }
    }
  })

  it('imbot.v2.Command.list of the webhook bot, through the webhook', () => {
    const portal = createSandboxPortal()
    const webhook = { userId: String(SEED_WEBHOOK.userId), secret: SEED_WEBHOOK.secret }
    const params = { botId: SEED_BOT_IDS.webhook, botToken: SEED_WEBHOOK.botToken }
    const outcome = portal.handle({ method: 'imbot.v2.Command.list', params, webhook })
    expect(outcome.status).toBe(200)
    const { commands } = (outcome.body as { result: { commands: unknown[] } }).result
    expect(listViolations(portal, SEED_BOT_IDS.webhook, commands)).toEqual([])
  })

  it('imbot.v2.Command.register and update: real booleans, no texts, directly, in batch and through the webhook', () => {
    const { portal, result } = livePortal()
    const answers: unknown[] = []
    const registered = result<{ command: { id: number } }>('imbot.v2.Command.register', {
      botId: 1,
      fields: { command: 'weather', title: { en: 'Weather' }, common: 'Y', extranetSupport: 'N' },
    })
    answers.push(registered.command)
    answers.push(
      result<{ command: unknown }>('imbot.v2.Command.update', {
        botId: 1,
        commandId: registered.command.id,
        fields: { command: '/forecast', hidden: true, title: { de: 'Wetter' } },
      }).command,
    )
    const batch = result<{ result: Record<string, { command: unknown }> }>('batch', {
      cmd: {
        update: 'imbot.v2.Command.update?botId=1&commandId=1&fields[common]=N&fields[title][en]=Help',
        register: 'imbot.v2.Command.register?botId=2&fields[command]=invoice&fields[title][en]=Invoice',
      },
    })
    answers.push(batch.result.update?.command, batch.result.register?.command)
    const webhook = { userId: String(SEED_WEBHOOK.userId), secret: SEED_WEBHOOK.secret }
    const hooked = portal.handle({
      method: 'imbot.v2.Command.update',
      params: {
        botId: SEED_BOT_IDS.webhook,
        commandId: SEED_COMMAND_IDS.webhook[0],
        botToken: SEED_WEBHOOK.botToken,
        fields: { extranetSupport: 'Y' },
      },
      webhook,
    })
    answers.push((hooked.body as { result: { command: unknown } }).result.command)
    expect(answers).toHaveLength(5)
    expect(
      answers.flatMap((answer, index) => violations(answer, LIVE_COMMAND_ANSWER, `answer ${index}`)),
    ).toEqual([])
  })

  it('a title sent as a plain string: update refuses it (COMMAND_TITLE_INVALID), register finds no title (COMMAND_TITLE_REQUIRED), 400', () => {
    // imbot/lib/V2/Controller/Command.php: updateAction checks is_array($fields['title']); registerAction's foreach
    // over a string adds no language row, so a visible command has no title.
    const { portal } = livePortal()
    const auth = portal.initData('127.0.0.1:5173').AUTH_ID
    for (const [method, params, code] of [
      [
        'imbot.v2.Command.register',
        { botId: 1, fields: { command: 'x', title: 'Plain' } },
        'COMMAND_TITLE_REQUIRED',
      ],
      [
        'imbot.v2.Command.update',
        { botId: 1, commandId: 1, fields: { title: 'Plain' } },
        'COMMAND_TITLE_INVALID',
      ],
    ] as const) {
      const outcome = portal.handle({ method, params: { ...params, auth } })
      expect([outcome.status, (outcome.body as { error: string }).error]).toEqual([400, code])
    }
  })

  it("tells the shapes apart: the docs' answers break the live contract", () => {
    const portal = createSandboxPortal({ settings: { answerShape: 'docs' } })
    const auth = portal.initData('127.0.0.1:5173').AUTH_ID
    const body = portal.handle({ method: 'imbot.v2.Command.list', params: { botId: 1, auth } }).body as {
      result: { commands: unknown[] }
    }
    const problems = violations(body.result.commands[0], LIVE_COMMAND_ENTRY, 'docs')
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'docs.common',
      'docs.extranet',
      'docs.extranetSupport',
      'docs.hidden',
    ])
  })
})
