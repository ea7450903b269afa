import { createServer, type Server } from 'node:http'
import { createServer as createTlsServer, globalAgent } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { listBots, listCommands } from '../../../src/imbot'
import { removeCommands } from '../../../src/imbot/unregister'
import type { PortalClient, PortalError } from '../../../src/portal'
import { connectWebhook } from '../../../src/portal/webhook-client'
import { createSandboxPortal, type SandboxPortal } from '../../../src/sandbox/emulator'
import { createSandboxMiddleware } from '../../../src/sandbox/server/middleware'

// The webhook client with the real SDK, over real HTTP, against the sandbox's inbound webhook routes.

let server: Server
let portal: SandboxPortal
let origin: string

beforeAll(async () => {
  portal = createSandboxPortal()
  const middleware = createSandboxMiddleware(portal)
  server = createServer((req, res) => middleware(req, res, () => res.end()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})
afterEach(() => {
  portal.reset()
  vi.restoreAllMocks()
})

const seeded = () => {
  const { userId, secret, tokens } = portal.webhook()
  return { webhook: { origin, userId, secret }, token: tokens[0] ?? '' }
}

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
    portal.clearLog()
    expect(await removeCommands(client, ids.slice(0, 1))).toEqual([true])
    expect(await removeCommands(client, ids.slice(1))).toEqual(ids.slice(1).map(() => true))
    const log = portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')
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
        portal.updateWebhook({ imbotScope: false })
        return connectWebhook(webhook, token)
      },
    ]) {
      await attempt().then(
        () => expect.unreachable('connecting should fail'),
        (error: unknown) => failures.push(error as PortalError),
      )
    }
    expect(failures.map((failure) => failure.code)).toEqual(['NO_AUTH_FOUND', 'insufficient_scope'])
    const everything =
      JSON.stringify(failures.map((failure) => [failure.toShape(), failure.message])) + lines.join('\n')
    for (const secret of [webhook.secret, token, 'wrong-secret-123']) expect(everything).not.toContain(secret)
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
    const middleware = createSandboxMiddleware(portal)
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
    const { userId, secret, tokens } = portal.webhook()
    const client = await connectWebhook({ origin: tlsOrigin, userId, secret }, tokens[0] ?? '')
    expect(client.portalHost).toBe(new URL(tlsOrigin).host)
    const bots = await listBots(client)
    expect(bots.items.map((bot) => bot.name)).toEqual(['Support Webhook Bot'])
    const [listing] = await listCommands(client, [bots.items[0]?.id ?? 0])
    if (!listing || !('items' in listing)) throw new Error('no list')
    portal.clearLog()
    const ids = listing.items.map((command) => command.id)
    expect(await removeCommands(client, ids.slice(0, 2))).toEqual([true, true])
    expect(portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')).toHaveLength(2)
  })
})
