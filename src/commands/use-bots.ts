import { useQuery } from '@tanstack/react-query'
import { listBots } from '../imbot'
import { toPortalError, usePortalClient } from '../portal'
import { commandKeys } from './keys'

/** The application's bots (every page of imbot.v2.Bot.list); failures reach the page as a PortalError. */
export function useBots() {
  const client = usePortalClient()
  return useQuery({
    queryKey: commandKeys.bots(),
    queryFn: () =>
      listBots(client).catch((error: unknown) => {
        throw toPortalError(error, 'imbot.v2.Bot.list')
      }),
  })
}
