import type { MessageKey } from '../../i18n'
import { localErrorCodes, type PortalErrorShape } from '../../portal'
import { slowDownCodes, tooOldCode } from '../error-codes'

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
  /** The address answered, but not as a Bitrix24 REST server does (a web page, other JSON, a sign-in page). */
  | 'not-bitrix'
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
  /** Webhook mode: disconnect, and connect again with the right webhook or token. */
  | 'reconnect'
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

type CatalogueRow = Omit<ErrorEntry, 'message'>

const entry = (kind: ErrorKind, recovery: Recovery, { refetchList = true } = {}): CatalogueRow => ({
  kind,
  recovery,
  refetchList,
  retriesItself: false,
})

const needsNewSession = { refetchList: false }

/**
 * Every code Bitrix24 can answer to this app (bitrix24.md §3 and §4, and what its server code answers beyond them),
 * some codes once more by the cause their description names (`CODE.cause`, see `causes`), the codes the SDK and the
 * app give to failures of their own, and the fallback for anything else. A test keeps this in step with the reference.
 */
const rows: Readonly<Record<string, CatalogueRow>> = {
  // The methods' own codes (§3).
  COMMAND_ID_ERROR: entry('not-found', 'refresh-list'),
  COMMAND_NOT_FOUND: entry('not-found', 'refresh-list'),
  // "Command not found or access denied" (another application's command) or "… belongs to a different bot".
  'COMMAND_NOT_FOUND.owner': entry('foreign', 'none'),
  APP_ID_ERROR: entry('foreign', 'none'),
  BOT_OWNERSHIP_ERROR: entry('foreign', 'none'),
  BOT_NOT_FOUND: entry('not-found', 'refresh-list'),
  BOT_ID_REQUIRED: entry('request', 'reload'),
  BOT_TOKEN_NOT_SPECIFIED: entry('request', 'reload'),
  CLIENT_ID_NOT_SPECIFIED: entry('request', 'reload'),
  WRONG_AUTH_TYPE: entry('request', 'reload', needsNewSession),
  WRONG_REQUEST: entry('refused', 'retry'),
  // Changing and registering commands (imbot.v2.Command.update / register; live builds' codes too).
  COMMAND_ALREADY_EXISTS: entry('refused', 'none'),
  COMMAND_NAME_EMPTY: entry('request', 'none'),
  COMMAND_REQUIRED: entry('request', 'none'),
  COMMAND_NAME_INVALID: entry('request', 'none'),
  COMMAND_TITLE_REQUIRED: entry('request', 'none'),
  COMMAND_TITLE_INVALID: entry('request', 'none'),
  COMMAND_REGISTER_FAILED: entry('refused', 'retry'),
  FETCH_NOT_SUPPORTED: entry('request', 'none'),
  // Codes any call can return (§4).
  INTERNAL_SERVER_ERROR: entry('portal', 'retry'),
  ERROR_UNEXPECTED_ANSWER: entry('portal', 'retry'),
  QUERY_LIMIT_EXCEEDED: entry('rate-limit', 'wait-and-retry'),
  OPERATION_TIME_LIMIT: entry('paused', 'retry-later'),
  ERROR_BATCH_METHOD_NOT_ALLOWED: entry('request', 'retry'),
  ERROR_BATCH_LENGTH_EXCEEDED: entry('request', 'retry'),
  NO_AUTH_FOUND: entry('session', 'reload', needsNewSession),
  INVALID_REQUEST: entry('portal', 'none', needsNewSession),
  OVERLOAD_LIMIT: entry('portal', 'none', needsNewSession),
  ACCESS_DENIED: entry('permission', 'none', needsNewSession),
  'ACCESS_DENIED.plan': entry('permission', 'none', needsNewSession),
  'ACCESS_DENIED.subscription': entry('permission', 'none', needsNewSession),
  'ACCESS_DENIED.user': entry('permission', 'reload', needsNewSession),
  INVALID_CREDENTIALS: entry('permission', 'none', needsNewSession),
  ERROR_MANIFEST_IS_NOT_AVAILABLE: entry('portal', 'retry'),
  insufficient_scope: entry('scope', 'none', needsNewSession),
  expired_token: entry('session', 'reload', needsNewSession),
  invalid_token: entry('session', 'reload', needsNewSession),
  user_access_error: entry('permission', 'none', needsNewSession),
  PORTAL_DELETED: entry('portal', 'none', needsNewSession),
  // The REST layer's codes beyond §4 (rest/lib/oauth/auth.php, rest/lib/apauth/auth.php, rest/lib/restexception.php,
  // rest/lib/licenseexception.php). The auth codes come before the method runs: nothing was done.
  APPLICATION_NOT_FOUND: entry('permission', 'none', needsNewSession),
  authorization_error: entry('session', 'reload', needsNewSession),
  CONNECTION_ERROR: entry('portal', 'retry', needsNewSession),
  WRONG_LICENSE: entry('permission', 'none', needsNewSession),
  ERROR_CORE: entry('portal', 'retry'),
  ERROR_ARGUMENT: entry('request', 'reload'),
  // A portal that predates imbot.v2 (404 on an unknown method).
  [tooOldCode]: entry('too-old', 'remove-by-id', needsNewSession),
  // Failures without a Bitrix24 answer: the request may or may not have been carried out.
  NETWORK_ERROR: entry('network', 'retry'),
  REQUEST_TIMEOUT: entry('network', 'retry'),
  MALFORMED_ANSWER: entry('malformed', 'retry'),
  // Not Bitrix24's answer (sdk-failure.ts): something in front of the portal, or another address.
  NOT_BITRIX24_ANSWER: entry('not-bitrix', 'retry'),
  // A failure inside the app or the SDK: no answer from Bitrix24 to word.
  UNKNOWN_ERROR: entry('unknown', 'retry'),
  // Connecting to the Bitrix24 page.
  HANDSHAKE_TIMEOUT: entry('connection', 'reload', needsNewSession),
  HANDSHAKE_FAILED: entry('connection', 'reload', needsNewSession),
  OUTSIDE_BITRIX24: entry('connection', 'none', needsNewSession),
}

/**
 * Each code's message is `error.{code}` in the dictionaries (a test checks every one exists, in every language);
 * the codes worth waiting for are error-codes.ts's (the page needs them before this chunk).
 */
export const errorCatalogue: Readonly<Record<string, ErrorEntry>> = Object.fromEntries(
  Object.entries(rows).map(([code, row]) => [
    code,
    { ...row, message: `error.${code}` as MessageKey, retriesItself: slowDownCodes.has(code) },
  ]),
)

/** Anything Bitrix24 may answer that this catalogue does not know: a plain "refused", code under details. */
export const unknownErrorEntry: ErrorEntry = { ...entry('unknown', 'retry'), message: 'error.unknown' }

/** SDK codes that mean the same as a catalogued one. */
const aliases: Readonly<Record<string, string>> = {
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: 'expired_token',
  ERR_NETWORK: 'NETWORK_ERROR',
  ECONNABORTED: 'REQUEST_TIMEOUT',
  JSSDK_CLIENT_SIDE_WARNING: 'OUTSIDE_BITRIX24',
  JSSDK_UNKNOWN_ERROR: 'UNKNOWN_ERROR',
  JSSDK_INTERNAL_ERROR: 'UNKNOWN_ERROR',
}

/**
 * Codes whose cause only the description tells, with the texts Bitrix24's server code gives them, and the entry for
 * each cause; a description none of them matches keeps the code's own entry.
 */
const causes: Readonly<Record<string, readonly (readonly [RegExp, string])[]>> = {
  ACCESS_DENIED: [
    // im/classes/general/im_rest.php: a v1 call through a webhook without CLIENT_ID.
    [/client id/i, 'CLIENT_ID_NOT_SPECIFIED'],
    // rest/lib/oauth/auth.php: "REST is available only on commercial plans."
    [/commercial plan/i, 'ACCESS_DENIED.plan'],
    // rest/lib/apauth/auth.php (webhooks): "REST is available only by subscription."
    [/subscription/i, 'ACCESS_DENIED.subscription'],
    // rest/lib/oauth/auth.php: "Current user can't be authorized in this context" (an unconfirmed or unused account).
    [/can.?t be authori[sz]ed|cannot be authori[sz]ed/i, 'ACCESS_DENIED.user'],
  ],
  // imbot/lib/V2/Controller/Command.php: "Command not found or access denied" (Im\Command refused: another owner) and
  // "Command belongs to a different bot"; plain "Command not found" is not found.
  COMMAND_NOT_FOUND: [[/access denied|different bot/i, 'COMMAND_NOT_FOUND.owner']],
}

type Described = Pick<PortalErrorShape, 'code'> & Partial<Pick<PortalErrorShape, 'description'>>

/** The catalogue's key for an error: its code (or the catalogued code it stands for), or `CODE.cause`. */
export function catalogueKey({ code, description = '' }: Described): string {
  const known = aliases[code] ?? code
  const byCause = Object.hasOwn(causes, known) ? causes[known] : undefined
  return byCause?.find(([pattern]) => pattern.test(description))?.[1] ?? known
}

/** The catalogue's entry for an error, by its code and, where the code has several causes, its description. */
export function describeError(error: Described): ErrorEntry {
  const key = catalogueKey(error)
  return Object.hasOwn(errorCatalogue, key) ? (errorCatalogue[key] as ErrorEntry) : unknownErrorEntry
}

/** Codes of failures the app, the SDK or the HTTP library named: their description is not Bitrix24's words. */
const appCodes: ReadonlySet<string> = new Set([
  ...Object.values(localErrorCodes),
  'NOT_BITRIX24_ANSWER',
  'ECONNABORTED',
])

/** Whether an error's description is Bitrix24's own words (shown as "Bitrix24 said"), not the app's or the SDK's. */
export const saidByBitrix24 = (code: string): boolean => !appCodes.has(code) && !/^(JSSDK_|ERR_)/.test(code)

/** Whether the entry's recovery is to try again (now, after a wait, or later): a retry is worth offering. */
export const offersRetry = ({ recovery }: Pick<ErrorEntry, 'recovery'>): boolean =>
  recovery === 'retry' || recovery === 'wait-and-retry' || recovery === 'retry-later'

/** How long OPERATION_TIME_LIMIT may last: Bitrix24 lifts it by itself within 10 minutes. */
export const operatingLimitWindowMs = 10 * 60 * 1000

/**
 * When an operating-time pause that began at `at` ends: when Bitrix24 said its count resets (`operatingResetAt`), or
 * else, as the reference says, within 10 minutes.
 */
export function operatingLimitEndsAt(error: Pick<PortalErrorShape, 'operatingResetAt'>, at: number): number {
  const said = (error.operatingResetAt ?? 0) * 1000
  return said > at ? said : at + operatingLimitWindowMs
}
