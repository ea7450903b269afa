import { useCallback, useDeferredValue, useState } from 'react'
import type { Bot } from '../../imbot'
import type { BotCommands } from '../../shared/queries/use-command-lists'
import type { SortDirection } from './filter'
import { useVisibleCommands } from './use-visible-commands'

/** The bot picker's choice of every bot. */
export const allBots = 'all'

/** Past this many bots, a picker reads better than one long page of sections. */
export const pickerThreshold = 5

/**
 * What the page shows of the bots' lists: the search (as typed, and as applied: a deferred value, so typing stays
 * quick over thousands of commands), the sort, the picked bot (null when there are too few bots for a picker), and
 * so the bots shown with their commands.
 */
export function useCommandsView(bots: readonly Bot[], lists: readonly BotCommands[]) {
  const [search, setSearch] = useState('')
  const appliedSearch = useDeferredValue(search)
  const [sort, setSort] = useState<SortDirection>('ascending')
  const [pickedBot, setPickedBot] = useState(allBots)
  const visible = useVisibleCommands(lists, appliedSearch, sort)
  const toggleSort = useCallback(() => setSort((s) => (s === 'ascending' ? 'descending' : 'ascending')), [])
  const picker = bots.length > pickerThreshold
  const shown = lists
    .map((list, index) => ({ list, commands: visible[index] }))
    .filter(({ list }) => !picker || pickedBot === allBots || String(list.bot.id) === pickedBot)
  return {
    search,
    setSearch,
    appliedSearch,
    sort,
    toggleSort,
    pickedBot: picker ? pickedBot : null,
    setPickedBot,
    shown,
    shownCommands: shown.flatMap(({ commands }) => commands ?? []),
  }
}
