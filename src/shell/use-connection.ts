import { useEffect, useState } from 'react'
import { type PortalClient, type PortalError, toPortalError } from '../portal'

export type Connection =
  | { status: 'connecting' }
  | { status: 'connected'; client: PortalClient }
  | { status: 'failed'; error: PortalError }

/** Follows the one connection attempt started before React rendered (so StrictMode cannot start two). */
export function useConnection(attempt: Promise<PortalClient>): Connection {
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' })
  useEffect(() => {
    let current = true
    attempt.then(
      (client) => current && setConnection({ status: 'connected', client }),
      (error: unknown) =>
        current && setConnection({ status: 'failed', error: toPortalError(error, 'getInitData') }),
    )
    return () => {
      current = false
    }
  }, [attempt])
  return connection
}
