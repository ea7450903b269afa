import { QueryClient } from '@tanstack/react-query'
import type { PortalError } from '../../portal'
import { retryDelay, shouldRetry } from './retry-policy'

declare module '@tanstack/react-query' {
  // Every query and mutation of the app fails with a PortalError (the portal layer guarantees it).
  interface Register {
    defaultError: PortalError
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // A list read over 30 s ago is stale: it is read again when the tab comes back to the front, as another
        // tab or another admin may have changed it meanwhile (refetchOnWindowFocus, on by default). TanStack Query
        // v5 listens to the document's visibility for it, not to the frame's focus, which comes and goes as the
        // user works in Bitrix24.
        staleTime: 30_000,
      },
    },
  })
}
