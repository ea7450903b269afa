import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import type { Command, CommandListing } from '../../../imbot'
import { commandFlags, type Flag } from '../../../shared/command/fields'
import { commandKeys } from '../../../shared/queries/keys'

// A flag an edit set that the list cannot show stays on the row across list reads. Live portals do not list `hidden`
// (toRestFormat has no such field), so every read of a list says nothing of it, and the row would lose the Hidden an
// edit set a moment ago. What Bitrix24 confirmed is kept, per command, and put back where a read leaves the flag
// unsaid; a read that does say it (a portal that lists it) is the truth from then on. Nothing else of the app changes
// a listed command's unlisted flag (a restore sends a flag the list leaves unsaid only with a command it registers
// anew, under a new id). Kept here, out of the first download: only an edit brings a flag to keep, and loads it.

type Known = Map<number, Partial<Record<Flag, boolean>>>

/** Per query client (each page has one; each component test its own). */
const knownByClient = new WeakMap<QueryClient, Known>()

/** Whether `key` is `prefix` and `extra` more parts (the key factory's keys are short arrays of primitives). */
const isKeyOf = (key: readonly unknown[] | undefined, prefix: readonly unknown[], extra: number): boolean =>
  key?.length === prefix.length + extra && prefix.every((part, index) => key[index] === part)

/** The command with the flags its list leaves unsaid taken from what is known; what the list says is kept. */
function withKnown(command: Command, known: Known): Command {
  const flags = known.get(command.id)
  if (!flags) return command
  let kept = command
  for (const flag of commandFlags) {
    const value = flags[flag]
    if (value === undefined) continue
    // The list says it: that is the truth now, and nothing needs keeping.
    if (command[flag] !== null) delete flags[flag]
    else kept = { ...kept, [flag]: value }
  }
  if (Object.keys(flags).length === 0) known.delete(command.id)
  return kept
}

/** Each list read (a fetch, not a write of the app's own) gets the known flags back where it leaves them unsaid. */
function keepOnReads(queryClient: QueryClient, known: Known) {
  return (event: QueryCacheNotifyEvent) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return
    if (known.size === 0 || !isKeyOf(event.query.queryKey, commandKeys.lists(), 1)) return
    const listing = event.action.data as CommandListing
    if (!listing.items.some((command) => known.has(command.id))) return
    queryClient.setQueryData<CommandListing>(event.query.queryKey, {
      ...listing,
      items: listing.items.map((command) => withKnown(command, known)),
    })
  }
}

/**
 * Notes the flags an edit left `command` with, as Bitrix24 confirmed them (a flag still unknown, null, is not
 * noted): from now on every read of its list that leaves them unsaid gets them back.
 */
export function keepFlags(
  queryClient: QueryClient,
  command: Pick<Command, 'id'>,
  flags: Readonly<Record<Flag, boolean | null>>,
): void {
  let known = knownByClient.get(queryClient)
  if (!known) {
    known = new Map()
    knownByClient.set(queryClient, known)
    queryClient.getQueryCache().subscribe(keepOnReads(queryClient, known))
  }
  const noted = known.get(command.id) ?? {}
  for (const flag of commandFlags) {
    const value = flags[flag]
    if (value !== null) noted[flag] = value
  }
  if (Object.keys(noted).length > 0) known.set(command.id, noted)
}
