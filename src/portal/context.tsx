import { createContext, type ReactNode, useContext } from 'react'
import type { PortalClient } from './types'

const PortalClientContext = createContext<PortalClient | null>(null)

export function PortalClientProvider({ client, children }: { client: PortalClient; children: ReactNode }) {
  return <PortalClientContext.Provider value={client}>{children}</PortalClientContext.Provider>
}

/** The connected Bitrix24 client; only rendered under a connected app. */
export function usePortalClient(): PortalClient {
  const client = useContext(PortalClientContext)
  if (!client) throw new Error('usePortalClient() needs a PortalClientProvider above it')
  return client
}
