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
