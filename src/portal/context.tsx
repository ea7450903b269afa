import { createContext, type ReactNode, useContext } from 'react'
import type { PortalClient } from './types'

interface PortalConnection {
  client: PortalClient
  /** Webhook mode: forgets the webhook and its token, back to the page that connects. */
  disconnect?: () => void
}

const PortalConnectionContext = createContext<PortalConnection | null>(null)

export function PortalClientProvider({
  client,
  disconnect,
  children,
}: PortalConnection & { children: ReactNode }) {
  return (
    <PortalConnectionContext.Provider value={{ client, disconnect }}>
      {children}
    </PortalConnectionContext.Provider>
  )
}

/** The connected Bitrix24 client; only rendered under a connected app. */
export function usePortalClient(): PortalClient {
  const connection = useContext(PortalConnectionContext)
  if (!connection) throw new Error('usePortalClient() needs a PortalClientProvider above it')
  return connection.client
}

/** The connection, where there is one (a notice shown before connecting has none). */
export function usePortalConnection(): PortalConnection | null {
  return useContext(PortalConnectionContext)
}
