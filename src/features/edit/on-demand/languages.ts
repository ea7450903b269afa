import { useQueryClient } from '@tanstack/react-query'
import type { BotListing } from '../../../imbot'
import { usePortalClient } from '../../../portal'
import { titleLanguage } from '../../../shared/command/on-demand/title-language'
import { commandKeys } from '../../../shared/queries/keys'

/**
 * The language of the titles and hints the bot's list shows, which the form edits (see titleLanguage): the bot's
 * `language` from Bot.list, read from the page's list of bots. Not the frame's language: that is the user's.
 */
export function useTitleLanguage(botId: number): string {
  const queryClient = useQueryClient()
  const { lang } = usePortalClient()
  const bots = queryClient.getQueryData<BotListing>(commandKeys.bots())
  return titleLanguage(
    bots?.items.find((bot) => bot.id === botId),
    lang,
  )
}
