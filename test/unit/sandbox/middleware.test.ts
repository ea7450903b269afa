import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandboxPortal, type InitData, type SandboxPortal } from '../../../src/sandbox/emulator'
import { createSandboxMiddleware } from '../../../src/sandbox/server/middleware'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => unknown
}

let server: Server
let port: number
let portal: SandboxPortal

/** One HTTP request with an explicit Host header (fetch cannot set it); rejects when the socket is dropped. */
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

async function token(): Promise<string> {
  return ((await send('/sandbox/api/frame/init-data', { method: 'POST' })).json() as InitData).AUTH_ID
}

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

describe('host routing', () => {
  it('passes requests for any other host (the app origin) to next()', async () => {
    const answer = await send('/', { host: `localhost:${port}` })
    expect(answer.text).toBe('served by the next middleware')
    expect((await send('/rest/imbot.bot.list', { host: `localhost:${port}` })).text).toBe(
      'served by the next middleware',
    )
  })

  it('serves the host page with the app iframe wiring at / on the portal origin', async () => {
    const answer = await send('/')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toContain('text/html')
    expect(answer.text).toContain('<h1 id="pagetitle"')
    expect(answer.text).toContain('<script type="module" src="/sandbox/host.js"></script>')
    const script = await send('/sandbox/host.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toContain('javascript')
    // A reloaded frame gets its name before its src, too.
    expect(script.text.indexOf('next.name =')).toBeLessThan(script.text.indexOf('next.src ='))
    expect(script.text).not.toContain('interface ')
  })

  it('renders the app iframe named 127.0.0.1:PORT|0|APP_SID, a new APP_SID per load, without src', async () => {
    const html = (await send('/')).text
    const frame = /<iframe id="app-frame" name="([^"]+)"[^>]*>/.exec(html)
    expect(frame?.[1]).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port}\\|0\\|[0-9a-f]{32}$`))
    expect(frame?.[0]).not.toContain('src=')
    const again = /<iframe id="app-frame" name="([^"]+)"/.exec((await send('/')).text)
    expect(again?.[1]).not.toBe(frame?.[1])
  })

  it('boots the drawer with the settings and the lists it offers', async () => {
    const html = (await send('/')).text
    const boot = JSON.parse(
      /<script type="application\/json" id="sandbox-boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    )
    expect(boot.settings).toEqual(portal.getSettings())
    expect(boot.methods).toContain('imbot.command.unregister')
    expect(boot.methods).toContain('imbot.v2.Command.update')
    expect(boot.codes).toContain('QUERY_LIMIT_EXCEEDED')
    // The codes of imbot.v2.Command.update / register and of v1 imbot.command.update on a fetch-mode bot.
    expect(boot.codes).toEqual(
      expect.arrayContaining([
        'COMMAND_NAME_EMPTY',
        'COMMAND_ALREADY_EXISTS',
        'COMMAND_TITLE_REQUIRED',
        'FETCH_NOT_SUPPORTED',
      ]),
    )
  })

  it('never puts a token into the host page', async () => {
    const auth = await token()
    expect((await send('/')).text).not.toContain(auth)
  })
})

describe('REST over HTTP', () => {
  /** The headers every /rest/ answer and preflight carries on a live portal (rest_util.php, sendHeaders). */
  function expectPortalCors(answer: Answer): void {
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    expect(answer.headers['access-control-allow-headers']).toBe('origin, content-type, accept')
    expect(answer.headers['access-control-allow-methods']).toBeUndefined()
  }

  const preflight = (requestedHeaders: string) =>
    send('/rest/imbot.v2.Bot.list?bx24_request_id=1', {
      method: 'OPTIONS',
      headers: {
        origin: `http://localhost:${port}`,
        'access-control-request-method': 'POST',
        'access-control-request-headers': requestedHeaders,
      },
    })

  it('answers CORS preflights as a live portal does: 200, no body, any origin, three headers', async () => {
    const answer = await preflight('content-type')
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
    expectPortalCors(answer)
  })

  it('never allows a header beyond the three, so that the browser blocks such a request', async () => {
    const answer = await preflight('content-type, x-sdk-header')
    expectPortalCors(answer)
    const allowed = String(answer.headers['access-control-allow-headers']).split(', ')
    expect(allowed).not.toContain('x-sdk-header')
  })

  it('puts the same headers on every /rest/ answer, errors included, whatever the answer shape', async () => {
    const auth = await token()
    const origin = { origin: `http://localhost:${port}` }
    for (const answerShape of ['live', 'docs'] as const) {
      portal.updateSettings({ answerShape })
      expectPortalCors(await postJson('/rest/imbot.v2.Bot.list', { auth }, origin))
      expectPortalCors(await postJson('/rest/imbot.v2.Command.list', { auth, botId: 999 }, origin))
      expectPortalCors(await postJson('/rest/imbot.bot.list', {}, origin))
      expectPortalCors(await send('/rest/imbot.bot.list', { method: 'PUT', headers: origin }))
      expectPortalCors(await send('/rest/', { headers: origin }))
      expectPortalCors(await preflight('accept'))
    }
    const ok = await postJson('/rest/imbot.v2.Bot.list', { auth }, origin)
    expect(ok.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers a cross-origin JSON POST as the SDK sends it', async () => {
    const auth = await token()
    const answer = await postJson(
      '/rest/imbot.v2.Command.list?bx24_request_id=abc&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk',
      { botId: 1, auth },
      { origin: `http://localhost:${port}` },
    )
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    const body = answer.json() as { result: { commands: unknown[] }; time: { operating: number } }
    // Live by default: the portal's six built-in commands, then the bot's twelve.
    expect(body.result.commands).toHaveLength(6 + 12)
    expect(typeof body.time.operating).toBe('number')
    // bx24_* telemetry is not a method parameter.
    expect(portal.getLog()[0]?.params).toEqual({ botId: 1 })
  })

  it('accepts form posts with PHP brackets and query strings', async () => {
    const auth = await token()
    const form = await send('/rest/imbot.command.register.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `auth=${auth}&BOT_ID=1&COMMAND=ping&EVENT_COMMAND_ADD=https%3A%2F%2Fx.test&LANG[0][LANGUAGE_ID]=en&LANG[0][TITLE]=Ping`,
    })
    expect(form.status).toBe(200)
    expect(typeof (form.json() as { result: number }).result).toBe('number')
    const get = await send(`/rest/imbot.v2.Command.list?botId=2&auth=${auth}`)
    expect(get.status).toBe(200)
  })

  it('answers imbot.v2.Command.update sent as the SDK sends it: JSON, null removing a language', async () => {
    const auth = await token()
    const fields = { command: '/support', title: { en: 'Get help', de: null }, hidden: 'Y' }
    const answer = await postJson('/rest/imbot.v2.Command.update', { botId: 1, commandId: 1, fields, auth })
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    expect((answer.json() as { result: unknown }).result).toEqual({
      command: { id: 1, botId: 1, command: '/support', common: true, hidden: true, extranetSupport: true },
    })
    expect(portal.getState().commands[0]?.titles).toEqual({ en: 'Get help', ru: 'Показать справку' })
    const taken = await postJson('/rest/imbot.v2.Command.update', {
      botId: 1,
      commandId: 2,
      fields: { command: 'support' },
      auth,
    })
    expect([taken.status, taken.json()]).toEqual([
      400,
      { error: 'COMMAND_ALREADY_EXISTS', error_description: 'Command with this name already exists' },
    ])
  })

  it('answers errors with the envelope and status', async () => {
    const answer = await postJson('/rest/imbot.v2.Bot.list', {})
    expect(answer.status).toBe(401)
    expect(answer.json()).toEqual({
      error: 'NO_AUTH_FOUND',
      error_description: 'Wrong access token or webhook code',
    })
    const bad = await send('/rest/imbot.v2.Bot.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    })
    expect(bad.status).toBe(400)
  })

  it('drops the connection without an answer after the server acted', async () => {
    const auth = await token()
    portal.injectFault({ method: 'imbot.command.unregister', code: 'x', count: 1, mode: 'drop' })
    await expect(postJson('/rest/imbot.command.unregister', { COMMAND_ID: 3, auth })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    )
    expect(portal.getState().commands.some((command) => command.id === 3)).toBe(false)
    expect(portal.getLog().at(-1)).toMatchObject({ method: 'imbot.command.unregister', dropped: true })
  })

  it('waits latencyMs before answering', async () => {
    const auth = await token()
    portal.updateSettings({ latencyMs: 150 })
    const started = Date.now()
    await postJson('/rest/imbot.bot.list', { auth })
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('control API', () => {
  it('reads and merges settings', async () => {
    expect((await send('/sandbox/api/settings')).json()).toMatchObject({ isAdmin: true, lang: 'en' })
    const updated = await postJson('/sandbox/api/settings', { lang: 'ru', rateLimit: { burst: 10 } })
    expect(updated.json()).toMatchObject({ lang: 'ru', rateLimit: { burst: 10, drainPerSec: 2 } })
    expect((await postJson('/sandbox/api/settings', { lang: 'es' })).status).toBe(400)
  })

  it('injects, lists and clears faults with defaults', async () => {
    const added = await postJson('/sandbox/api/faults', {
      method: 'imbot.v2.Bot.list',
      code: 'OVERLOAD_LIMIT',
    })
    expect(added.json()).toEqual([
      { method: 'imbot.v2.Bot.list', code: 'OVERLOAD_LIMIT', count: 1, mode: 'error' },
    ])
    const auth = await token()
    const failed = await postJson('/rest/imbot.v2.Bot.list', { auth })
    expect(failed.status).toBe(503)
    expect((failed.json() as { error: string }).error).toBe('OVERLOAD_LIMIT')
    await postJson('/sandbox/api/faults', { method: 'batch', code: 'x', count: 2, mode: 'drop' })
    expect(((await send('/sandbox/api/faults')).json() as unknown[]).length).toBe(1)
    expect((await send('/sandbox/api/faults', { method: 'DELETE' })).json()).toEqual([])
    expect((await postJson('/sandbox/api/faults', { code: 'x' })).status).toBe(400)
  })

  it('switches the answer shape, refuses other shapes, and resets to live', async () => {
    expect((await send('/sandbox/api/settings')).json()).toMatchObject({ answerShape: 'live' })
    expect((await postJson('/sandbox/api/settings', { answerShape: 'docs' })).json()).toMatchObject({
      answerShape: 'docs',
    })
    const auth = await token()
    const docs = (await postJson('/rest/imbot.v2.Command.list', { botId: 1, auth })).json() as {
      result: { commands: { hidden?: boolean }[] }
    }
    expect(docs.result.commands).toHaveLength(12)
    expect(docs.result.commands[0]?.hidden).toBe(false)
    const refused = await postJson('/sandbox/api/settings', { answerShape: 'both' })
    expect(refused.status).toBe(400)
    expect(refused.json()).toEqual({ error: "settings.answerShape must be 'live' or 'docs'" })
    await send('/sandbox/api/reset', { method: 'POST' })
    expect((await send('/sandbox/api/settings')).json()).toMatchObject({ answerShape: 'live' })
  })

  it('injects add-entry faults and errors with an empty code', async () => {
    const entry = { id: 'x', code: 'ghost' }
    const added = await postJson('/sandbox/api/faults', {
      method: 'imbot.v2.Bot.list',
      mode: 'add-entry',
      entry,
    })
    expect(added.json()).toEqual([{ method: 'imbot.v2.Bot.list', mode: 'add-entry', entry, count: 1 }])
    await postJson('/sandbox/api/faults', {
      method: 'imbot.command.unregister',
      code: '',
      description: 'Something failed',
    })
    const auth = await token()
    const bots = (await postJson('/rest/imbot.v2.Bot.list', { auth })).json() as {
      result: { bots: unknown[] }
    }
    expect(bots.result.bots.at(-1)).toEqual(entry)
    const failed = await postJson('/rest/imbot.command.unregister', { COMMAND_ID: 1, auth })
    expect(failed.status).toBe(400)
    expect(failed.json()).toEqual({ error: '', error_description: 'Something failed' })
    const noEntry = await postJson('/sandbox/api/faults', { method: 'imbot.v2.Bot.list', mode: 'add-entry' })
    expect(noEntry.status).toBe(400)
    expect((noEntry.json() as { error: string }).error).toContain('fault.entry')
    const noList = await postJson('/sandbox/api/faults', { method: 'batch', mode: 'add-entry', entry: 1 })
    expect(noList.status).toBe(400)
    const silent = await postJson('/sandbox/api/faults', { method: 'imbot.bot.list', code: '' })
    expect((silent.json() as { error: string }).error).toContain('fault.description')
  })

  it('serves the log without tokens, and clears it', async () => {
    const auth = await token()
    await postJson('/rest/imbot.bot.list', { auth })
    const log = await send('/sandbox/api/log')
    expect(log.text).toContain('imbot.bot.list')
    expect(log.text).not.toContain(auth)
    expect((await send('/sandbox/api/log', { method: 'DELETE' })).json()).toEqual([])
  })

  it('seeds, reports state, resets and expires tokens', async () => {
    const seeded = await postJson('/sandbox/api/seed', { botId: 1, commands: 5 })
    expect((seeded.json() as { commandIds: number[] }).commandIds).toHaveLength(5)
    const state = (await send('/sandbox/api/state')).json() as { commands: unknown[] }
    expect(state.commands).toHaveLength(28)
    expect((await postJson('/sandbox/api/seed', { bots: -1 })).status).toBe(400)
    expect((await send('/sandbox/api/reset', { method: 'POST' })).status).toBe(200)
    expect(((await send('/sandbox/api/state')).json() as { commands: unknown[] }).commands).toHaveLength(23)
    const auth = await token()
    expect((await send('/sandbox/api/expire-tokens', { method: 'POST' })).status).toBe(200)
    const expired = await postJson('/rest/imbot.bot.list', { auth })
    expect(expired.status).toBe(401)
    expect((expired.json() as { error: string }).error).toBe('expired_token')
  })

  it("sets a command's titles and hints in any language (command-texts); state shows every row", async () => {
    const set = await postJson('/sandbox/api/command-texts', {
      commandId: 2,
      titles: { fr: 'Ouvrir un ticket', en: 'Open a ticket' },
      params: { fr: '<objet>' },
    })
    expect(set.status).toBe(200)
    expect(set.json()).toMatchObject({ id: 2, titles: { fr: 'Ouvrir un ticket', en: 'Open a ticket' } })
    const state = (await send('/sandbox/api/state')).json() as {
      commands: { id: number; titles: unknown; params: unknown }[]
    }
    expect(state.commands.find((command) => command.id === 2)).toMatchObject({
      titles: { fr: 'Ouvrir un ticket', en: 'Open a ticket' },
      params: { fr: '<objet>', en: '' },
    })
    expect((await postJson('/sandbox/api/command-texts', { commandId: 999, titles: {} })).status).toBe(400)
    const bad = await postJson('/sandbox/api/command-texts', { commandId: 2, titles: 'x' })
    expect([bad.status, (bad.json() as { error: string }).error]).toEqual([
      400,
      expect.stringContaining('titles'),
    ])
  })

  it('hands tokens to the host page only, and stays silent when the handshake is off', async () => {
    const init = await send('/sandbox/api/frame/init-data', { method: 'POST' })
    expect(init.status).toBe(200)
    expect(init.headers['cache-control']).toBe('no-store')
    expect(init.headers['access-control-allow-origin']).toBeUndefined()
    expect(init.json()).toMatchObject({ DOMAIN: `127.0.0.1:${port}`, PATH: '/rest/', PROTOCOL: 0 })
    const refreshed = (await send('/sandbox/api/frame/refresh-auth', { method: 'POST' })).json()
    expect(Object.keys(refreshed as object).sort()).toEqual(['AUTH_EXPIRES', 'AUTH_ID', 'REFRESH_ID'])
    await postJson('/sandbox/api/settings', { answerHandshake: false })
    expect((await send('/sandbox/api/frame/init-data', { method: 'POST' })).status).toBe(204)
    await postJson('/sandbox/api/settings', { answerRefreshAuth: false })
    expect((await send('/sandbox/api/frame/refresh-auth', { method: 'POST' })).status).toBe(204)
  })

  it('answers 404/405 for unknown routes and methods', async () => {
    expect((await send('/sandbox/api/nothing')).status).toBe(404)
    expect((await send('/sandbox/api/reset')).status).toBe(405)
    expect((await send('/elsewhere')).status).toBe(404)
  })
})

describe('a fresh install over HTTP', () => {
  const frameOf = (html: string) => /<iframe id="app-frame"[^>]*>/.exec(html)?.[0]

  it('shows a user who is no administrator the error page and no frame, and gives no handshake', async () => {
    await postJson('/sandbox/api/settings', { installed: false, isAdmin: false })
    const html = (await send('/')).text
    expect(frameOf(html)).toBeUndefined()
    expect(html).not.toContain('<iframe')
    expect(html).toMatch(/<div class="app-error" id="app-error">[\s\S]*The application is not installed\./)
    expect(html).toContain('Contact your Bitrix24 administrator.')
    expect((await send('/sandbox/api/app')).json()).toEqual({
      opening: 'not-installed',
      source: 'server',
      origin: `http://localhost:${port}`,
      path: '/',
    })
    expect((await send('/sandbox/api/frame/init-data', { method: 'POST' })).status).toBe(403)
  })

  it('opens the installation path for an administrator, with INSTALL: true in the handshake', async () => {
    await postJson('/sandbox/api/settings', { installed: false })
    // The error page is only the template the script may use, never in the card.
    const html = (await send('/')).text.replace(/<template id="app-not-installed">[\s\S]*?<\/template>/, '')
    expect(frameOf(html)).toBeDefined()
    expect(html).not.toContain('id="app-error"')
    expect((await send('/sandbox/api/app')).json()).toMatchObject({ opening: 'install' })
    const init = (await send('/sandbox/api/frame/init-data', { method: 'POST' })).json()
    expect(init).toMatchObject({ INSTALL: true, PLACEMENT: 'DEFAULT', USER_OPTIONS: [], APP_OPTIONS: [] })
  })

  it('marks the app installed on install-finish, counts it in the state, and reset sets both back', async () => {
    await postJson('/sandbox/api/settings', { installed: false })
    const finished = await send('/sandbox/api/frame/install-finish', { method: 'POST' })
    expect(finished.status).toBe(200)
    expect(finished.json()).toEqual({ installed: true, installFinishCalls: 1 })
    expect((await send('/sandbox/api/settings')).json()).toMatchObject({ installed: true })
    expect((await send('/sandbox/api/state')).json()).toMatchObject({ installFinishCalls: 1 })
    const init = (await send('/sandbox/api/frame/init-data', { method: 'POST' })).json() as InitData
    expect(init.INSTALL).toBe(false)
    expect(init.AUTH_EXPIRES).toBe('3600')
    await postJson('/sandbox/api/settings', { installed: false })
    await send('/sandbox/api/reset', { method: 'POST' })
    expect((await send('/sandbox/api/state')).json()).toMatchObject({ installFinishCalls: 0 })
    expect((await send('/sandbox/api/settings')).json()).toMatchObject({ installed: true })
  })

  it('tells the drawer whether the app is installed and where it opens', async () => {
    await postJson('/sandbox/api/settings', { installed: false })
    const html = (await send('/')).text
    const boot = JSON.parse(
      /<script type="application\/json" id="sandbox-boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    )
    expect(boot.settings.installed).toBe(false)
    expect(boot.app).toEqual({
      opening: 'install',
      source: 'server',
      origin: `http://localhost:${port}`,
      path: '/',
    })
    expect(html).toMatch(/<input type="checkbox" name="installed"[^>]*\/> App installed/)
  })
})
