import {
  type Mutation,
  mutationOptions,
  type QueryClient,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query'
import { useMemo, useRef } from 'react'
import { type PortalClient, type PortalError, usePortalClient } from '../../portal'
import { commandKeys } from '../../shared/queries/keys'
import type { RemovalStore } from './hold-store'
import { botsOf, type Removable, type RemovalRequest, type RemovalResults } from './outcome'

export const loadRemoveCommands = () => import('./on-demand/remove-commands')

export type RemovalMutation = Mutation<RemovalResults, PortalError, RemovalRequest>

interface RemovalDependencies<Item extends Removable> {
  client: PortalClient
  queryClient: QueryClient
  store: RemovalStore<Item>
  onSettled: (request: RemovalRequest<Item>, results: RemovalResults) => void
}

/**
 * The one removal: a list of commands in, one outcome per command out (removing one is a list of one). Retries
 * happen inside, per command, by the app's one retry policy (see remove-commands.ts); the mutation itself never
 * retries. Every attempt stays in the mutation cache, so each row reads back its latest one.
 */
export const removalMutationOptions = <Item extends Removable>({
  client,
  queryClient,
  store,
  onSettled,
}: RemovalDependencies<Item>) =>
  mutationOptions<RemovalResults, PortalError, RemovalRequest<Item>>({
    mutationKey: commandKeys.removals(),
    // A removal of many runs from the moment it is sent: also while it waits for the connection (TanStack Query
    // pauses it then, before `mutationFn`), its progress shows and nothing else can start one.
    onMutate: ({ commands, bulk }) => {
      if (bulk) store.setProgress({ done: 0, total: commands.length })
    },
    // The sending comes in a chunk of its own (prefetched once the commands show): the first download only needs
    // what shows the commands.
    mutationFn: async (request) =>
      (await loadRemoveCommands()).sendRemoval(client, queryClient, store, request),
    // A failed row keeps its error until the user retries or dismisses it.
    gcTime: Number.POSITIVE_INFINITY,
    onSuccess: (results, request) => onSettled(request, results),
    // Whatever happened, the lists are read again (one batch for all their bots) so that they match the portal.
    onSettled: (_results, _error, request) =>
      Promise.all(
        botsOf(request.commands).map((botId) =>
          queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) }),
        ),
      ),
  })

/**
 * The commands neither held nor on their way (or waiting for the connection to be sent), whatever the rows show:
 * only these may go into a new removal, so that no command is ever sent twice.
 */
export function notUnderWay<Item extends Removable>(
  queryClient: QueryClient,
  store: RemovalStore<Item>,
  commands: readonly Item[],
): Item[] {
  const busy = new Set(
    [
      ...store.getState().holds,
      ...queryClient
        .getMutationCache()
        .findAll({ mutationKey: commandKeys.removals(), status: 'pending' })
        .map((mutation) => (mutation as RemovalMutation).state.variables),
    ].flatMap((removal) => removal?.commands.map((command) => command.id) ?? []),
  )
  return commands.filter((command) => !busy.has(command.id))
}

/** The removal mutation of this page; `onSettled` hears every removal's results (the latest callback). */
export function useRemovalMutation<Item extends Removable>(
  store: RemovalStore<Item>,
  onSettled: (request: RemovalRequest<Item>, results: RemovalResults) => void,
) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const latest = useRef(onSettled)
  latest.current = onSettled
  const options = useMemo(
    () =>
      removalMutationOptions({
        client,
        queryClient,
        store,
        onSettled: (request, results) => latest.current(request, results),
      }),
    [client, queryClient, store],
  )
  return useMutation(options)
}
