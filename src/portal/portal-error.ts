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
  declare readonly code: string
  declare readonly status: number
  declare readonly description: string
  declare readonly method: string
  declare readonly operatingResetAt?: number

  constructor(shape: PortalErrorShape) {
    super(`${shape.code}${shape.method ? ` (${shape.method})` : ''}: ${shape.description}`)
    Object.assign(this, shape)
  }

  /** The shape's fields are the error's only own enumerable properties (`name` is the prototype's). */
  toShape(): PortalErrorShape {
    return { ...this }
  }
}
PortalError.prototype.name = 'PortalError'

/**
 * An answer the app cannot read, or no answer where one was due: MALFORMED_ANSWER, naming what was wrong. `status`
 * is the HTTP status it came with (200 for an answer that came; 0 where none did).
 */
export function malformedAnswer(method: string, description: string, status = 200): PortalError {
  return new PortalError({ code: localErrorCodes.malformedAnswer, status, description, method })
}

/**
 * The code of a Bitrix24 error body. Errors the server builds without a code (`Main\Error`'s default, such as
 * "Invalid csrf token") come as `"0"`: no code, to be worded by their description, as an empty one is.
 */
export function bitrixErrorCode(value: unknown): string {
  return typeof value === 'string' && value !== '0' ? value : ''
}

/**
 * Anything thrown as a PortalError, keeping the code, status and text it has. What the SDK throws is read closely
 * (its wrappers, Bitrix24's error body, an answer that is not Bitrix24's) by sdk-failure.ts, which the portal
 * client loads when a call fails: the app's other failures are PortalErrors already, or its own.
 */
export function toPortalError(error: unknown, method: string): PortalError {
  if (error instanceof PortalError) return error
  const thrown: { code?: unknown; status?: unknown; message?: unknown } =
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  return new PortalError({
    code: (typeof thrown.code === 'string' && thrown.code) || localErrorCodes.unknown,
    status: typeof thrown.status === 'number' ? thrown.status : 0,
    description: typeof thrown.message === 'string' ? thrown.message : '',
    method,
  })
}
