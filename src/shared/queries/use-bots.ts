import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { listBots } from '../../imbot'
import { toPortalError, usePortalClient } from '../../portal'
import { useCommandsLoader } from './imbot-context'
import { commandKeys } from './keys'
import { commandListQuery } from './use-command-lists'

/**
 * The application's bots (every page of imbot.v2.Bot.list); failures reach the page as a PortalError. The first
 * page's request brings the commands of its first bots too (listBots): those lists are the queries' data at once.
 * Any other bot's commands are fetched as its page arrives, while the next page is read (live portals offer one more,
 * empty, page whenever a page is full, and the commands need not wait for it). So commands show after one round trip
 * for up to 16 bots, two for up to 50.
 */
export function useBots() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const loader = useCommandsLoader()
  return useQuery({
    queryKey: commandKeys.bots(),
    queryFn: () =>
      listBots(client, (bots, lists) => {
        for (const bot of bots) {
          const listing = lists.get(bot.id)
          if (listing) queryClient.setQueryData(commandKeys.list(bot.id), listing)
          else void queryClient.prefetchQuery(commandListQuery(loader, bot.id))
        }
        // The page's other lists leave now, with the next page of bots, not after the page's render.
        loader.flush()
      }).catch((error: unknown) => {
        throw toPortalError(error, 'imbot.v2.Bot.list')
      }),
  })
}

/** Reads a bot and its commands again: a stale row or section may mean the bot itself changed. */
export function useRefreshBot(): (botId: number) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (botId: number) => {
      void queryClient.invalidateQueries({ queryKey: commandKeys.bots() })
      void queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) })
    },
    [queryClient],
  )
}
