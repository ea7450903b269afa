import {
  type Mutation,
  mutationOptions,
  type QueryClient,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query'
import { useMemo, useRef } from 'react'
import type { Command } from '../../imbot'
import { type PortalClient, type PortalError, usePortalClient } from '../../portal'
import { commandKeys } from '../../shared/queries/keys'
import type { RemovalStore } from './hold-store'
import type { RemovalRequest, RemovalResults } from './outcome'

export const loadRemoveCommands = () => import('./on-demand/remove-commands')

export type RemovalMutation = Mutation<RemovalResults, PortalError, RemovalRequest>

interface RemovalDependencies {
  client: PortalClient
  queryClient: QueryClient
  store: RemovalStore
  onSettled: (request: RemovalRequest, results: RemovalResults) => void
}

/**
 * The one removal: a list of commands in, one outcome per command out (removing one is a list of one). Retries
 * happen inside, per command, by the app's one retry policy (see remove-commands.ts); the mutation itself never
 * retries. Every attempt stays in the mutation cache, so each row reads back its latest one.
 */
export const removalMutationOptions = ({ client, queryClient, store, onSettled }: RemovalDependencies) =>
  mutationOptions<RemovalResults, PortalError, RemovalRequest>({
    mutationKey: commandKeys.removals(),
    // A removal of many runs from the moment it is sent: also while it waits for the connection (TanStack Query
    // pauses it then, before `mutationFn`), its progress shows and nothing else can start one.
    onMutate: ({ commands, bulk }) => {
      if (bulk) store.setProgress({ done: 0, total: commands.length })
    },
    mutationFn: async ({ commands, bulk }) => {
      // The sending logic comes in a chunk of its own (prefetched once the commands show): the first download
      // only needs what shows the commands.
      const { removeCommands, dropFromLists } = await loadRemoveCommands()
      try {
        const results = await removeCommands(client, commands, {
          onProgress: bulk ? store.setProgress : undefined,
          onWaiting: store.setWaiting,
        })
        dropFromLists(queryClient, commands, results)
        return results
      } finally {
        if (bulk) store.setProgress(null)
      }
    },
    // A failed row keeps its error until the user retries or dismisses it.
    gcTime: Number.POSITIVE_INFINITY,
    onSuccess: (results, request) => onSettled(request, results),
    // Whatever happened, the lists are read again (one batch for all their bots) so that they match the portal.
    onSettled: (_results, _error, request) =>
      Promise.all(
        [...new Set(request.commands.map((command) => command.botId))].map((botId) =>
          queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) }),
        ),
      ),
  })

/**
 * The commands neither held nor on their way (or waiting for the connection to be sent), whatever the rows show:
 * only these may go into a new removal, so that no command is ever sent twice.
 */
export function notUnderWay(
  queryClient: QueryClient,
  store: RemovalStore,
  commands: readonly Command[],
): Command[] {
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
export function useRemovalMutation(
  store: RemovalStore,
  onSettled: (request: RemovalRequest, results: RemovalResults) => void,
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
