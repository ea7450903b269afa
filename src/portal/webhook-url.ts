/**
 * Reads an inbound webhook URL as a person pastes it: `https://{portal}/rest/{user id}/{secret}/`, tolerating a
 * method name pasted after it (`…/{secret}/profile.json`) and a query or fragment, which are dropped, and the
 * REST v3 address of the same webhook (`…/rest/api/{user id}/{secret}/`). Checked before anything is sent. No SDK
 * here: the check runs in the form, before the SDK is fetched.
 */
export type WebhookUrlProblem = 'empty' | 'not-a-url' | 'not-https' | 'not-a-webhook' | 'user-id'

export interface Webhook {
  /** The portal's origin, e.g. `https://acme.bitrix24.com`. */
  origin: string
  userId: number
  secret: string
}

export type WebhookUrlCheck = { ok: true; webhook: Webhook } | { ok: false; problem: WebhookUrlProblem }

/** Loopback addresses: browsers treat plain HTTP to them as secure, so the local sandbox needs no certificate. */
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function checkWebhookUrl(text: string): WebhookUrlCheck {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: 'empty' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { ok: false, problem: 'not-a-url' }
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    return { ok: false, problem: 'not-https' }
  }
  const parts = url.pathname.split('/').filter(Boolean)
  // Bitrix24 shows the same webhook for REST v3 as /rest/api/{user id}/{secret}/; the app speaks v2.
  if (parts[0] === 'rest' && parts[1] === 'api') parts.splice(1, 1)
  // A method name pasted after the secret ("profile", "imbot.bot.list.json") is dropped.
  if (parts.length === 4 && parts[0] === 'rest' && /^[a-z][\w.]*$/i.test(parts[3] ?? '')) parts.pop()
  const [rest, userId, secret] = parts
  if (parts.length !== 3 || rest !== 'rest' || !secret) return { ok: false, problem: 'not-a-webhook' }
  if (!/^\d+$/.test(userId ?? '') || Number(userId) < 1) return { ok: false, problem: 'user-id' }
  return { ok: true, webhook: { origin: url.origin, userId: Number(userId), secret } }
}
