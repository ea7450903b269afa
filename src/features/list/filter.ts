import type { Command } from '../../imbot'
import { whenIdle } from '../../ui'

export type SortDirection = 'ascending' | 'descending'

/** The words a user may type to find a command: every field the table shows, flags by their labels. */
export function searchableText(command: Command, flagLabels: (command: Command) => string[]): string {
  return [command.command, command.title, command.params, command.category, ...flagLabels(command)]
    .join('\n')
    .toLocaleLowerCase()
}

export function normalizeQuery(query: string): string {
  return query.trim().toLocaleLowerCase()
}

// A collator loads the browser's collation data (about 10 ms): not while the page's module evaluates, which would
// hold the first request, but when the thread is next idle (the request on its way), or at the first sort.
let collator: Intl.Collator | undefined
const collation = () => {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
  return collator
}
whenIdle(collation)

export function sortCommands(commands: readonly Command[], direction: SortDirection): Command[] {
  const sign = direction === 'ascending' ? 1 : -1
  const { compare } = collation()
  return [...commands].sort((a, b) => sign * compare(a.command, b.command) || a.id - b.id)
}
