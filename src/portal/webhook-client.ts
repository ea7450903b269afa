import { B24Hook, versionManager } from '@bitrix24/b24jssdk'
import { bitrixLanguage } from './bitrix-language'
import { localErrorCodes, PortalError } from './portal-error'
import { SdkPortalClient } from './sdk-client'
import type { PortalClient } from './types'
import type { Webhook } from './webhook-url'

/**
 * A PortalClient over an inbound webhook, for bots registered through one (their owner is the webhook's bot
 * token). The only place the webhook's secret and the bot token live: held in this object for the visit (never
 * stored, logged, rendered or put in a page URL), and dropped by `close()` (Disconnect) or a reload.
 * Every imbot call carries the token the way Bitrix24 wants it: `botToken` for imbot.v2, `CLIENT_ID` for v1,
 * inside every call of a `batch` too.
 */
export async function connectWebhook(webhook: Webhook, botToken: string): Promise<PortalClient> {
  const client = new WebhookPortalClient(webhook, botToken.trim())
  try {
    const language = await proveWebhook(client)
    if (language) client.lang = bitrixLanguage(language)
  } catch (error) {
    // Nothing of a webhook that did not connect is kept.
    client.close()
    throw error
  }
  return client
}

/**
 * One light call proves the webhook, its scope and the token before the page shows. It also tells the portal's
 * language, as near as a webhook can: a bot's default language (the lists' titles are in the portal's).
 */
async function proveWebhook(client: PortalClient): Promise<string | null> {
  try {
    return firstBotLanguage(await client.call('imbot.v2.Bot.list', { limit: 1 }))
  } catch (error) {
    // A portal that predates imbot.v2 took the webhook and knows no such method (so it checked no scope): it
    // connects all the same, and the page offers removal by id (v1, with CLIENT_ID). v1's imbot.bot.list proves
    // the imbot scope; nothing there can prove the token.
    if (!(error instanceof PortalError) || error.code !== 'ERROR_METHOD_NOT_FOUND') throw error
    await client.call('imbot.bot.list')
    return null
  }
}

/** `language` of the first bot of a Bot.list answer (a list, or an object keyed by id), if it says one. */
function firstBotLanguage(answer: unknown): string | null {
  const bots = typeof answer === 'object' && answer !== null ? (answer as { bots?: unknown }).bots : undefined
  const first = typeof bots === 'object' && bots !== null ? Object.values(bots)[0] : undefined
  const language =
    typeof first === 'object' && first !== null ? (first as { language?: unknown }).language : null
  return typeof language === 'string' && language.trim() !== '' ? language : null
}

/**
 * The SDK's B24Hook always addresses `https://` (it reads the scheme out of the URL). Browsers treat plain
 * HTTP to this computer's own addresses as secure, and the local sandbox portal has no certificate, so for a
 * loopback webhook (the only plain-HTTP one checkWebhookUrl lets through) the address stays as typed. The SDK
 * reads these two methods of its auth manager at every request.
 */
function keepPlainHttp(b24: B24Hook, origin: string): void {
  const auth = b24.auth as unknown as {
    getTargetOrigin: () => string
    getTargetOriginWithPath: () => Map<unknown, string>
  }
  const paths = new Map(
    [...auth.getTargetOriginWithPath()].map(([version, url]) => [version, url.replace(/^https:/, 'http:')]),
  )
  auth.getTargetOrigin = () => origin
  auth.getTargetOriginWithPath = () => paths
}

class WebhookPortalClient extends SdkPortalClient {
  readonly mode = 'webhook' as const
  // A webhook does not tell the portal's language: a bot's says it when connecting (see proveWebhook), and until
  // then, or with no bot, the browser's stands in, as Bitrix24 names languages.
  lang = bitrixLanguage(globalThis.navigator?.language ?? 'en')
  // A webhook is an administrator's: there is no read-only mode.
  readonly isAdmin = true
  readonly portalHost: string
  #b24: B24Hook | null
  #token: string
  /** The secret and the token as a portal may echo them: as sent, and URL-encoded (a query or a form body). */
  #secrets: string[]
  /** Aborts the requests under way when the connection closes, and every request the SDK tries after. */
  readonly #closing = new AbortController()

  constructor(webhook: Webhook, token: string) {
    super()
    this.portalHost = new URL(webhook.origin).host
    this.#token = token
    const forms = [webhook.secret, token].flatMap((secret) => {
      const encoded = encodeURIComponent(secret)
      return [secret, encoded, encoded.replaceAll('%20', '+')]
    })
    // Longest first, so that no form is cut apart by a shorter one inside it.
    this.#secrets = [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length)
    const b24 = new B24Hook({ b24Url: webhook.origin, userId: webhook.userId, secret: webhook.secret })
    if (webhook.origin.startsWith('http:')) keepPlainHttp(b24, webhook.origin)
    // The SDK warns on every browser call that a webhook belongs on a server; the person chose to paste it here
    // for this visit, and the warning would print the webhook's address in the console.
    b24.offClientSideWarning()
    // The SDK retries by itself (after a 503, a lost connection): once closed, those attempts never leave.
    for (const version of versionManager.getAllApiVersions()) {
      b24.getHttpClient(version).ajaxClient.defaults.signal = this.#closing.signal
    }
    this.#b24 = b24
  }

  protected get b24(): B24Hook {
    if (!this.#b24) throw closedError('')
    return this.#b24
  }

  /** Disconnect: drops the SDK and the credentials, aborts what is under way; every call after rejects. */
  close(): void {
    this.#b24 = null
    this.#token = ''
    this.#secrets = []
    this.#closing.abort()
  }

  /** The call, unless the connection is closed before it ends: then CONNECTION_CLOSED, whatever the SDK does. */
  override call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const { signal } = this.#closing
    if (signal.aborted) return Promise.reject(closedError(method))
    return new Promise((resolve, reject) => {
      const onClose = () => reject(closedError(method))
      signal.addEventListener('abort', onClose, { once: true })
      super
        .call(method, params)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onClose))
    })
  }

  protected override withConnectionParams(method: string, params: Record<string, unknown>) {
    const name = method.toLowerCase()
    if (name.startsWith('imbot.v2.')) return { ...params, botToken: this.#token }
    if (name.startsWith('imbot.')) return { ...params, CLIENT_ID: this.#token }
    return params
  }

  /** The same error without the secret or the token anywhere in its text (a portal may echo what it got). */
  protected override shown(error: PortalError): PortalError {
    if (this.#closing.signal.aborted) return closedError(error.method)
    let description = error.description
    for (const secret of this.#secrets) description = description.split(secret).join('•••')
    return description === error.description ? error : new PortalError({ ...error.toShape(), description })
  }

  /** A plain tab has no Bitrix24 frame to fit: the page scrolls as any page does. */
  fitToContent(): void {}

  setTitle(title: string): void {
    document.title = title
  }
}

function closedError(method: string): PortalError {
  return new PortalError({
    code: localErrorCodes.closed,
    status: 0,
    description: 'The connection was closed (Disconnect).',
    method,
  })
}
