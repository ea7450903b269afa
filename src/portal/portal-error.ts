import type { PortalErrorShape } from './types'

/** Codes the app itself gives to failures that Bitrix24 did not name. */
export const localErrorCodes = {
  outsideBitrix24: 'OUTSIDE_BITRIX24',
  handshakeTimeout: 'HANDSHAKE_TIMEOUT',
  handshakeFailed: 'HANDSHAKE_FAILED',
  malformedAnswer: 'MALFORMED_ANSWER',
  network: 'NETWORK_ERROR',
  timeout: 'REQUEST_TIMEOUT',
  unknown: 'UNKNOWN_ERROR',
  /** A call after (or cut short by) `PortalClient.close()`: no one is left to see it, so it has no message. */
  closed: 'CONNECTION_CLOSED',
} as const

/** Every failure that reaches the app from Bitrix24, whatever produced it, has this one shape. */
export class PortalError extends Error implements PortalErrorShape {
  readonly code: string
  readonly status: number
  readonly description: string
  readonly method: string

  constructor({ code, status, description, method }: PortalErrorShape) {
    super(`${code}${method ? ` (${method})` : ''}: ${description}`)
    this.name = 'PortalError'
    this.code = code
    this.status = status
    this.description = description
    this.method = method
  }

  toShape(): PortalErrorShape {
    return { code: this.code, status: this.status, description: this.description, method: this.method }
  }
}

/**
 * An answer the app cannot read, or no answer where one was due: MALFORMED_ANSWER, naming what was wrong. `status`
 * is the HTTP status it came with (200 for an answer that came; 0 where none did).
 */
export function malformedAnswer(method: string, description: string, status = 200): PortalError {
  return new PortalError({ code: localErrorCodes.malformedAnswer, status, description, method })
}

/**
 * Codes under which the SDK wraps another failure (its `originalError`): the wrapped one says what happened.
 * A Bitrix24 page that never answers refreshAuth, for instance, reaches the app as JSSDK_UNKNOWN_ERROR around
 * JSSDK_FRAME_REFRESH_AUTH_TIMEOUT.
 */
const wrapperCodes = new Set([
  'JSSDK_UNKNOWN_ERROR',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
  'JSSDK_INTERNAL_ERROR',
])

type Thrown = {
  code?: unknown
  status?: unknown
  message?: unknown
  originalError?: unknown
  response?: unknown
}

const asThrown = (value: unknown): Thrown | null =>
  typeof value === 'object' && value !== null ? (value as Thrown) : null

/**
 * The code of a Bitrix24 error body. Errors the server builds without a code (`Main\Error`'s default, such as
 * "Invalid csrf token") come as `"0"`: no code, to be worded by their description, as an empty one is.
 */
export function bitrixErrorCode(value: unknown): string {
  return typeof value === 'string' && value !== '0' ? value : ''
}

/**
 * Bitrix24's own error body, when the HTTP layer kept it (`response.data` of the request that failed). The SDK
 * drops the body of an error whose code is empty (live portals send such errors); the body still has the text.
 */
function bitrixBody(error: Thrown): { code: string; description: string } | null {
  const response = asThrown(error.response) as { data?: unknown } | null
  const body = asThrown(response?.data) as { error?: unknown; error_description?: unknown } | null
  if (!body || (typeof body.error !== 'string' && typeof body.error !== 'number')) return null
  return {
    code: bitrixErrorCode(body.error),
    description: typeof body.error_description === 'string' ? body.error_description : '',
  }
}

/**
 * Turns anything thrown while talking to Bitrix24 into a PortalError, keeping code and status when known. Looks
 * through the SDK's wrappers to the failure inside, and reads Bitrix24's error body where the SDK lost it. An
 * error with an empty code keeps the empty code (the catalogue calls it unknown) and its description.
 */
export function toPortalError(error: unknown, method: string): PortalError {
  if (error instanceof PortalError) return error
  const thrown = asThrown(error)
  if (!thrown) {
    return new PortalError({ code: localErrorCodes.unknown, status: 0, description: String(error), method })
  }
  const status = typeof thrown.status === 'number' ? thrown.status : 0
  const code = typeof thrown.code === 'string' ? thrown.code : ''
  const inner = asThrown(thrown.originalError)
  if (inner && wrapperCodes.has(code)) {
    const unwrapped = toPortalError(inner, method)
    if (unwrapped.code !== localErrorCodes.unknown) return unwrapped
  }
  const body = bitrixBody(thrown) ?? (inner && bitrixBody(inner))
  if (body && (code === '' || code.startsWith('ERR_'))) {
    return new PortalError({ code: body.code, status, description: body.description, method })
  }
  const description = typeof thrown.message === 'string' ? thrown.message : ''
  return new PortalError({ code: code || localErrorCodes.unknown, status, description, method })
}
