import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createSandboxPortal,
  type RestLogEntry,
  type SandboxPortal,
  type SandboxStateSnapshot,
  SEED_BOT_IDS,
  SEED_COMMAND_IDS,
  SEED_WEBHOOK,
  type WebhookInfo,
} from '../../../src/sandbox/emulator'
import { createSandboxMiddleware } from '../../../src/sandbox/server/middleware'
import type { BatchBody } from './portal-fixture'

/** The inbound webhook over real HTTP, on the portal origin, and its controls under /sandbox/api/webhook. */

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => unknown
}

let server: Server
let port: number
let portal: SandboxPortal

const TOKEN = SEED_WEBHOOK.botToken
const HOOK = SEED_WEBHOOK.path
const [FIRST_WEBHOOK_COMMAND] = SEED_COMMAND_IDS.webhook

function send(
  path: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

function errorOf(answer: Answer): { status: number; error: string; description: string } {
  const body = answer.json() as { error?: string; error_description?: string }
  return { status: answer.status, error: body.error ?? '', description: body.error_description ?? '' }
}

type BotPage = { result: { bots: { id: number }[]; users: { name: string }[] } }

beforeAll(async () => {
  portal = createSandboxPortal()
  const middleware = createSandboxMiddleware(portal)
  server = createServer((req, res) => {
    middleware(req, res, () => {
      res.statusCode = 200
      res.end('served by the next middleware')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  portal.reset()
})

describe('webhook routes on the portal origin', () => {
  it('answers POST with a JSON body, GET with a query, and form posts; the method may end in .json', async () => {
    const json = await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN })
    expect(json.status).toBe(200)
    expect((json.json() as BotPage).result.users.map((user) => user.name)).toEqual(['Support Webhook Bot'])
    const get = await send(
      `${HOOK}imbot.v2.Command.list.json?botId=${SEED_BOT_IDS.webhook}&botToken=${TOKEN}`,
    )
    expect(get.status).toBe(200)
    expect((get.json() as { result: { commands: unknown[] } }).result.commands).toHaveLength(6 + 6)
    const form = await send(`${HOOK}imbot.command.unregister.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `COMMAND_ID=${FIRST_WEBHOOK_COMMAND}&CLIENT_ID=${TOKEN}`,
    })
    expect(form.json()).toMatchObject({ result: true })
    expect(form.json()).toHaveProperty('time.operating')
  })

  it('is only the portal: the app origin passes webhook paths to the next middleware', async () => {
    const answer = await send(`${HOOK}imbot.v2.Bot.list`, { host: `localhost:${port}` })
    expect(answer.text).toBe('served by the next middleware')
  })

  it('sends the CORS headers of a live portal on answers and preflights', async () => {
    const origin = { origin: `http://localhost:${port}` }
    for (const answer of [
      await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN }, origin),
      await postJson(`${HOOK}imbot.v2.Bot.list`, {}, origin),
      await postJson('/rest/1/wrong/imbot.v2.Bot.list', {}, origin),
      await send(`${HOOK}imbot.v2.Bot.list`, {
        method: 'OPTIONS',
        headers: {
          ...origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    ]) {
      expect(answer.headers['access-control-allow-origin']).toBe('*')
      expect(answer.headers['access-control-allow-headers']).toBe('origin, content-type, accept')
      expect(answer.headers['access-control-allow-methods']).toBeUndefined()
    }
  })

  it('answers 404 ERROR_METHOD_NOT_FOUND for a webhook path without a method or with extra segments', async () => {
    for (const path of [HOOK, '/rest/1/imbot.v2.Bot.list', `${HOOK}x/imbot.v2.Bot.list`]) {
      expect(errorOf(await send(path)), path).toEqual({
        status: 404,
        error: 'ERROR_METHOD_NOT_FOUND',
        description: 'Method not found!',
      })
    }
  })

  it("runs batch with per-call tokens from each command's own query string", async () => {
    const answer = await postJson(`${HOOK}batch`, {
      halt: 0,
      cmd: {
        mine: `imbot.v2.Command.list?botId=${SEED_BOT_IDS.webhook}&botToken=${TOKEN}`,
        remove: `imbot.command.unregister?COMMAND_ID=${FIRST_WEBHOOK_COMMAND}&CLIENT_ID=${TOKEN}`,
        bare: 'imbot.v2.Bot.list',
        app: `imbot.v2.Command.list?botId=${SEED_BOT_IDS.helpdesk}&botToken=${TOKEN}`,
      },
    })
    expect(answer.status).toBe(200)
    const body = answer.json() as BatchBody
    expect(Object.keys(body.result.result)).toEqual(['mine', 'remove'])
    expect(body.result.result_error).toEqual({
      bare: {
        error: 'BOT_TOKEN_NOT_SPECIFIED',
        error_description: 'Bot token not specified (botToken is required for webhook auth)',
      },
      app: {
        error: 'BOT_OWNERSHIP_ERROR',
        error_description: 'Bot was installed by another rest application',
      },
    })
  })

  it("needs no auth param, and the app's /rest/{method} route still needs one", async () => {
    expect((await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN })).status).toBe(200)
    expect(errorOf(await postJson('/rest/imbot.v2.Bot.list', { botToken: TOKEN })).error).toBe(
      'NO_AUTH_FOUND',
    )
  })
})

describe('imbot.v2.Command.update through the webhook URL', () => {
  it('changes a webhook bot command with botToken in a JSON body or a form post', async () => {
    const json = await postJson(`${HOOK}imbot.v2.Command.update.json`, {
      botId: SEED_BOT_IDS.webhook,
      commandId: FIRST_WEBHOOK_COMMAND,
      botToken: TOKEN,
      fields: { command: 'duty', title: { en: 'Who is on duty' } },
    })
    expect(json.status).toBe(200)
    expect((json.json() as { result: { command: { command: string } } }).result.command.command).toBe('/duty')
    const form = await send(`${HOOK}imbot.v2.Command.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `botId=${SEED_BOT_IDS.webhook}&commandId=${FIRST_WEBHOOK_COMMAND}&botToken=${TOKEN}&fields[hidden]=Y`,
    })
    expect(form.status).toBe(200)
    expect(portal.getState().commands.find((command) => command.id === FIRST_WEBHOOK_COMMAND)).toMatchObject({
      command: 'duty',
      hidden: true,
      titles: { en: 'Who is on duty' },
    })
    const noToken = await postJson(`${HOOK}imbot.v2.Command.update`, {
      botId: SEED_BOT_IDS.webhook,
      commandId: FIRST_WEBHOOK_COMMAND,
    })
    expect(errorOf(noToken)).toMatchObject({ status: 400, error: 'BOT_TOKEN_NOT_SPECIFIED' })
  })
})

describe('webhook errors over HTTP', () => {
  it('wrong secret, wrong user: 401 INVALID_CREDENTIALS "Invalid request credentials", as live portals', async () => {
    const expected = { status: 401, error: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' }
    expect(
      errorOf(await postJson('/rest/1/nottherightsecret/imbot.v2.Bot.list', { botToken: TOKEN })),
    ).toEqual(expected)
    expect(
      errorOf(await postJson(`/rest/7/${SEED_WEBHOOK.secret}/imbot.v2.Bot.list`, { botToken: TOKEN })),
    ).toEqual(expected)
  })

  it('missing tokens: v2 400 BOT_TOKEN_NOT_SPECIFIED, v1 403 ACCESS_DENIED', async () => {
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, {}))).toEqual({
      status: 400,
      error: 'BOT_TOKEN_NOT_SPECIFIED',
      description: 'Bot token not specified (botToken is required for webhook auth)',
    })
    expect(
      errorOf(await postJson(`${HOOK}imbot.command.unregister`, { COMMAND_ID: FIRST_WEBHOOK_COMMAND })),
    ).toEqual({ status: 403, error: 'ACCESS_DENIED', description: 'Access denied! Client ID not specified.' })
    await postJson('/sandbox/api/settings', { webhookTokenError: 'CLIENT_ID_NOT_SPECIFIED' })
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, {}))).toMatchObject({
      status: 400,
      error: 'CLIENT_ID_NOT_SPECIFIED',
    })
    expect((await postJson('/sandbox/api/settings', { webhookTokenError: 'OTHER' })).status).toBe(400)
  })

  it('applies faults and latency to webhook calls, and drops the connection on a drop fault', async () => {
    await postJson('/sandbox/api/faults', { method: 'imbot.v2.Bot.list', code: 'OVERLOAD_LIMIT' })
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN }))).toMatchObject({
      status: 503,
      error: 'OVERLOAD_LIMIT',
    })
    await postJson('/sandbox/api/faults', { method: 'imbot.command.unregister', mode: 'drop' })
    await expect(
      postJson(`${HOOK}imbot.command.unregister`, { COMMAND_ID: FIRST_WEBHOOK_COMMAND, CLIENT_ID: TOKEN }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/)
    portal.updateSettings({ latencyMs: 120 })
    const started = Date.now()
    await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN })
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })
})

describe('the webhook controls', () => {
  it('GET /sandbox/api/webhook: the URL on this origin, the tokens, revoked, expired and scopes', async () => {
    const answer = await send('/sandbox/api/webhook')
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(answer.json()).toEqual({
      url: `http://127.0.0.1:${port}/rest/1/sandboxwebhooksecret0001/`,
      userId: 1,
      secret: 'sandboxwebhooksecret0001',
      path: '/rest/1/sandboxwebhooksecret0001/',
      tokens: ['sandbox-bot-token-1'],
      revoked: false,
      expired: false,
      scopes: ['im', 'imbot'],
    })
  })

  it('POST /sandbox/api/webhook revokes, expires and drops the imbot scope', async () => {
    const invalid = { status: 401, error: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' }
    const revoked = (await postJson('/sandbox/api/webhook', { revoked: true })).json() as WebhookInfo
    expect(revoked.revoked).toBe(true)
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN }))).toEqual(invalid)
    await postJson('/sandbox/api/webhook', { revoked: false, expired: true })
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN }))).toEqual(invalid)
    // Only the docs' variant words the sandbox's own "expired" scenario differently.
    await postJson('/sandbox/api/settings', { webhookAuthError: 'NO_AUTH_FOUND' })
    expect(errorOf(await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN }))).toEqual({
      status: 401,
      error: 'NO_AUTH_FOUND',
      description: 'Webhook has expired',
    })
    const scoped = (await postJson('/sandbox/api/webhook', { expired: false, imbotScope: false })).json()
    expect(scoped).toMatchObject({ revoked: false, expired: false, scopes: ['im'] })
    expect(
      errorOf(await postJson(`${HOOK}imbot.command.unregister`, { COMMAND_ID: 1, CLIENT_ID: TOKEN })),
    ).toEqual({
      status: 403,
      error: 'insufficient_scope',
      description: 'The request requires higher privileges than provided by the webhook token',
    })
    const refused = await postJson('/sandbox/api/webhook', { revoked: 'yes' })
    expect(refused.status).toBe(400)
    expect(refused.json()).toEqual({ error: 'webhook.revoked must be a boolean' })
    expect((await send('/sandbox/api/webhook', { method: 'DELETE' })).status).toBe(405)
  })

  it('POST /sandbox/api/webhook/tokens makes a token, with webhook bots if asked', async () => {
    const bare = await send('/sandbox/api/webhook/tokens', { method: 'POST' })
    expect(bare.json()).toEqual({ token: 'sandbox-bot-token-2', botIds: [], commandIds: [] })
    const made = (await postJson('/sandbox/api/webhook/tokens', { bots: 2, commandsPerBot: 4 })).json() as {
      token: string
      botIds: number[]
      commandIds: number[]
    }
    expect(made.token).toBe('sandbox-bot-token-3')
    expect(made.commandIds).toHaveLength(8)
    const page = (await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: made.token })).json() as BotPage
    expect(page.result.bots.map((bot) => bot.id)).toEqual(made.botIds)
    const emptyPage = (await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: 'sandbox-bot-token-2' })).json()
    expect(emptyPage).toMatchObject({ result: { bots: [], users: [], hasNextPage: false } })
    expect(((await send('/sandbox/api/webhook')).json() as WebhookInfo).tokens).toHaveLength(3)
    expect((await postJson('/sandbox/api/webhook/tokens', { bots: -1 })).status).toBe(400)
    expect((await postJson('/sandbox/api/webhook/tokens', { bots: 1000, commandsPerBot: 1000 })).status).toBe(
      400,
    )
    expect((await send('/sandbox/api/webhook/tokens')).status).toBe(405)
  })

  it('GET /sandbox/api/state says who owns each bot, never a bot token', async () => {
    await postJson('/sandbox/api/webhook/tokens', { bots: 1, commandsPerBot: 1 })
    const answer = await send('/sandbox/api/state')
    const state = answer.json() as SandboxStateSnapshot
    expect(state.bots.map((bot) => [bot.name, bot.owner])).toEqual([
      ['Helpdesk Bot', 'app'],
      ['Sales Assistant', 'app'],
      ['Marketing Bot', 'app'],
      ['Support Webhook Bot', 'webhook'],
      [`Webhook Bot ${state.bots[4]?.id}`, 'webhook'],
    ])
    expect(
      state.commands.every(
        (command) => command.botId >= SEED_BOT_IDS.webhook === (command.owner === 'webhook'),
      ),
    ).toBe(true)
    expect(answer.text).not.toContain('sandbox-bot-token')
  })

  it('reset restores the seeded webhook', async () => {
    await postJson('/sandbox/api/webhook', { revoked: true, imbotScope: false })
    await postJson('/sandbox/api/webhook/tokens', {})
    await send('/sandbox/api/reset', { method: 'POST' })
    expect((await send('/sandbox/api/webhook')).json()).toMatchObject({
      tokens: [TOKEN],
      revoked: false,
      expired: false,
      scopes: ['im', 'imbot'],
    })
    expect((await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN })).status).toBe(200)
  })
})

describe('secrets', () => {
  it('the log over HTTP never holds the secret or a bot token, and marks webhook calls', async () => {
    await postJson(`${HOOK}imbot.v2.Bot.list`, { botToken: TOKEN })
    await send(`${HOOK}imbot.v2.Bot.list.json?botToken=${TOKEN}`)
    await postJson(`${HOOK}batch`, {
      cmd: [`imbot.command.unregister?COMMAND_ID=${FIRST_WEBHOOK_COMMAND}&CLIENT_ID=${TOKEN}`],
    })
    await postJson('/rest/1/wrongsecret/imbot.v2.Bot.list', { botToken: TOKEN })
    const answer = await send('/sandbox/api/log')
    expect(answer.text).not.toContain(SEED_WEBHOOK.secret)
    expect(answer.text).not.toContain(TOKEN)
    expect(answer.text).not.toContain('wrongsecret')
    const log = answer.json() as RestLogEntry[]
    expect(log).toHaveLength(5)
    expect(log.every((entry) => entry.via === 'webhook')).toBe(true)
    expect(log[0]?.params).toEqual({ botToken: '•••' })
    expect(log[3]?.params).toEqual({ COMMAND_ID: String(FIRST_WEBHOOK_COMMAND), CLIENT_ID: '•••' })
  })

  it('the host page and its script carry neither the secret nor a bot token', async () => {
    for (const path of ['/', '/sandbox/host.js']) {
      const text = (await send(path)).text
      expect(text, path).not.toContain(SEED_WEBHOOK.secret)
      expect(text, path).not.toContain('sandbox-bot-token')
    }
    // The drawer's webhook panel is there, to be filled in when it opens.
    expect((await send('/')).text).toContain('id="webhook-form"')
  })
})
