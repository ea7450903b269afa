import { describe, expect, it } from 'vitest'
import { createSandboxPortal, parseFaultInjection } from '../../../src/sandbox/emulator'
import { sandboxOverHttp } from '../../support/sandbox-http'

// Two faults for the webhook form's tests: a portal that never answers (hold), and one that repeats what it got in
// its error (echo), the secret and the token in every spelling a server prints them in.

const sandbox = sandboxOverHttp()

const post = (path: string, body: unknown) =>
  fetch(new URL(path, sandbox.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('a hold fault', () => {
  it('keeps the call without an answer until the faults are cleared, then runs it', async () => {
    const { webhook, token } = sandbox.seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'hold' })
    let answered = false
    const call = post(`/rest/${webhook.userId}/${webhook.secret}/imbot.v2.Bot.list`, {
      botToken: token,
    }).then((response) => {
      answered = true
      return response.json()
    })
    // Another call is not held, and answers while the first waits (so the first has had the same time).
    const other = await post(`/rest/${webhook.userId}/${webhook.secret}/imbot.bot.list`, { CLIENT_ID: token })
    expect(other.status).toBe(200)
    expect(answered).toBe(false)
    expect(sandbox.portal.getLog().map((entry) => entry.method)).toEqual(['imbot.bot.list'])

    sandbox.portal.clearFaults()
    expect(await call).toMatchObject({ result: { bots: [{ code: 'support_webhook' }] } })
    expect(sandbox.portal.getLog().map((entry) => entry.method)).toEqual([
      'imbot.bot.list',
      'imbot.v2.Bot.list',
    ])
  })

  it('is released by a reset too, and holds only as many calls as its count', async () => {
    const portal = createSandboxPortal()
    portal.injectFault({ method: 'batch', mode: 'hold', count: 1 })
    const held = portal.hold({ method: 'batch', params: {} })
    expect(held).toBeInstanceOf(Promise)
    expect(portal.hold({ method: 'batch', params: {} })).toBeUndefined()
    portal.reset()
    await expect(held).resolves.toBeUndefined()
  })
})

describe('an echo fault', () => {
  it('answers before any check with what the call carried: URL-encoded, as a query, as PHP’s JSON, as read', () => {
    const portal = createSandboxPortal()
    portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'echo' })
    const outcome = portal.handle({
      method: 'imbot.v2.Bot.list',
      params: { limit: 1, botToken: 'to"k\\en/ä x+' },
      // A secret the portal does not know: the echo comes before the webhook is checked.
      webhook: { userId: '1', secret: 'gëheim-x' },
    })
    expect(outcome.status).toBe(400)
    expect(outcome.body).toEqual({
      error: '',
      error_description:
        'Cannot process /rest/1/g%C3%ABheim-x/imbot.v2.Bot.list; ' +
        'query limit=1&botToken=to%22k%5Cen%2F%C3%A4+x%2B; ' +
        'JSON {"limit":1,"botToken":"to\\"k\\\\en\\/\\u00e4 x+"}; ' +
        'read secret=gëheim-x, limit=1, botToken=to"k\\en/ä x+',
    })
    expect(portal.getLog()).toMatchObject([{ method: 'imbot.v2.Bot.list', status: 400, fault: 'echo' }])
  })

  it('never repeats the access token, and takes a code', () => {
    const portal = createSandboxPortal()
    portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'echo', code: 'ERROR_CORE' })
    const outcome = portal.handle({
      method: 'imbot.v2.Bot.list',
      params: { auth: 'access-token-1', limit: 1 },
    })
    expect(outcome.body).toEqual({
      error: 'ERROR_CORE',
      error_description:
        'Cannot process /rest/imbot.v2.Bot.list; query limit=1; JSON {"limit":1}; read limit=1',
    })
  })

  it('is read from the control API’s JSON', () => {
    expect(parseFaultInjection({ method: 'batch', mode: 'hold' })).toEqual({
      method: 'batch',
      count: 1,
      mode: 'hold',
    })
    expect(parseFaultInjection({ method: 'batch', mode: 'echo', count: 2 })).toEqual({
      method: 'batch',
      count: 2,
      mode: 'echo',
      code: '',
    })
    expect(() => parseFaultInjection({ method: 'batch', mode: 'echo', code: 5 })).toThrow('fault.code')
  })
})
