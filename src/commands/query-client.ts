import { QueryClient } from '@tanstack/react-query'
import type { PortalError } from '../portal'
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
        staleTime: 30_000,
        // The frame gains and loses focus as the user works in Bitrix24; that is no reason to spend requests.
        refetchOnWindowFocus: false,
      },
    },
  })
}
