import { useQueries, useQuery } from '@tanstack/react-query'
import { type Bot, listBots } from '../imbot'
import { toPortalError, usePortalClient } from '../portal'
import { useCommandsLoader } from './imbot-context'
import { commandKeys } from './keys'

export function useBots() {
  const client = usePortalClient()
  return useQuery({
    queryKey: commandKeys.bots(),
    queryFn: () => listBots(client).catch(rethrowAs('imbot.v2.Bot.list')),
  })
}

/** One query per bot, so each bot's list loads, fails and refetches on its own. */
export function useBotCommands(bots: readonly Bot[]) {
  const loader = useCommandsLoader()
  return useQueries({
    queries: bots.map((bot) => ({
      queryKey: commandKeys.list(bot.id),
      queryFn: () => loader.load(bot.id).catch(rethrowAs('imbot.v2.Command.list')),
    })),
  })
}

/** Whatever went wrong reaches the page as a PortalError, so the error catalogue can describe it. */
const rethrowAs =
  (method: string) =>
  (error: unknown): never => {
    throw toPortalError(error, method)
  }
