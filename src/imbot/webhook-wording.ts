import type { PortalErrorShape } from '../portal'
import { describeError, type ErrorEntry } from './error-catalogue'

/**
 * Through an inbound webhook some codes mean something else to the person (a wrong webhook, not an expired
 * session; a bot of an application, not of another application) and call for connecting again.
 */
const webhookWording: Readonly<Record<string, Pick<ErrorEntry, 'message' | 'recovery'>>> = {
  NO_AUTH_FOUND: { message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' },
  expired_token: { message: 'error.webhook.expired', recovery: 'reconnect' },
  invalid_token: { message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' },
  insufficient_scope: { message: 'error.webhook.insufficient_scope', recovery: 'reconnect' },
  BOT_TOKEN_NOT_SPECIFIED: { message: 'error.webhook.tokenMissing', recovery: 'reconnect' },
  CLIENT_ID_NOT_SPECIFIED: { message: 'error.webhook.tokenMissing', recovery: 'reconnect' },
  BOT_OWNERSHIP_ERROR: { message: 'error.webhook.foreign', recovery: 'none' },
  APP_ID_ERROR: { message: 'error.webhook.foreign', recovery: 'none' },
  // No answer from a portal: the address may be wrong, the portal offline, or the browser's request refused. An
  // answer that is not Bitrix24's (a 4xx or 5xx without its error body) arrives under the HTTP library's code.
  NETWORK_ERROR: { message: 'error.webhook.unreachable', recovery: 'retry' },
  REQUEST_TIMEOUT: { message: 'error.webhook.unreachable', recovery: 'retry' },
  ERR_BAD_REQUEST: { message: 'error.webhook.unreachable', recovery: 'retry' },
  ERR_BAD_RESPONSE: { message: 'error.webhook.unreachable', recovery: 'retry' },
}

/** How the app is connected, which decides some words (see `webhookWording`). */
export type ConnectionMode = 'frame' | 'webhook'

/**
 * The catalogue's entry as the person reads it: through a webhook, some codes get the webhook's words. Used
 * where errors are shown (in chunks of their own), so the first download carries none of these words.
 */
export function describeErrorFor(
  error: Pick<PortalErrorShape, 'code'> & Partial<Pick<PortalErrorShape, 'description'>>,
  mode: ConnectionMode = 'frame',
): ErrorEntry {
  const entry = describeError(error)
  if (mode !== 'webhook') return entry
  const code = error.code
  // v1 answers a webhook call without CLIENT_ID with ACCESS_DENIED "Client ID not specified".
  const webhookCode =
    code === 'ACCESS_DENIED' && /client id/i.test(error.description ?? '') ? 'CLIENT_ID_NOT_SPECIFIED' : code
  const wording = Object.hasOwn(webhookWording, webhookCode) ? webhookWording[webhookCode] : undefined
  return wording ? { ...entry, ...wording } : entry
}
