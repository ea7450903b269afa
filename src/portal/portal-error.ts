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

/** Turns anything thrown while talking to Bitrix24 into a PortalError, keeping code and status when known. */
export function toPortalError(error: unknown, method: string): PortalError {
  if (error instanceof PortalError) return error
  if (typeof error === 'object' && error !== null) {
    const record = error as { code?: unknown; status?: unknown; message?: unknown }
    const code = typeof record.code === 'string' && record.code !== '' ? record.code : localErrorCodes.unknown
    const status = typeof record.status === 'number' ? record.status : 0
    const description = typeof record.message === 'string' ? record.message : ''
    return new PortalError({ code, status, description, method })
  }
  return new PortalError({ code: localErrorCodes.unknown, status: 0, description: String(error), method })
}
