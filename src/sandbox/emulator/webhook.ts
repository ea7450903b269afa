import { RestError } from './errors.ts'
import { webhookOwnerKey } from './state.ts'
import type {
  SandboxSettings,
  WebhookCredentials,
  WebhookInfo,
  WebhookPatch,
  WebhookTokenRequest,
} from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * The sandbox's inbound webhook (`/rest/{user}/{secret}/{method}`, shared/reference/live-portal.md "Webhooks"): who
 * may call through it, with which scopes, and how a call names the owner of the bots it manages (the bot token).
 * Nothing here depends on the scheme: a webhook URL on https:// reaches the same emulator.
 */

/** The seeded webhook and bot token: fixed, so that docs and tests can name them. */
export const SEED_WEBHOOK = {
  userId: 1,
  secret: 'sandboxwebhooksecret0001',
  /** Owns the seeded Support Webhook Bot. */
  botToken: 'sandbox-bot-token-1',
  path: '/rest/1/sandboxwebhooksecret0001/',
} as const

/** Scopes of the seeded webhook; the controls can take `imbot` away. */
const SEED_SCOPES: readonly string[] = ['im', 'imbot']

export type WebhookCheck = 'ok' | 'unknown' | 'expired'

/** The one inbound webhook of the sandbox portal, and the bot tokens made for it. */
export class WebhookStore {
  private revoked = false
  private expired = false
  private readonly scopes = new Set(SEED_SCOPES)
  private readonly tokens: string[] = [SEED_WEBHOOK.botToken]

  /** Wrong user or secret, or a revoked webhook: unknown (a deleted webhook is no longer found). */
  check(credentials: WebhookCredentials): WebhookCheck {
    const matches =
      String(credentials.userId) === String(SEED_WEBHOOK.userId) && credentials.secret === SEED_WEBHOOK.secret
    if (!matches || this.revoked) return 'unknown'
    return this.expired ? 'expired' : 'ok'
  }

  hasScope(scope: string): boolean {
    return this.scopes.has(scope)
  }

  info(): WebhookInfo {
    return {
      userId: SEED_WEBHOOK.userId,
      secret: SEED_WEBHOOK.secret,
      path: SEED_WEBHOOK.path,
      tokens: [...this.tokens],
      revoked: this.revoked,
      expired: this.expired,
      scopes: [...this.scopes].sort(),
    }
  }

  update(patch: WebhookPatch): WebhookInfo {
    if (patch.revoked !== undefined) this.revoked = patch.revoked
    if (patch.expired !== undefined) this.expired = patch.expired
    if (patch.imbotScope === true) this.scopes.add('imbot')
    if (patch.imbotScope === false) this.scopes.delete('imbot')
    return this.info()
  }

  /** The name the next token gets, `sandbox-bot-token-N`: readable, and never one already made. */
  nextToken(): string {
    let n = this.tokens.length + 1
    while (this.tokens.includes(`sandbox-bot-token-${n}`)) n += 1
    return `sandbox-bot-token-${n}`
  }

  addToken(token: string): void {
    if (!this.tokens.includes(token)) this.tokens.push(token)
  }
}

/**
 * What a wrong, revoked or expired webhook answers. By default (webhookAuthError 'INVALID_CREDENTIALS') all three
 * answer as rest/lib/apauth/auth.php does: Auth::check finds no active password for the user and answers 401
 * INVALID_CREDENTIALS "Invalid request credentials", the same for a wrong secret, a deleted or a switched-off webhook.
 * Bitrix24's inbound webhooks have no end date in the server code, so "expired" is the sandbox's own scenario: a
 * live portal cannot tell it apart, and only the NO_AUTH_FOUND variant (the docs' code) words it differently.
 */
export function webhookAuthError(check: Exclude<WebhookCheck, 'ok'>, settings: SandboxSettings): RestError {
  if (settings.webhookAuthError === 'INVALID_CREDENTIALS') {
    return new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401)
  }
  return new RestError(
    'NO_AUTH_FOUND',
    check === 'expired' ? 'Webhook has expired' : 'Wrong authorization data',
  )
}

/** The scope a method needs through a webhook: every imbot.* method (v1 and v2) needs `imbot`; batch none. */
export function scopeOf(method: string): string | undefined {
  return method.toLowerCase().startsWith('imbot.') ? 'imbot' : undefined
}

export function insufficientScope(): RestError {
  return new RestError(
    'insufficient_scope',
    'The request requires higher privileges than provided by the webhook token',
    403,
  )
}

/**
 * Where a method reads the bot token under a webhook: imbot.v2 controllers take `botToken` (or the deprecated
 * CLIENT_ID); v1 methods take CLIENT_ID, and refuse without it, except imbot.bot.list, which needs none.
 */
export type WebhookTokenRule = 'botToken' | 'CLIENT_ID' | 'CLIENT_ID optional'

/** An owner key no bot has: a v1 list through a webhook without CLIENT_ID lists nothing. */
const NO_OWNER = ''

function tokenText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The v2 controllers check these keys, in this order, as sent (BotController::resolveClientId). */
const V2_TOKEN_KEYS = ['botToken', 'BOT_TOKEN', 'clientId', 'CLIENT_ID']

/** v1 methods upper-case every key first (array_change_key_case): client_id works too. */
function clientIdOf(params: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    if (key.toUpperCase() === 'CLIENT_ID') return tokenText(value)
  }
  return undefined
}

/**
 * The owner key of a webhook call (`"custom" + token`), read from the call's own params. A missing token answers
 * what that method answers on a portal: v2 BOT_TOKEN_NOT_SPECIFIED (or CLIENT_ID_NOT_SPECIFIED, as older builds),
 * v1 ACCESS_DENIED "Access denied! Client ID not specified." (403).
 */
export function webhookOwner(
  rule: WebhookTokenRule | undefined,
  params: Record<string, unknown>,
  settings: SandboxSettings,
): string {
  if (rule === 'botToken') {
    for (const key of V2_TOKEN_KEYS) {
      const token = tokenText(params[key])
      if (token !== undefined) return webhookOwnerKey(token)
    }
    throw new RestError(settings.webhookTokenError)
  }
  const clientId = clientIdOf(params)
  if (clientId !== undefined) return webhookOwnerKey(clientId)
  if (rule === 'CLIENT_ID')
    throw new RestError('ACCESS_DENIED', 'Access denied! Client ID not specified.', 403)
  return NO_OWNER
}

/** A REST path: `/rest/{method}` (OAuth: `auth` in the params) or `/rest/{user}/{secret}/{method}` (a webhook). */
export interface RestPath {
  method: string
  webhook?: WebhookCredentials
}

/**
 * Reads a REST path as the portal routes it; the method may end in ".json". undefined for anything else (no
 * method, another number of segments, a method name that is not one).
 */
export function parseRestPath(pathname: string): RestPath | undefined {
  if (!pathname.startsWith('/rest/')) return undefined
  let segments: string[]
  try {
    segments = pathname.slice('/rest/'.length).split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return undefined
  }
  const last = segments[segments.length - 1]
  if (last === undefined) return undefined
  const method = last.replace(/\.json$/i, '')
  if (!/^[\w.]+$/.test(method)) return undefined
  if (segments.length === 1) return { method }
  const [userId, secret] = segments
  if (segments.length !== 3 || !userId || !secret) return undefined
  return { method, webhook: { userId, secret } }
}

function readFlag(input: Record<string, unknown>, key: keyof WebhookPatch): boolean | undefined {
  const value = input[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw new TypeError(`webhook.${key} must be a boolean`)
  return value
}

/** Reads POST /sandbox/api/webhook from untrusted JSON; throws a TypeError naming the bad field. */
export function parseWebhookPatch(input: unknown): WebhookPatch {
  if (!isPlainObject(input))
    throw new TypeError('webhook must be an object {revoked?, imbotScope?, expired?}')
  const patch: WebhookPatch = {}
  for (const key of ['revoked', 'imbotScope', 'expired'] as const) {
    const value = readFlag(input, key)
    if (value !== undefined) patch[key] = value
  }
  return patch
}

/** Reads POST /sandbox/api/webhook/tokens from untrusted JSON (an empty body is a token without bots). */
export function parseWebhookTokenRequest(input: unknown): WebhookTokenRequest {
  if (input === undefined) return {}
  if (!isPlainObject(input)) throw new TypeError('token request must be an object {bots?, commandsPerBot?}')
  const request: WebhookTokenRequest = {}
  for (const key of ['bots', 'commandsPerBot'] as const) {
    const value = input[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new TypeError(`tokens.${key} must be a non-negative integer`)
    }
    request[key] = value
  }
  return request
}
