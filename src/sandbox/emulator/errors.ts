import type { RestErrorBody } from './types.ts'

/**
 * Every error code the portal can answer, with its HTTP status and the words Bitrix24 uses.
 * Sources: reference/bitrix24.md §3 (method-level codes, all HTTP 400) and §4 (codes any call can return).
 */
interface ErrorDefinition {
  status: number
  description: string
}

/** §4: errors any call can return. */
export const GENERIC_ERRORS: Readonly<Record<string, ErrorDefinition>> = {
  INTERNAL_SERVER_ERROR: { status: 500, description: 'Internal server error' },
  ERROR_UNEXPECTED_ANSWER: { status: 500, description: 'The server returned an unexpected answer' },
  QUERY_LIMIT_EXCEEDED: { status: 503, description: 'Too many requests' },
  OPERATION_TIME_LIMIT: {
    status: 429,
    description: 'The method is blocked by the operating-time limit; lifts by itself within 10 minutes',
  },
  // methodsBatch's own words (rest/classes/general/rest_provider.php).
  ERROR_BATCH_METHOD_NOT_ALLOWED: { status: 405, description: 'Method is not allowed for batch usage' },
  ERROR_BATCH_LENGTH_EXCEEDED: { status: 400, description: 'Max batch length exceeded' },
  NO_AUTH_FOUND: { status: 401, description: 'Wrong access token or webhook code' },
  INVALID_REQUEST: { status: 400, description: 'HTTPS required' },
  OVERLOAD_LIMIT: { status: 503, description: 'REST API blocked for overload; only support can lift it' },
  ACCESS_DENIED: { status: 403, description: 'REST API is available only on commercial plans' },
  INVALID_CREDENTIALS: {
    status: 403,
    description: 'The user behind the token or webhook lacks permission',
  },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: { status: 404, description: 'Manifest not available' },
  insufficient_scope: {
    status: 403,
    description: 'The token or webhook lacks the scope the method needs',
  },
  expired_token: { status: 401, description: 'The access token provided has expired' },
  user_access_error: {
    status: 403,
    description: 'The app is installed, but the admin allowed it only to certain users',
  },
  // rest/classes/general/rest.php: the site is stopped (its public part closed); 403, in the server's words.
  PORTAL_DELETED: { status: 403, description: 'Portal was deleted' },
  ERROR_METHOD_NOT_FOUND: { status: 404, description: 'Method not found!' },
}

/** §3: the methods' own codes. Bitrix24 answers them with HTTP 400. */
export const METHOD_ERRORS: Readonly<Record<string, ErrorDefinition>> = {
  // The imbot.v2 controllers' own words (imbot/lib/V2/Controller/BotController.php).
  BOT_TOKEN_NOT_SPECIFIED: {
    status: 400,
    description: 'Bot token not specified (botToken is required for webhook auth)',
  },
  // What older cloud builds answered instead (shared/reference/live-portal.md); their wording is not known.
  CLIENT_ID_NOT_SPECIFIED: { status: 400, description: 'Client ID not specified' },
  BOT_ID_REQUIRED: { status: 400, description: 'botId is required' },
  BOT_NOT_FOUND: { status: 400, description: 'Bot not found' },
  BOT_OWNERSHIP_ERROR: { status: 400, description: 'Bot was installed by another rest application' },
  COMMAND_NOT_FOUND: { status: 400, description: 'Command not found' },
  COMMAND_ID_ERROR: { status: 400, description: 'Command not found' },
  APP_ID_ERROR: { status: 400, description: 'Command was installed by another rest application' },
  WRONG_REQUEST: { status: 400, description: "Command can't be deleted" },
  WRONG_AUTH_TYPE: {
    status: 400,
    description: 'Access for this method not allowed by session authorization',
  },
  // imbot.v2.Command.register / update, in the controller's words (imbot/lib/V2/Controller/Command.php).
  COMMAND_NAME_INVALID: { status: 400, description: 'Command name must be a string' },
  COMMAND_REQUIRED: { status: 400, description: 'Command is required' },
  COMMAND_NAME_EMPTY: { status: 400, description: 'Command name cannot be empty' },
  COMMAND_ALREADY_EXISTS: { status: 400, description: 'Command with this name already exists' },
  COMMAND_TITLE_REQUIRED: { status: 400, description: 'Title is required for visible commands' },
  COMMAND_TITLE_INVALID: { status: 400, description: 'Title must be an object with language keys' },
  COMMAND_REGISTER_FAILED: { status: 400, description: 'Command registration failed' },
  // v1 imbot.command.update on a bot in fetch mode (the mode imbot.v2.Bot.register gives by default).
  FETCH_NOT_SUPPORTED: {
    status: 400,
    description: 'This bot uses FETCH mode. Use imbot.v2.Command.update instead.',
  },
}

/** Codes the emulator produces itself that neither table lists (parameter validation, v1 register, OAuth). */
const SANDBOX_ERRORS: Readonly<Record<string, ErrorDefinition>> = {
  INVALID_ARG_VALUE: { status: 400, description: 'Invalid value of a parameter' },
  BOT_ID_ERROR: { status: 400, description: 'Bot not found' },
  invalid_token: { status: 401, description: 'The access token provided is invalid' },
}

/**
 * Codes the REST layer answers itself, before or around the method (token and auth checks, limits, routing, the
 * plan check, batch): no imbot.v2 controller raises them, so a live portal keeps their statuses for v2 methods
 * too. Every other error of a v2 method comes from its controller, which live portals answer with HTTP 400.
 */
const TRANSPORT_CODES: ReadonlySet<string> = new Set([
  'NO_AUTH_FOUND',
  'expired_token',
  'invalid_token',
  'insufficient_scope',
  // Raised by the OAuth and webhook auth (rest/lib/oauth/auth.php, rest/lib/apauth/auth.php), not by a method.
  'user_access_error',
  'INVALID_CREDENTIALS',
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'OVERLOAD_LIMIT',
  'ERROR_METHOD_NOT_FOUND',
  'INVALID_REQUEST',
  'ACCESS_DENIED',
  'PORTAL_DELETED',
  'ERROR_BATCH_LENGTH_EXCEEDED',
  'ERROR_BATCH_METHOD_NOT_ALLOWED',
])

export function isTransportCode(code: string): boolean {
  return TRANSPORT_CODES.has(code)
}

/** Every code of §3 and §4, for the control panel's code picker. */
export const KNOWN_ERROR_CODES: readonly string[] = [
  ...Object.keys(METHOD_ERRORS),
  ...Object.keys(GENERIC_ERRORS),
]

function definitionOf(code: string): ErrorDefinition {
  return (
    GENERIC_ERRORS[code] ??
    METHOD_ERRORS[code] ??
    SANDBOX_ERRORS[code] ?? { status: 400, description: `Error ${code} (injected by the sandbox)` }
  )
}

/** HTTP status for a code; an unknown code (free text in the fault form) gets 400. */
export function statusOf(code: string): number {
  return definitionOf(code).status
}

/** A REST failure raised inside a method handler; the portal turns it into the error envelope. */
export class RestError extends Error {
  readonly code: string
  readonly status: number
  readonly description: string

  constructor(code: string, description?: string, status?: number) {
    const definition = definitionOf(code)
    const text = description ?? definition.description
    super(`${code}: ${text}`)
    this.name = 'RestError'
    this.code = code
    this.status = status ?? definition.status
    this.description = text
  }

  /** The same error answered with another HTTP status. */
  withStatus(status: number): RestError {
    return status === this.status ? this : new RestError(this.code, this.description, status)
  }

  toBody(): RestErrorBody {
    return { error: this.code, error_description: this.description }
  }
}
