import type { Server } from 'node:http'
import { createServer as createTlsServer, globalAgent } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { listBots, listCommands } from '../../../src/imbot'
import { removeCommand, removeCommands } from '../../../src/imbot/on-demand/unregister'
import { describeErrorFor } from '../../../src/imbot/on-demand/webhook-wording'
import { localErrorCodes, type PortalClient, PortalError } from '../../../src/portal'
import { connectWebhook } from '../../../src/portal/on-demand/webhook-client'
import { createSandboxMiddleware } from '../../../src/sandbox/server/middleware'
import { sandboxOverHttp, withOtherHost } from '../../support/sandbox-http'

// The webhook client with the real SDK, over real HTTP, against the sandbox's inbound webhook routes.

const sandbox = sandboxOverHttp()
const seeded = sandbox.seeded

afterEach(() => {
  vi.restoreAllMocks()
})

/** Every line the code under test writes to the console. */
function consoleLines(): string[] {
  const lines: string[] = []
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    })
  }
  return lines
}

describe('the webhook client', () => {
  it('lists the webhook’s own bots and removes their commands, the token on every call', async () => {
    const { webhook, token } = seeded()
    const client: PortalClient = await connectWebhook(webhook, token)
    expect(client.mode).toBe('webhook')
    expect(client.isAdmin).toBe(true)
    const bots = await listBots(client)
    expect(bots.items.map((bot) => bot.name)).toEqual(['Support Webhook Bot'])
    const [listing] = await listCommands(client, [bots.items[0]?.id ?? 0])
    if (!listing || !('items' in listing)) throw new Error('no list')
    const ids = listing.items.map((command) => command.id)
    sandbox.portal.clearLog()
    expect(await removeCommands(client, ids.slice(0, 1))).toEqual([true])
    expect(await removeCommands(client, ids.slice(1))).toEqual(ids.slice(1).map(() => true))
    const log = sandbox.portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')
    expect(log).toHaveLength(ids.length)
    expect(log.every((entry) => 'CLIENT_ID' in entry.params)).toBe(true)
  })

  it('never puts the secret or the token in an error or a console line', async () => {
    const lines = consoleLines()
    const { webhook, token } = seeded()
    const failures: PortalError[] = []
    for (const attempt of [
      () => connectWebhook({ ...webhook, secret: 'wrong-secret-123' }, token),
      () => {
        sandbox.portal.updateWebhook({ imbotScope: false })
        return connectWebhook(webhook, token)
      },
    ]) {
      await attempt().then(
        () => expect.unreachable('connecting should fail'),
        (error: unknown) => failures.push(error as PortalError),
      )
    }
    expect(failures.map((failure) => failure.code)).toEqual(['INVALID_CREDENTIALS', 'insufficient_scope'])
    const everything =
      JSON.stringify(failures.map((failure) => [failure.toShape(), failure.message])) + lines.join('\n')
    for (const secret of [webhook.secret, token, 'wrong-secret-123']) expect(everything).not.toContain(secret)
  })
})

/** The PortalError a promise rejects with (fails the test if it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<PortalError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  if (!(outcome instanceof PortalError)) throw new Error(`expected a PortalError, got ${String(outcome)}`)
  return outcome
}

describe('the language of a webhook’s portal', () => {
  it('is its bots’ (the lists’ titles are in it), as Bitrix24 names languages, not the browser’s', async () => {
    sandbox.portal.updateSettings({ lang: 'ru' })
    const { webhook, token } = seeded()
    const client = await connectWebhook(webhook, token)
    expect(client.lang).toBe('ru')
  })
})

describe('the webhook client on a portal without imbot.v2', () => {
  it('connects (the portal took the webhook) and removes by id with COMMAND_ID and CLIENT_ID', async () => {
    sandbox.portal.updateSettings({ imbotV2: false })
    const { webhook, token } = seeded()
    const client = await connectWebhook(webhook, token)
    // What the page then meets: the list cannot be read, so it offers removal by id.
    expect((await failureOf(listBots(client))).code).toBe('ERROR_METHOD_NOT_FOUND')
    const command = sandbox.portal.getState().commands.find((entry) => entry.owner === 'webhook')
    if (!command) throw new Error('no webhook command seeded')
    await removeCommand(client, command.id)

    const log = sandbox.portal.getLog()
    expect(
      log
        .filter((entry) => entry.inBatch === undefined)
        .map(({ method, status, via, params }) => ({ method, status, via, params })),
    ).toEqual([
      { method: 'imbot.v2.Bot.list', status: 404, via: 'webhook', params: { limit: 1, botToken: '•••' } },
      { method: 'imbot.bot.list', status: 200, via: 'webhook', params: { CLIENT_ID: '•••' } },
      // The bots and their commands in one batch, every call with the token; the bots' call fails there.
      { method: 'batch', status: 200, via: 'webhook', params: expect.anything() },
      {
        method: 'imbot.command.unregister',
        status: 200,
        via: 'webhook',
        params: { COMMAND_ID: command.id, CLIENT_ID: '•••' },
      },
    ])
    expect(
      log.find((entry) => entry.method === 'imbot.v2.Bot.list' && entry.inBatch !== undefined),
    ).toMatchObject({
      status: 404,
      params: { botToken: '•••' },
    })
    expect(sandbox.portal.getState().commands.some((entry) => entry.id === command.id)).toBe(false)
  })

  it('still refuses a wrong webhook, and one without the imbot scope', async () => {
    sandbox.portal.updateSettings({ imbotV2: false })
    const { webhook, token } = seeded()
    expect((await failureOf(connectWebhook({ ...webhook, secret: 'wrong-secret-1' }, token))).code).toBe(
      'INVALID_CREDENTIALS',
    )
    sandbox.portal.updateWebhook({ imbotScope: false })
    expect((await failureOf(connectWebhook(webhook, token))).code).toBe('insufficient_scope')
  })
})

describe('stopping a connect that does not answer (Stop waiting)', () => {
  it('aborts the request under way: the attempt fails at once, and the late answer connects nothing', async () => {
    const { webhook, token } = seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'hold' })
    const stop = new AbortController()
    const attempt = failureOf(connectWebhook(webhook, token, stop.signal))
    // The portal has the request (the hold is used up) and keeps it.
    await vi.waitFor(() => expect(sandbox.portal.listFaults()).toEqual([]))
    stop.abort()
    expect((await attempt).code).toBe(localErrorCodes.closed)
    // The portal answers after all: the answer goes nowhere, and the SDK tries nothing more.
    sandbox.portal.clearFaults()
    await vi.waitFor(() => expect(sandbox.portal.getLog()).toHaveLength(1))
    expect(sandbox.portal.getLog()[0]).toMatchObject({ method: 'imbot.v2.Bot.list', status: 200 })
  })

  it('sends nothing when stopped before it starts', async () => {
    const { webhook, token } = seeded()
    const stop = new AbortController()
    stop.abort()
    expect((await failureOf(connectWebhook(webhook, token, stop.signal))).code).toBe(localErrorCodes.closed)
    expect(sandbox.portal.getLog()).toEqual([])
  })
})

describe('closing the webhook client (Disconnect)', () => {
  it('cuts short the call under way and refuses every later call and batch, without a request', async () => {
    const { webhook, token } = seeded()
    const client = await connectWebhook(webhook, token)
    // Bitrix24 asks to slow down: the SDK waits, then would try again by itself.
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', code: 'QUERY_LIMIT_EXCEEDED', count: 10 })
    const underWay = failureOf(client.call('imbot.v2.Bot.list'))
    await vi.waitFor(() => expect(sandbox.portal.getLog().at(-1)?.error).toBe('QUERY_LIMIT_EXCEEDED'))
    client.close?.()
    expect((await underWay).code).toBe(localErrorCodes.closed)

    const requests = sandbox.portal.getLog().length
    const later = await Promise.all([
      failureOf(client.call('imbot.v2.Bot.list')),
      failureOf(client.batch({ a: { method: 'imbot.command.unregister', params: { COMMAND_ID: 1 } } })),
    ])
    expect(later.map((failure) => failure.code)).toEqual([localErrorCodes.closed, localErrorCodes.closed])
    expect(sandbox.portal.getLog()).toHaveLength(requests)
  })
})

describe('what a webhook’s failures say', () => {
  it('takes the secret and the token out of an error in every spelling a portal echoes them in', async () => {
    const { webhook } = seeded()
    // Typed with a character that is not ASCII, so the URL carries it percent-encoded and the portal reads it decoded.
    const secret = encodeURIComponent('gëheim-sandbox-1')
    const token = 'to"k\\en/ä x+1'
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'echo' })
    const failure = await failureOf(connectWebhook({ ...webhook, secret }, token))
    expect(failure.description).toBe(
      'Cannot process /rest/1/•••/imbot.v2.Bot.list; query limit=1&botToken=•••; ' +
        'JSON {"limit":1,"botToken":"•••"}; read secret=•••, limit=1, botToken=•••',
    )
    // The portal echoed them (each spelling of the echo is pinned in test/unit/sandbox/hold-echo-faults.test.ts).
    expect(sandbox.portal.getLog()).toMatchObject([{ fault: 'echo' }])
    for (const leak of ['gëheim', 'g%C3%ABheim', 'to"k', 'to%22k', 'to\\"k'])
      expect(JSON.stringify(failure.toShape()) + failure.message).not.toContain(leak)
  })

  it('takes them out of an error’s code too (Details shows it)', async () => {
    const { webhook, token } = seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', code: `BAD_${token}` })
    const failure = await failureOf(connectWebhook(webhook, token))
    expect(failure.code).toBe('BAD_•••')
  })

  it('says "this address does not answer as Bitrix24" for a host that is not Bitrix24, "unreachable" for none', async () => {
    // A host that answers the webhook's path with its own HTML 404 page, as a mistyped address does.
    const { webhook, token } = seeded()
    const failure = await withOtherHost(
      (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html', 'access-control-allow-origin': '*' })
        res.end('<html><body><h1>Not Found</h1></body></html>')
      },
      (notBitrix24) => failureOf(connectWebhook({ ...webhook, origin: notBitrix24 }, token)),
    )
    expect([failure.code, failure.status, failure.description]).toEqual([
      'NOT_BITRIX24_ANSWER',
      404,
      'text/html',
    ])
    expect(describeErrorFor(failure, 'webhook')).toMatchObject({
      message: 'error.webhook.NOT_BITRIX24_ANSWER',
      recovery: 'reconnect',
    })
    for (const code of ['NETWORK_ERROR', 'REQUEST_TIMEOUT']) {
      expect(describeErrorFor({ code }, 'webhook').message).toBe('error.webhook.unreachable')
    }
    // Inside the frame the catalogue's own words stay.
    expect(describeErrorFor({ code: 'REQUEST_TIMEOUT' }, 'frame').message).toBe('error.REQUEST_TIMEOUT')
  })
})

describe('the webhook client over HTTPS', () => {
  // Live portals are HTTPS (plain HTTP is allowed for loopback only): the same client through TLS, with a
  // certificate made for this test and trusted by this process alone. The sandbox portal answers on 127.0.0.1.
  let tlsServer: Server
  let tlsOrigin: string
  let trusted: typeof globalAgent.options.ca

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    })
    const middleware = createSandboxMiddleware(sandbox.portal)
    tlsServer = createTlsServer({ key: pems.private, cert: pems.cert }, (req, res) =>
      middleware(req, res, () => res.end()),
    )
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    tlsOrigin = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`
    trusted = globalAgent.options.ca
    globalAgent.options.ca = pems.cert
  })
  afterAll(async () => {
    globalAgent.options.ca = trusted
    await new Promise((resolve) => tlsServer.close(resolve))
  })

  it('lists and removes through an https:// webhook', async () => {
    const { userId, secret, tokens } = sandbox.portal.webhook()
    const client = await connectWebhook({ origin: tlsOrigin, userId, secret }, tokens[0] ?? '')
    expect(client.portalHost).toBe(new URL(tlsOrigin).host)
    const bots = await listBots(client)
    expect(bots.items.map((bot) => bot.name)).toEqual(['Support Webhook Bot'])
    const [listing] = await listCommands(client, [bots.items[0]?.id ?? 0])
    if (!listing || !('items' in listing)) throw new Error('no list')
    sandbox.portal.clearLog()
    const ids = listing.items.map((command) => command.id)
    expect(await removeCommands(client, ids.slice(0, 2))).toEqual([true, true])
    expect(
      sandbox.portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister'),
    ).toHaveLength(2)
  })
})
