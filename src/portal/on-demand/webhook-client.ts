import { B24Hook, versionManager } from '@bitrix24/b24jssdk'
import { bitrixLanguage } from '../../i18n/on-demand/bitrix-language'
import { localErrorCodes, PortalError } from '../portal-error'
import type { PortalClient } from '../types'
import { SdkPortalClient } from './sdk-client'
import { maskSecrets, secretsPattern } from './webhook-mask'
import type { Webhook } from './webhook-url'

/**
 * A PortalClient over an inbound webhook, for bots registered through one (their owner is the webhook's bot
 * token). The only place the webhook's secret and the bot token live: held in this object for the visit (never
 * stored, logged, rendered or put in a page URL), and dropped by `close()` (Disconnect) or a reload.
 * Every imbot call carries the token the way Bitrix24 wants it: `botToken` for imbot.v2, `CLIENT_ID` for v1,
 * inside every call of a `batch` too.
 *
 * `abandon` stops the attempt (the person stopped waiting): the request under way is aborted, the SDK tries nothing
 * more, and the promise rejects with CONNECTION_CLOSED, even when the portal's answer was already on its way. A client
 * is never handed out after that, so a late answer cannot connect.
 */
export async function connectWebhook(
  webhook: Webhook,
  botToken: string,
  abandon?: AbortSignal,
): Promise<PortalClient> {
  if (abandon?.aborted) throw closedError('')
  const client = new WebhookPortalClient(webhook, botToken.trim())
  const close = () => client.close()
  abandon?.addEventListener('abort', close, { once: true })
  try {
    const language = await proveWebhook(client)
    if (abandon?.aborted) throw closedError('')
    if (language) client.lang = bitrixLanguage(language)
  } catch (error) {
    // Nothing of a webhook that did not connect is kept.
    client.close()
    throw error
  } finally {
    abandon?.removeEventListener('abort', close)
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
  /** Every spelling of the secret and the token a portal may echo them in (webhook-mask.ts). */
  #secrets: RegExp | null
  /** Aborts the requests under way when the connection closes, and every request the SDK tries after. */
  readonly #closing = new AbortController()

  constructor(webhook: Webhook, token: string) {
    super()
    this.portalHost = new URL(webhook.origin).host
    this.#token = token
    this.#secrets = secretsPattern([webhook.secret, token])
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
    this.#secrets = null
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

  /**
   * The same error without the secret or the token in any spelling, in any of its texts (a portal may echo what it
   * got, in its description or even as its code); Details shows them all.
   */
  hideSecrets(text: string): string {
    return maskSecrets(text, this.#secrets)
  }

  protected override shown(error: PortalError): PortalError {
    if (this.#closing.signal.aborted) return closedError(error.method)
    const shape = error.toShape()
    const hide = (text: string) => this.hideSecrets(text)
    const shown = {
      ...shape,
      code: hide(shape.code),
      description: hide(shape.description),
      method: hide(shape.method),
    }
    const same =
      shown.code === shape.code && shown.description === shape.description && shown.method === shape.method
    return same ? error : new PortalError(shown)
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
