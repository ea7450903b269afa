import { slowDownCodes } from '../../imbot'
import type { PortalError } from '../../portal'

// The one retry policy of the app, for lists and removals alike. The SDK has already retried what it could
// (lost connections, 503s); the app tries again by itself only where the error catalogue says waiting helps
// (Bitrix24 asking to slow down), a couple of times, waiting longer each time.

/** How many times the app itself tries again after the SDK gave up. */
export const ownRetries = 2

/** The wait before the app's own attempt number `attempt` (0-based): 2 s, 4 s, 8 s… */
export const retryDelay = (attempt: number): number => 2000 * 2 ** attempt

/** Whether to try again after the failed attempt number `failures` (0-based) ended in `error` (TanStack Query's `retry`). */
export const shouldRetry = (failures: number, error: PortalError): boolean =>
  failures < ownRetries && slowDownCodes.has(error.code)
