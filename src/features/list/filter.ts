import type { Command } from '../../imbot'

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

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

export function sortCommands(commands: readonly Command[], direction: SortDirection): Command[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...commands].sort((a, b) => sign * collator.compare(a.command, b.command) || a.id - b.id)
}
