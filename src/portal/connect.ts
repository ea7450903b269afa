import { isInsideBitrix24 } from './frame-context'
import { localErrorCodes, PortalError } from './portal-error'
import type { PortalClient } from './types'

/** How long the parent page may take to answer the handshake before the user is told. */
export const handshakeTimeoutMs = 6000

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
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new PortalError({
          code: localErrorCodes.handshakeTimeout,
          status: 0,
          description: `The Bitrix24 page did not answer getInitData within ${timeoutMs} ms.`,
          method: 'getInitData',
        }),
      )
    }, timeoutMs)
  })
  try {
    const { connectFrame } = await import('./frame-client')
    return await Promise.race([connectFrame(), timeout])
  } finally {
    clearTimeout(timer)
  }
}
