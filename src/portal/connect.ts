import { isInsideBitrix24 } from './frame-context'
import { localErrorCodes, PortalError } from './portal-error'
import type { PortalClient } from './types'

/** How long the parent page may take to answer the handshake before the user is told. */
export const handshakeTimeoutMs = 6000

/** The handshake still under way behind a HANDSHAKE_TIMEOUT: a Bitrix24 page that answers late is taken. */
const lateHandshakes = new WeakMap<PortalError, Promise<PortalClient>>()

/** The connection that may still come after `error` (a handshake that timed out), if any. */
export function lateConnection(error: PortalError): Promise<PortalClient> | undefined {
  return lateHandshakes.get(error)
}

/**
 * Connects to the Bitrix24 page around the app. The SDK is loaded only here, in its own chunk, so the
 * page shell paints before it arrives. Rejects with a PortalError: OUTSIDE_BITRIX24, HANDSHAKE_TIMEOUT
 * or HANDSHAKE_FAILED.
 */
export async function connect({ timeoutMs = handshakeTimeoutMs } = {}): Promise<PortalClient> {
  if (!isInsideBitrix24()) {
    throw new PortalError({
      code: localErrorCodes.outsideBitrix24,
      status: 0,
      description: 'The page was opened outside a Bitrix24 frame (no window.name).',
      method: 'getInitData',
    })
  }
  const handshake = import('./on-demand/frame-client').then(({ connectFrame }) => connectFrame())
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new PortalError({
        code: localErrorCodes.handshakeTimeout,
        status: 0,
        description: `The Bitrix24 page did not answer getInitData within ${timeoutMs} ms.`,
        method: 'getInitData',
      })
      lateHandshakes.set(error, handshake)
      reject(error)
    }, timeoutMs)
  })
  try {
    return await Promise.race([handshake, timeout])
  } finally {
    clearTimeout(timer)
  }
}
