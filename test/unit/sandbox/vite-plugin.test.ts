import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sandboxPlugin } from '../../../src/sandbox/server/vite-plugin'

let root: string
let server: ViteDevServer
let port: number
const printed: string[] = []

function get(path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-plugin-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>the app</title><p>APP PAGE</p>')
  const logger = createLogger('info')
  logger.info = (message: string) => {
    printed.push(message)
  }
  server = await createServer({
    root,
    configFile: false,
    customLogger: logger,
    plugins: [sandboxPlugin()],
    server: { host: '127.0.0.1', port: 0, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  await server.listen()
  const address = server.httpServer?.address() as AddressInfo | null | undefined
  if (!address) throw new Error('The dev server is not listening')
  port = address.port
})

afterAll(async () => {
  await server?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('sandboxPlugin on the Vite dev server', () => {
  it('is only applied when serving, with both server hooks', () => {
    const plugin = sandboxPlugin()
    expect(plugin.apply).toBe('serve')
    expect(plugin.configureServer).toBeTypeOf('function')
    expect(plugin.configurePreviewServer).toBeTypeOf('function')
  })

  it('serves the portal on 127.0.0.1:PORT before Vite, and leaves localhost:PORT to Vite', async () => {
    const portal = await get('/', `127.0.0.1:${port}`)
    expect(portal.text).toContain('id="pagetitle"')
    expect(portal.text).toContain(`127.0.0.1:${port}|0|`)
    const app = await get('/', `localhost:${port}`)
    expect(app.text).toContain('APP PAGE')
  })

  it('prints the sandbox portal, then the webhook URL and the seeded bot token with what they are for', () => {
    printed.length = 0
    server.printUrls()
    expect(printed).toEqual([
      `Sandbox portal: http://127.0.0.1:${port}/`,
      `Connect with a webhook: open http://localhost:${port}/ in a plain tab and paste these`,
      `  Webhook URL: http://127.0.0.1:${port}/rest/1/sandboxwebhooksecret0001/`,
      '  Bot token:   sandbox-bot-token-1',
    ])
  })

  it('answers the printed webhook URL with the seeded bot token on the portal origin', async () => {
    const answer = await get(
      '/rest/1/sandboxwebhooksecret0001/imbot.v2.Bot.list.json?botToken=sandbox-bot-token-1',
      `127.0.0.1:${port}`,
    )
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.text) as { result: { users: { name: string }[] } }
    expect(body.result.users.map((user) => user.name)).toEqual(['Support Webhook Bot'])
  })
})

describe('a fresh install from npm start', () => {
  /** The little of a Vite server the plugin's hooks use; returns what `printUrls` printed. */
  function serve(hook: 'configureServer' | 'configurePreviewServer', plugin = sandboxPlugin()): string[] {
    const lines: string[] = []
    const server = {
      middlewares: { use: () => undefined },
      config: { logger: { info: (line: string) => lines.push(line) } },
      httpServer: { address: () => ({ port: 5999 }), on: () => undefined },
      printUrls: () => undefined,
    }
    const run = plugin[hook] as unknown as (server: unknown) => void
    run(server)
    server.printUrls()
    return lines
  }

  it('starts the dev server with the app not installed under SANDBOX_FRESH_INSTALL=1, and says so', () => {
    const before = process.env.SANDBOX_FRESH_INSTALL
    process.env.SANDBOX_FRESH_INSTALL = '1'
    try {
      expect(serve('configureServer')).toContain(
        '  A fresh install: an admin gets the installation step until the app calls installFinish',
      )
      // The preview server (the e2e suite's) never reads it: a variable left set in a shell changes no test.
      expect(serve('configurePreviewServer').join('\n')).not.toContain('fresh install')
    } finally {
      if (before === undefined) delete process.env.SANDBOX_FRESH_INSTALL
      else process.env.SANDBOX_FRESH_INSTALL = before
    }
    expect(serve('configureServer').join('\n')).not.toContain('fresh install')
    expect(serve('configureServer', sandboxPlugin({ freshInstall: true })).join('\n')).toContain(
      'fresh install',
    )
  })
})
