import { useEffect, useState } from 'react'
import { lateConnection, type PortalClient, type PortalError, toPortalError } from '../portal'

export type Connection =
  | { status: 'connecting' }
  | { status: 'connected'; client: PortalClient }
  | { status: 'failed'; error: PortalError }

/** Follows the one connection attempt started before React rendered (so StrictMode cannot start two). */
export function useConnection(attempt: Promise<PortalClient>): Connection {
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' })
  useEffect(() => {
    let current = true
    const connected = (client: PortalClient) => current && setConnection({ status: 'connected', client })
    attempt.then(connected, (error: unknown) => {
      const failure = toPortalError(error, 'getInitData')
      if (current) setConnection({ status: 'failed', error: failure })
      // A Bitrix24 page that answers after the time-out is still taken: the app appears without a reload.
      lateConnection(failure)?.then(connected, () => undefined)
    })
    return () => {
      current = false
    }
  }, [attempt])
  return connection
}
