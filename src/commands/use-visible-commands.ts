import type { UseQueryResult } from '@tanstack/react-query'
import { useRef } from 'react'
import { type Translate, useI18n } from '../i18n'
import type { Command, CommandListing } from '../imbot'
import type { PortalError } from '../portal'
import { flagLabels } from './Flags'
import { normalizeQuery, type SortDirection, searchableText, sortCommands } from './filter'

interface Indexed {
  command: Command
  text: string
}

interface IndexCache {
  sort: SortDirection
  t: Translate
  lists: WeakMap<Command[], Indexed[]>
}

/**
 * Each bot's commands after search and sort. A fetched list is sorted and made searchable once (not on
 * every keystroke), so a thousand commands filter without lag.
 */
export function useVisibleCommands(
  queries: readonly UseQueryResult<CommandListing, PortalError>[],
  searchQuery: string,
  sort: SortDirection,
): (Command[] | undefined)[] {
  const { t } = useI18n()
  const cache = useRef<IndexCache | null>(null)
  if (cache.current?.sort !== sort || cache.current.t !== t) {
    cache.current = { sort, t, lists: new WeakMap() }
  }
  const { lists } = cache.current
  const indexed = (list: Command[]): Indexed[] => {
    let entries = lists.get(list)
    if (!entries) {
      entries = sortCommands(list, sort).map((command) => ({
        command,
        text: searchableText(command, (candidate) => flagLabels(candidate, t)),
      }))
      lists.set(list, entries)
    }
    return entries
  }
  const needle = normalizeQuery(searchQuery)
  return queries.map(({ data }) =>
    data
      ? indexed(data.items).flatMap((entry) =>
          needle === '' || entry.text.includes(needle) ? [entry.command] : [],
        )
      : undefined,
  )
}
