import { QueryClient } from '@tanstack/react-query'
import { describeError } from '../imbot'
import type { PortalError } from '../portal'

declare module '@tanstack/react-query' {
  // Every query and mutation of the app fails with a PortalError (the portal layer guarantees it).
  interface Register {
    defaultError: PortalError
  }
}

/** How many times a list is fetched again by itself when Bitrix24 asks to slow down. */
const listRetries = 2

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The SDK already retried; the app retries again only where the catalogue says waiting helps.
        retry: (failures, error) => failures < listRetries && describeError(error).retriesItself,
        retryDelay: (attempt) => 2000 * 2 ** attempt,
        staleTime: 30_000,
        // The frame gains and loses focus as the user works in Bitrix24; that is no reason to spend requests.
        refetchOnWindowFocus: false,
      },
    },
  })
}
