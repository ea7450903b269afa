import { describe, expect, it } from 'vitest'
import { checkBotToken, checkWebhookUrl, minSecretLength } from '../../../src/portal/on-demand/webhook-url'

describe('checking an inbound webhook URL before anything is sent', () => {
  it('reads the portal, user and secret of https://{portal}/rest/{user}/{secret}/', () => {
    expect(checkWebhookUrl(' https://acme.bitrix24.com/rest/1/abc123def/ ')).toEqual({
      ok: true,
      webhook: { origin: 'https://acme.bitrix24.com', userId: 1, secret: 'abc123def' },
    })
  })

  it('drops a pasted method name, a query and a fragment', () => {
    for (const pasted of [
      'https://acme.bitrix24.com/rest/7/4a3ufk2twk1lm6uq/profile.json',
      'https://acme.bitrix24.com/rest/7/4a3ufk2twk1lm6uq/imbot.bot.list?CLIENT_ID=x',
      'https://acme.bitrix24.com/rest/7/4a3ufk2twk1lm6uq#top',
    ]) {
      expect(checkWebhookUrl(pasted)).toEqual({
        ok: true,
        webhook: { origin: 'https://acme.bitrix24.com', userId: 7, secret: '4a3ufk2twk1lm6uq' },
      })
    }
  })

  it('reads the REST v3 address of a webhook (/rest/api/{user}/{secret}/) as the same webhook', () => {
    for (const pasted of [
      'https://acme.bitrix24.com/rest/api/7/4a3ufk2twk1lm6uq/',
      'https://acme.bitrix24.com/rest/api/7/4a3ufk2twk1lm6uq',
      'https://acme.bitrix24.com/rest/api/7/4a3ufk2twk1lm6uq/tasks.task.list?x=1',
    ]) {
      expect(checkWebhookUrl(pasted)).toEqual({
        ok: true,
        webhook: { origin: 'https://acme.bitrix24.com', userId: 7, secret: '4a3ufk2twk1lm6uq' },
      })
    }
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/api/7/')).toEqual({
      ok: false,
      problem: 'not-a-webhook',
    })
  })

  it('accepts plain http for this computer’s own addresses only', () => {
    expect(checkWebhookUrl('http://127.0.0.1:5173/rest/1/sandboxwebhooksecret0001/')).toMatchObject({
      ok: true,
    })
    expect(checkWebhookUrl('http://localhost:5173/rest/1/sandboxwebhooksecret0001/')).toMatchObject({
      ok: true,
    })
    expect(checkWebhookUrl('http://acme.bitrix24.com/rest/1/sandboxwebhooksecret0001/')).toEqual({
      ok: false,
      problem: 'not-https',
    })
    expect(checkWebhookUrl('ftp://acme.bitrix24.com/rest/1/sandboxwebhooksecret0001/')).toEqual({
      ok: false,
      problem: 'not-https',
    })
  })

  it('names each problem', () => {
    expect(checkWebhookUrl('  ')).toEqual({ ok: false, problem: 'empty' })
    expect(checkWebhookUrl('acme.bitrix24.com/rest/1/sandboxwebhooksecret0001')).toEqual({
      ok: false,
      problem: 'not-a-url',
    })
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

  it('refuses a secret too short to hide safely, counted as the portal reads it (decoded)', () => {
    expect(minSecretLength).toBe(8)
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abc1234/')).toEqual({
      ok: false,
      problem: 'secret-short',
    })
    // Nine characters in the URL, three once decoded: the portal reads "äbc".
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/%C3%A4bc/')).toEqual({
      ok: false,
      problem: 'secret-short',
    })
    // Typed as it is, the URL keeps it percent-encoded; eight characters decoded.
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/äbcdefgh/')).toEqual({
      ok: true,
      webhook: { origin: 'https://acme.bitrix24.com', userId: 1, secret: '%C3%A4bcdefgh' },
    })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234/')).toMatchObject({ ok: true })
  })
})

describe('checking a bot token before anything is sent', () => {
  it('takes 8 to 40 characters, trimmed, an emoji counting one', () => {
    expect(checkBotToken('  sandbox-bot-token-1 ')).toEqual({ ok: true, token: 'sandbox-bot-token-1' })
    expect(checkBotToken('abcd1234')).toEqual({ ok: true, token: 'abcd1234' })
    expect(checkBotToken('x'.repeat(40))).toMatchObject({ ok: true })
    expect(checkBotToken('😀'.repeat(8))).toMatchObject({ ok: true })
  })

  it('names each problem: none, too short to hide safely, longer than Bitrix24 takes', () => {
    expect(checkBotToken('   ')).toEqual({ ok: false, problem: 'empty' })
    expect(checkBotToken('e')).toEqual({ ok: false, problem: 'short' })
    expect(checkBotToken(' abc1234 ')).toEqual({ ok: false, problem: 'short' })
    expect(checkBotToken('x'.repeat(41))).toEqual({ ok: false, problem: 'long' })
  })
})
