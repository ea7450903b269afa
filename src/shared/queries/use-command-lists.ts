import { type QueryObserverResult, queryOptions, useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Bot, Command, CommandListing } from '../../imbot'
import { type PortalError, toPortalError } from '../../portal'
import type { CommandsLoader } from './commands-loader'
import { useCommandsLoader } from './imbot-context'
import { commandKeys } from './keys'

/** The query of one bot's commands (the page's, and the prefetch that starts while bots are still paged). */
export const commandListQuery = (loader: CommandsLoader, botId: number) =>
  queryOptions({
    queryKey: commandKeys.list(botId),
    queryFn: () =>
      loader.load(botId).catch((error: unknown) => {
        throw toPortalError(error, 'imbot.v2.Command.list')
      }),
  })

/** One bot's commands as the page knows them. */
export interface BotCommands {
  bot: Bot
  listing: CommandListing | undefined
  error: PortalError | null
  isPending: boolean
  isFetching: boolean
  refetch: () => void
  /** Stops waiting for a list that does not come (the request is left to end on its own). */
  cancel: () => void
}

export interface CommandLists {
  byBot: BotCommands[]
  /** Every listed command by id. */
  listed: ReadonlyMap<number, Command>
  /** Whether any bot's commands are on screen. */
  anyLoaded: boolean
}

/**
 * One query per bot, so each bot's list loads, fails and refetches on its own (lists asked for together still
 * travel in one `batch`, see commands-loader.ts), combined into what the page shows: each bot with its list.
 */
export function useCommandLists(bots: readonly Bot[]): CommandLists {
  const loader = useCommandsLoader()
  const queryClient = useQueryClient()
  const combine = useCallback(
    (results: QueryObserverResult<CommandListing, PortalError>[]): CommandLists => {
      const byBot = bots.map((bot, index): BotCommands => {
        const result = results[index]
        return {
          bot,
          listing: result?.data,
          error: result?.error ?? null,
          isPending: result?.isPending ?? true,
          isFetching: result?.isFetching ?? false,
          refetch: () => void result?.refetch(),
          cancel: () => void queryClient.cancelQueries({ queryKey: commandKeys.list(bot.id) }),
        }
      })
      const listed = new Map(
        byBot.flatMap(({ listing }) => listing?.items ?? []).map((command) => [command.id, command]),
      )
      return { byBot, listed, anyLoaded: byBot.some(({ listing }) => listing !== undefined) }
    },
    [bots, queryClient],
  )
  return useQueries({ queries: bots.map((bot) => commandListQuery(loader, bot.id)), combine })
}
