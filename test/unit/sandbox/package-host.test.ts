import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandboxPortal, type SandboxPortal } from '../../../src/sandbox/emulator'
import { createSandboxMiddleware, type SandboxMiddleware } from '../../../src/sandbox/server/middleware'

// `appSource: 'package'`: the portal frames the files of bot-commands.zip, read from the archive, on an origin of
// their own, as Bitrix24 serves an uploaded static application.

let root: string
let server: Server
let port: number
let portal: SandboxPortal
let middleware: SandboxMiddleware

const page = '<!doctype html><title>the package</title><script type="module" src="./assets/app.js"></script>'

function writeZip(files: Record<string, string>): void {
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))
  writeFileSync(join(root, 'bot-commands.zip'), zipSync(entries))
}

const portalUrl = (path: string) => `http://127.0.0.1:${port}${path}`

async function control(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(portalUrl(`/sandbox/api/${path}`), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

/** A file of the package, from its own origin (reached on 127.0.0.1: fetch cannot set a Host header). */
async function fromPackage(origin: string, path: string, method = 'GET') {
  return fetch(`${origin.replace('localhost', '127.0.0.1')}${path}`, { method })
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-package-'))
  portal = createSandboxPortal()
  middleware = createSandboxMiddleware(portal, { root })
  server = createServer((req, res) => {
    // fetch() sends Host 127.0.0.1:PORT, which the middleware serves as the portal.
    middleware(req, res, () => res.end('the app of the sandbox server'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await middleware.close()
  await new Promise((resolve) => server.close(resolve))
  rmSync(root, { recursive: true, force: true })
})

beforeEach(() => {
  portal.reset()
  rmSync(join(root, 'bot-commands.zip'), { force: true })
})

describe('the package served as a static application', () => {
  it('refuses the package mode while there is no bot-commands.zip, and changes nothing', async () => {
    const refused = await control('settings', { appSource: 'package', lang: 'de' })
    expect(refused.status).toBe(409)
    expect(refused.json).toEqual({ error: expect.stringContaining('bot-commands.zip is missing') })
    expect(portal.getSettings()).toMatchObject({ appSource: 'server', lang: 'en' })
    expect((await control('settings', { appSource: 'zip' })).status).toBe(400)
  })

  it('refuses it again once the archive is gone, even after it was served', async () => {
    writeZip({ 'index.html': page, 'install.html': page })
    expect((await control('settings', { appSource: 'package' })).status).toBe(200)
    portal.reset()
    rmSync(join(root, 'bot-commands.zip'))
    expect((await control('settings', { appSource: 'package' })).status).toBe(409)
  })

  it('refuses an archive without index.html and install.html at its root', async () => {
    writeZip({ 'dist/index.html': page })
    const refused = await control('settings', { appSource: 'package' })
    expect(refused.status).toBe(409)
    expect(refused.json).toEqual({ error: expect.stringContaining('has no index.html at its root') })
  })

  it('frames index.html on an origin of its own, and serves the archive there', async () => {
    writeZip({ 'index.html': page, 'install.html': page, 'assets/app.js': 'console.log("app")' })
    const switched = await control('settings', { appSource: 'package' })
    expect(switched.status).toBe(200)
    expect(switched.json).toMatchObject({ appSource: 'package' })
    const entry = (await control('app')).json as { origin: string; path: string; source: string }
    expect(entry).toMatchObject({ opening: 'app', source: 'package', path: '/index.html' })
    expect(entry.origin).toMatch(/^http:\/\/localhost:\d+$/)
    expect(entry.origin).not.toBe(`http://localhost:${port}`)

    const index = await fromPackage(entry.origin, '/index.html')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toBe(page)
    // Bitrix24 opens an application's handler with POST: a static host answers it as GET.
    expect(await (await fromPackage(entry.origin, '/index.html?DOMAIN=x&APP_SID=y', 'POST')).text()).toBe(
      page,
    )
    const script = await fromPackage(entry.origin, '/assets/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("app")')
    expect((await fromPackage(entry.origin, '/assets/missing.js')).status).toBe(404)
    expect((await fromPackage(entry.origin, '/index.html', 'DELETE')).status).toBe(405)

    // The portal page frames it there, and tells its script where.
    const html = await (await fetch(portalUrl('/'))).text()
    const boot = JSON.parse(/id="sandbox-boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}')
    expect(boot.app).toEqual(entry)
  })

  it('frames install.html while the app is not installed, for an administrator; no frame for anyone else', async () => {
    writeZip({ 'index.html': page, 'install.html': `${page}<!-- installer -->` })
    await control('settings', { appSource: 'package', installed: false })
    expect((await control('app')).json).toMatchObject({ opening: 'install', path: '/install.html' })
    await control('settings', { isAdmin: false })
    expect((await control('app')).json).toMatchObject({ opening: 'not-installed' })
    expect(await (await fetch(portalUrl('/'))).text()).not.toContain('<iframe')
    await control('settings', { isAdmin: true })
    const finished = await fetch(portalUrl('/sandbox/api/frame/install-finish'), { method: 'POST' })
    expect(await finished.json()).toEqual({ installed: true, installFinishCalls: 1 })
    expect((await control('app')).json).toMatchObject({ opening: 'app', path: '/index.html' })
  })

  it('reads the archive again once npm run package rewrote it; reset goes back to the server', async () => {
    writeZip({ 'index.html': page, 'install.html': page })
    await control('settings', { appSource: 'package' })
    const { origin } = (await control('app')).json as { origin: string }
    writeZip({ 'index.html': `${page}<!-- v2 -->`, 'install.html': page })
    // The same origin: one package server per sandbox, started once.
    expect((await control('app')).json).toMatchObject({ origin })
    expect(await (await fromPackage(origin, '/index.html')).text()).toContain('<!-- v2 -->')
    await fetch(portalUrl('/sandbox/api/reset'), { method: 'POST' })
    expect((await control('app')).json).toMatchObject({
      source: 'server',
      origin: `http://localhost:${port}`,
    })
  })
})
