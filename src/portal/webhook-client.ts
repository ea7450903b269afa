import { B24Hook } from '@bitrix24/b24jssdk'
import { bitrixLanguage } from './bitrix-language'
import { PortalError } from './portal-error'
import { SdkPortalClient } from './sdk-client'
import type { PortalClient } from './types'
import type { Webhook } from './webhook-url'

/**
 * A PortalClient over an inbound webhook, for bots registered through one (their owner is the webhook's bot
 * token). The only place the webhook's secret and the bot token live: held in this object for the visit (never
 * stored, logged, rendered or put in a page URL), and gone when the app lets go of it (Disconnect, reload).
 * Every imbot call carries the token the way Bitrix24 wants it: `botToken` for imbot.v2, `CLIENT_ID` for v1,
 * inside every call of a `batch` too.
 */
export async function connectWebhook(webhook: Webhook, botToken: string): Promise<PortalClient> {
  const client = new WebhookPortalClient(webhook, botToken.trim())
  // One light call proves the webhook, its scope and the token before the page shows.
  await client.call('imbot.v2.Bot.list', { limit: 1 })
  return client
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
  // A webhook does not tell the portal's language: the browser's stands in, as Bitrix24 names languages.
  readonly lang = bitrixLanguage(globalThis.navigator?.language ?? 'en')
  // A webhook is an administrator's: there is no read-only mode.
  readonly isAdmin = true
  readonly portalHost: string
  protected readonly b24: B24Hook
  readonly #token: string
  readonly #secrets: string[]

  constructor(webhook: Webhook, token: string) {
    super()
    this.portalHost = new URL(webhook.origin).host
    this.#token = token
    this.#secrets = [webhook.secret, token].filter((secret) => secret.length > 0)
    this.b24 = new B24Hook({ b24Url: webhook.origin, userId: webhook.userId, secret: webhook.secret })
    if (webhook.origin.startsWith('http:')) keepPlainHttp(this.b24, webhook.origin)
    // The SDK warns on every browser call that a webhook belongs on a server; the person chose to paste it here
    // for this visit, and the warning would print the webhook's address in the console.
    this.b24.offClientSideWarning()
  }

  protected override withConnectionParams(method: string, params: Record<string, unknown>) {
    const name = method.toLowerCase()
    if (name.startsWith('imbot.v2.')) return { ...params, botToken: this.#token }
    if (name.startsWith('imbot.')) return { ...params, CLIENT_ID: this.#token }
    return params
  }

  /** The same error without the secret or the token anywhere in its text (a portal may echo what it got). */
  protected override shown(error: PortalError): PortalError {
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
