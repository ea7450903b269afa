import { useRef } from 'react'
import { type CoreTranslate, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { flagLabels } from '../../shared/command/Flags'
import type { BotCommands } from '../../shared/queries/use-command-lists'
import { normalizeQuery, type SortDirection, searchableText, sortCommands } from './filter'

interface Indexed {
  command: Command
  text: string
}

interface IndexCache {
  sort: SortDirection
  t: CoreTranslate
  indexes: WeakMap<Command[], Indexed[]>
}

/**
 * Each bot's commands after search and sort. A fetched list is sorted and made searchable once (not on
 * every keystroke), so a thousand commands filter without lag.
 */
export function useVisibleCommands(
  lists: readonly BotCommands[],
  searchQuery: string,
  sort: SortDirection,
): (Command[] | undefined)[] {
  const { t } = useI18n()
  const cache = useRef<IndexCache | null>(null)
  if (cache.current?.sort !== sort || cache.current.t !== t) {
    cache.current = { sort, t, indexes: new WeakMap() }
  }
  const { indexes } = cache.current
  const indexed = (list: Command[]): Indexed[] => {
    let entries = indexes.get(list)
    if (!entries) {
      entries = sortCommands(list, sort).map((command) => ({
        command,
        text: searchableText(command, (candidate) => flagLabels(candidate, t)),
      }))
      indexes.set(list, entries)
    }
    return entries
  }
  const needle = normalizeQuery(searchQuery)
  return lists.map(({ listing }) =>
    listing
      ? indexed(listing.items).flatMap((entry) =>
          needle === '' || entry.text.includes(needle) ? [entry.command] : [],
        )
      : undefined,
  )
}
