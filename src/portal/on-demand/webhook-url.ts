/**
 * Reads an inbound webhook URL as a person pastes it: `https://{portal}/rest/{user id}/{secret}/`, tolerating a
 * method name pasted after it (`…/{secret}/profile.json`) and a query or fragment, which are dropped, and the
 * REST v3 address of the same webhook (`…/rest/api/{user id}/{secret}/`). Checked before anything is sent. No SDK
 * here: the check runs in the form, before the SDK is fetched.
 */
export type WebhookUrlProblem =
  | 'empty'
  | 'not-a-url'
  | 'not-https'
  | 'not-a-webhook'
  | 'user-id'
  | 'secret-short'

/**
 * The fewest characters a webhook secret or a bot token may have. The app hides both wherever a portal repeats them
 * (webhook-mask.ts), and hiding a short one would hide ordinary words and letters too: a one-letter token turns
 * "Bad request" into "Bad r•••qu•••st" and betrays itself by what is left. Bitrix24's own secrets are 16 letters and
 * digits (`Random::getString(16)`, rest/lib/apauth/password.php); bot tokens are whatever the integration chose.
 */
export const minSecretLength = 8

/** Bitrix24 accepts bot tokens of at most this many characters. */
export const maxTokenLength = 40

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
const characters = (text: string) => [...text].length

/** The secret as the portal reads it out of the path: decoded (a URL keeps what is not ASCII percent-encoded). */
function decodedSecret(secret: string): string {
  try {
    return decodeURIComponent(secret)
  } catch {
    return secret
  }
}

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
  if (characters(decodedSecret(secret)) < minSecretLength) return { ok: false, problem: 'secret-short' }
  return { ok: true, webhook: { origin: url.origin, userId: Number(userId), secret } }
}

export type BotTokenProblem = 'empty' | 'short' | 'long'

export type BotTokenCheck = { ok: true; token: string } | { ok: false; problem: BotTokenProblem }

/** The bot token as typed, trimmed, and checked against what Bitrix24 keeps and what the app can hide safely. */
export function checkBotToken(text: string): BotTokenCheck {
  const token = text.trim()
  if (token === '') return { ok: false, problem: 'empty' }
  if (characters(token) > maxTokenLength) return { ok: false, problem: 'long' }
  if (characters(token) < minSecretLength) return { ok: false, problem: 'short' }
  return { ok: true, token }
}
