import { describe, expect, it } from 'vitest'
import { checkWebhookUrl } from '../../../src/portal/webhook-url'

describe('checking an inbound webhook URL before anything is sent', () => {
  it('reads the portal, user and secret of https://{portal}/rest/{user}/{secret}/', () => {
    expect(checkWebhookUrl(' https://acme.bitrix24.com/rest/1/abc123def/ ')).toEqual({
      ok: true,
      webhook: { origin: 'https://acme.bitrix24.com', userId: 1, secret: 'abc123def' },
    })
  })

  it('drops a pasted method name, a query and a fragment', () => {
    for (const pasted of [
      'https://acme.bitrix24.com/rest/7/abc/profile.json',
      'https://acme.bitrix24.com/rest/7/abc/imbot.bot.list?CLIENT_ID=x',
      'https://acme.bitrix24.com/rest/7/abc#top',
    ]) {
      expect(checkWebhookUrl(pasted)).toEqual({
        ok: true,
        webhook: { origin: 'https://acme.bitrix24.com', userId: 7, secret: 'abc' },
      })
    }
  })

  it('reads the REST v3 address of a webhook (/rest/api/{user}/{secret}/) as the same webhook', () => {
    for (const pasted of [
      'https://acme.bitrix24.com/rest/api/7/abc/',
      'https://acme.bitrix24.com/rest/api/7/abc',
      'https://acme.bitrix24.com/rest/api/7/abc/tasks.task.list?x=1',
    ]) {
      expect(checkWebhookUrl(pasted)).toEqual({
        ok: true,
        webhook: { origin: 'https://acme.bitrix24.com', userId: 7, secret: 'abc' },
      })
    }
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/api/7/')).toEqual({
      ok: false,
      problem: 'not-a-webhook',
    })
  })

  it('accepts plain http for this computer’s own addresses only', () => {
    expect(checkWebhookUrl('http://127.0.0.1:5173/rest/1/s/')).toMatchObject({ ok: true })
    expect(checkWebhookUrl('http://localhost:5173/rest/1/s/')).toMatchObject({ ok: true })
    expect(checkWebhookUrl('http://acme.bitrix24.com/rest/1/s/')).toEqual({ ok: false, problem: 'not-https' })
    expect(checkWebhookUrl('ftp://acme.bitrix24.com/rest/1/s/')).toEqual({ ok: false, problem: 'not-https' })
  })

  it('names each problem', () => {
    expect(checkWebhookUrl('  ')).toEqual({ ok: false, problem: 'empty' })
    expect(checkWebhookUrl('acme.bitrix24.com/rest/1/s')).toEqual({ ok: false, problem: 'not-a-url' })
    expect(checkWebhookUrl('https://acme.bitrix24.com/')).toEqual({ ok: false, problem: 'not-a-webhook' })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/')).toEqual({
      ok: false,
      problem: 'not-a-webhook',
    })
    expect(checkWebhookUrl('https://acme.bitrix24.com/marketplace/app/1/')).toEqual({
      ok: false,
      problem: 'not-a-webhook',
    })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/admin/secret/')).toEqual({
      ok: false,
      problem: 'user-id',
    })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/0/secret/')).toEqual({
      ok: false,
      problem: 'user-id',
    })
  })
})
