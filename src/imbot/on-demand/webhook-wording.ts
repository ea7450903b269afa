import type { PortalErrorShape } from '../../portal'
import { catalogueKey, describeError, type ErrorEntry } from './error-catalogue'

/**
 * Through an inbound webhook some codes mean something else to the person (a wrong webhook, not an expired
 * session; a bot of an application, not of another application) and call for connecting again.
 */
const webhookWording: Readonly<Record<string, Pick<ErrorEntry, 'message' | 'recovery'>>> = {
  NO_AUTH_FOUND: { message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' },
  // rest/lib/apauth/auth.php: a wrong user or secret, a deleted webhook and one switched off all answer this (401).
  INVALID_CREDENTIALS: { message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' },
  expired_token: { message: 'error.webhook.expired', recovery: 'reconnect' },
  invalid_token: { message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' },
  insufficient_scope: { message: 'error.webhook.insufficient_scope', recovery: 'reconnect' },
  BOT_TOKEN_NOT_SPECIFIED: { message: 'error.webhook.tokenMissing', recovery: 'reconnect' },
  CLIENT_ID_NOT_SPECIFIED: { message: 'error.webhook.tokenMissing', recovery: 'reconnect' },
  BOT_OWNERSHIP_ERROR: { message: 'error.webhook.foreign', recovery: 'none' },
  APP_ID_ERROR: { message: 'error.webhook.foreign', recovery: 'none' },
  // Something answered that is not Bitrix24: most likely the address typed is not the webhook's.
  NOT_BITRIX24_ANSWER: { message: 'error.webhook.NOT_BITRIX24_ANSWER', recovery: 'reconnect' },
  // No answer from a portal: the address may be wrong, the portal offline, or the browser's request refused. An
  // answer that is not Bitrix24's is NOT_BITRIX24_ANSWER (sdk-failure.ts); the HTTP library's codes stay for safety.
  NETWORK_ERROR: { message: 'error.webhook.unreachable', recovery: 'retry' },
  REQUEST_TIMEOUT: { message: 'error.webhook.unreachable', recovery: 'retry' },
  ERR_BAD_REQUEST: { message: 'error.webhook.unreachable', recovery: 'retry' },
  ERR_BAD_RESPONSE: { message: 'error.webhook.unreachable', recovery: 'retry' },
}

/** How the app is connected, which decides some words (see `webhookWording`). */
export type ConnectionMode = 'frame' | 'webhook'

/**
 * The webhook's key for an error. Bitrix24's server code gives inbound webhooks no end date (a webhook that no longer
 * works is simply not found), but a portal that says one expired (the sandbox does) is taken at its word.
 */
function webhookKey(error: Pick<PortalErrorShape, 'code'> & Partial<Pick<PortalErrorShape, 'description'>>) {
  const key = catalogueKey(error)
  const refused = key === 'NO_AUTH_FOUND' || key === 'INVALID_CREDENTIALS'
  return refused && /expired/i.test(error.description ?? '') ? 'expired_token' : key
}

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
  const key = webhookKey(error)
  const wording = Object.hasOwn(webhookWording, key) ? webhookWording[key] : undefined
  return wording ? { ...entry, ...wording } : entry
}
