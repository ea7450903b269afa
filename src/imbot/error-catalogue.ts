import type { MessageKey } from '../i18n'
import type { PortalErrorShape } from '../portal'

/** What kind of failure it is, as far as the user is concerned. */
export type ErrorKind =
  | 'not-found'
  | 'foreign'
  | 'refused'
  | 'rate-limit'
  | 'paused'
  | 'session'
  | 'scope'
  | 'permission'
  | 'portal'
  | 'request'
  | 'network'
  | 'malformed'
  | 'too-old'
  | 'connection'
  | 'unknown'

/** What the app offers the user to get out of it. */
export type Recovery =
  | 'retry'
  | 'wait-and-retry'
  | 'retry-later'
  | 'reload'
  | 'refresh-list'
  | 'remove-by-id'
  | 'none'

export interface ErrorEntry {
  kind: ErrorKind
  /** The app's own words: what happened and what to do. Bitrix24's text only goes under "details". */
  message: MessageKey
  recovery: Recovery
  /** Whether the list must be checked against the server: the action may have happened, or the list is stale. */
  refetchList: boolean
  /** Whether the app retries by itself (after the SDK's own attempts), showing that it waits. */
  retriesItself: boolean
}

const entry = (
  kind: ErrorKind,
  message: MessageKey,
  recovery: Recovery,
  { refetchList = true, retriesItself = false } = {},
): ErrorEntry => ({ kind, message, recovery, refetchList, retriesItself })

const needsNewSession = { refetchList: false }

/**
 * Every code Bitrix24 can answer to this app (bitrix24.md §3 and §4), the ones the SDK and the app give
 * to failures of their own, and the fallback for anything else. A test keeps this in step with the reference.
 */
export const errorCatalogue: Readonly<Record<string, ErrorEntry>> = {
  // The methods' own codes (§3).
  COMMAND_ID_ERROR: entry('not-found', 'error.COMMAND_ID_ERROR', 'refresh-list'),
  COMMAND_NOT_FOUND: entry('not-found', 'error.COMMAND_NOT_FOUND', 'refresh-list'),
  APP_ID_ERROR: entry('foreign', 'error.APP_ID_ERROR', 'none'),
  BOT_OWNERSHIP_ERROR: entry('foreign', 'error.BOT_OWNERSHIP_ERROR', 'none'),
  BOT_NOT_FOUND: entry('not-found', 'error.BOT_NOT_FOUND', 'refresh-list'),
  BOT_ID_REQUIRED: entry('request', 'error.BOT_ID_REQUIRED', 'reload'),
  BOT_TOKEN_NOT_SPECIFIED: entry('request', 'error.BOT_TOKEN_NOT_SPECIFIED', 'reload'),
  WRONG_AUTH_TYPE: entry('request', 'error.WRONG_AUTH_TYPE', 'reload', needsNewSession),
  WRONG_REQUEST: entry('refused', 'error.WRONG_REQUEST', 'retry'),
  // Codes any call can return (§4).
  INTERNAL_SERVER_ERROR: entry('portal', 'error.INTERNAL_SERVER_ERROR', 'retry'),
  ERROR_UNEXPECTED_ANSWER: entry('portal', 'error.ERROR_UNEXPECTED_ANSWER', 'retry'),
  QUERY_LIMIT_EXCEEDED: entry('rate-limit', 'error.QUERY_LIMIT_EXCEEDED', 'wait-and-retry', {
    retriesItself: true,
  }),
  OPERATION_TIME_LIMIT: entry('paused', 'error.OPERATION_TIME_LIMIT', 'retry-later'),
  ERROR_BATCH_METHOD_NOT_ALLOWED: entry('request', 'error.ERROR_BATCH_METHOD_NOT_ALLOWED', 'retry'),
  ERROR_BATCH_LENGTH_EXCEEDED: entry('request', 'error.ERROR_BATCH_LENGTH_EXCEEDED', 'retry'),
  NO_AUTH_FOUND: entry('session', 'error.NO_AUTH_FOUND', 'reload', needsNewSession),
  INVALID_REQUEST: entry('portal', 'error.INVALID_REQUEST', 'none', needsNewSession),
  OVERLOAD_LIMIT: entry('portal', 'error.OVERLOAD_LIMIT', 'none', needsNewSession),
  ACCESS_DENIED: entry('permission', 'error.ACCESS_DENIED', 'none', needsNewSession),
  INVALID_CREDENTIALS: entry('permission', 'error.INVALID_CREDENTIALS', 'none', needsNewSession),
  ERROR_MANIFEST_IS_NOT_AVAILABLE: entry('portal', 'error.ERROR_MANIFEST_IS_NOT_AVAILABLE', 'retry'),
  insufficient_scope: entry('scope', 'error.insufficient_scope', 'none', needsNewSession),
  expired_token: entry('session', 'error.expired_token', 'reload', needsNewSession),
  invalid_token: entry('session', 'error.invalid_token', 'reload', needsNewSession),
  user_access_error: entry('permission', 'error.user_access_error', 'none', needsNewSession),
  PORTAL_DELETED: entry('portal', 'error.PORTAL_DELETED', 'none', needsNewSession),
  // A portal that predates imbot.v2 (404 on an unknown method).
  ERROR_METHOD_NOT_FOUND: entry('too-old', 'error.ERROR_METHOD_NOT_FOUND', 'remove-by-id', needsNewSession),
  // Failures without a Bitrix24 answer: the request may or may not have been carried out.
  NETWORK_ERROR: entry('network', 'error.NETWORK_ERROR', 'retry'),
  REQUEST_TIMEOUT: entry('network', 'error.REQUEST_TIMEOUT', 'retry'),
  MALFORMED_ANSWER: entry('malformed', 'error.MALFORMED_ANSWER', 'retry'),
  // Connecting to the Bitrix24 page.
  HANDSHAKE_TIMEOUT: entry('connection', 'error.HANDSHAKE_TIMEOUT', 'reload', needsNewSession),
  HANDSHAKE_FAILED: entry('connection', 'error.HANDSHAKE_FAILED', 'reload', needsNewSession),
  OUTSIDE_BITRIX24: entry('connection', 'error.OUTSIDE_BITRIX24', 'none', needsNewSession),
}

/** Anything Bitrix24 may answer that this catalogue does not know: a plain "refused", code under details. */
export const unknownErrorEntry: ErrorEntry = entry('unknown', 'error.unknown', 'retry')

/** SDK codes that mean the same as a catalogued one. */
const aliases: Readonly<Record<string, string>> = {
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: 'expired_token',
  ERR_NETWORK: 'NETWORK_ERROR',
  ECONNABORTED: 'REQUEST_TIMEOUT',
  JSSDK_CLIENT_SIDE_WARNING: 'OUTSIDE_BITRIX24',
}

export function describeError(error: Pick<PortalErrorShape, 'code'>): ErrorEntry {
  const code = aliases[error.code] ?? error.code
  return Object.hasOwn(errorCatalogue, code) ? (errorCatalogue[code] as ErrorEntry) : unknownErrorEntry
}

/** How long OPERATION_TIME_LIMIT may last: Bitrix24 lifts it by itself within 10 minutes. */
export const operatingLimitWindowMs = 10 * 60 * 1000
