import { describe, expect, it } from 'vitest'
import { describeErrorFor } from '../../../src/imbot/on-demand/webhook-wording'
import { type PortalClient, PortalError } from '../../../src/portal'
import { connectWebhook } from '../../../src/portal/on-demand/webhook-client'
import { sandboxOverHttp, withOtherHost } from '../../support/sandbox-http'

// Answers that are not Bitrix24's, through the real SDK (2.2.0) and its HTTP transport, against the sandbox portal
// over HTTP: what the shared SDK client (sdk-client.ts, the frame's and the webhook's) makes of them.

const sandbox = sandboxOverHttp()
const seeded = sandbox.seeded

/** The PortalError a promise rejects with (fails the test if it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<PortalError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  if (!(outcome instanceof PortalError)) throw new Error(`expected a PortalError, got ${String(outcome)}`)
  return outcome
}

/** Every word of a failure the app may show, Details included. */
const everything = (failure: PortalError) => JSON.stringify(failure.toShape()) + failure.message

describe('an answer that is not Bitrix24’s', () => {
  it('a 200 web page: NOT_BITRIX24_ANSWER with its content type, no JavaScript error, asked once', async () => {
    const { webhook, token } = seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'not-bitrix', answer: 'html' })
    const failure = await failureOf(connectWebhook(webhook, token))
    expect(failure.toShape()).toMatchObject({
      code: 'NOT_BITRIX24_ANSWER',
      status: 200,
      description: 'text/html; charset=utf-8',
      method: 'imbot.v2.Bot.list',
    })
    // SDK 2.2.0 read it as a success and threw "Cannot destructure property 'operating' of …".
    expect(everything(failure)).not.toMatch(/destructure|TypeError|undefined|JSSDK/)
    expect(describeErrorFor(failure, 'webhook')).toMatchObject({
      kind: 'not-bitrix',
      message: 'error.webhook.NOT_BITRIX24_ANSWER',
      recovery: 'reconnect',
    })
    expect(describeErrorFor(failure, 'frame').message).toBe('error.NOT_BITRIX24_ANSWER')
    expect(sandbox.portal.getLog().map((entry) => [entry.method, entry.status, entry.fault])).toEqual([
      ['imbot.v2.Bot.list', 200, 'not-bitrix'],
    ])
  })

  it('JSON of another kind, for a batch: the whole request fails as not Bitrix24’s', async () => {
    const { webhook, token } = seeded()
    const client: PortalClient = await connectWebhook(webhook, token)
    sandbox.portal.injectFault({ method: 'batch', mode: 'not-bitrix', answer: 'json' })
    const failure = await failureOf(
      client.batch({ a: { method: 'imbot.v2.Command.list', params: { botId: 1 } } }),
    )
    expect(failure.toShape()).toMatchObject({
      code: 'NOT_BITRIX24_ANSWER',
      status: 200,
      description: 'application/json; charset=utf-8',
      method: 'batch',
    })
  })

  it('a redirect to a sign-in page, followed by the browser’s or Node’s HTTP: not Bitrix24’s either', async () => {
    const { webhook, token } = seeded()
    const failure = await withOtherHost(
      (req, res) => {
        if (req.url?.startsWith('/rest/')) {
          res.writeHead(302, { location: '/auth/?backurl=%2Frest%2F', 'access-control-allow-origin': '*' })
          res.end()
          return
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'access-control-allow-origin': '*' })
        res.end(
          '<!DOCTYPE html><html><body><form action="/auth/"><input name="USER_LOGIN"></form></body></html>',
        )
      },
      (elsewhere) => failureOf(connectWebhook({ ...webhook, origin: elsewhere }, token)),
    )
    expect([failure.code, failure.status, failure.description]).toEqual([
      'NOT_BITRIX24_ANSWER',
      200,
      'text/html; charset=UTF-8',
    ])
  })

  it('leaves Bitrix24’s own answers as they were: results, and errors with their codes', async () => {
    const { webhook, token } = seeded()
    const client = await connectWebhook(webhook, token)
    expect(await client.call('imbot.v2.Bot.list', { limit: 1 })).toHaveProperty('bots')
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', code: 'BOT_OWNERSHIP_ERROR' })
    expect((await failureOf(client.call('imbot.v2.Bot.list'))).code).toBe('BOT_OWNERSHIP_ERROR')
  })
})

describe('when an operating-time block lifts', () => {
  it('is what the method’s last answer said (time.operating_reset_at), as the error itself does not say it', async () => {
    const { webhook, token } = seeded()
    const client = await connectWebhook(webhook, token)
    const [bot] = sandbox.portal.getState().bots.filter((entry) => entry.owner === 'webhook')
    const list = { a: { method: 'imbot.v2.Command.list', params: { botId: bot?.id ?? 0 } } }
    // The sandbox resets a method's count ten minutes after the minute of its first call, as Bitrix24's buckets do.
    const resetAt = () => (Math.floor(Date.now() / 60_000) + 10) * 60
    const before = resetAt()
    expect((await client.batch(list)).a?.ok).toBe(true)
    const after = resetAt()
    sandbox.portal.injectFault({ method: 'imbot.v2.Command.list', code: 'OPERATION_TIME_LIMIT' })
    const outcome = (await client.batch(list)).a
    expect(outcome).toMatchObject({ ok: false, error: { code: 'OPERATION_TIME_LIMIT' } })
    if (outcome?.ok !== false) throw new Error('expected a failure')
    expect([before, after]).toContain(outcome.error.operatingResetAt)
  })
})
