import {
  type Mutation,
  type MutationState,
  useMutation,
  useMutationState,
  useQueryClient,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import { useI18n } from '../i18n'
import { type Command, describeError, type RemovalOutcome, removeCommandChecked } from '../imbot'
import { type PortalError, usePortalClient } from '../portal'
import { useToasts } from '../ui'
import { commandKeys } from './keys'

/** How many times the app itself retries a removal Bitrix24 asked to slow down (after the SDK's own tries). */
const ownRetries = 2

export type RemovalState = MutationState<RemovalOutcome, PortalError, Command>

/** Removes one command; the row reads its own state back through {@link useRemovalState}. */
export function useRemoveCommand() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const { show } = useToasts()
  const { t } = useI18n()
  return useMutation<RemovalOutcome, PortalError, Command>({
    mutationKey: commandKeys.removals(),
    mutationFn: (command) => removeCommandChecked(client, command),
    retry: (failures, error) => failures < ownRetries && describeError(error).retriesItself,
    retryDelay: (attempt) => 2000 * 2 ** attempt,
    // A failed row keeps its error until the user retries or dismisses it.
    gcTime: Number.POSITIVE_INFINITY,
    onSuccess: (outcome, command) => {
      queryClient.setQueryData<Command[]>(commandKeys.list(command.botId), (list) =>
        list?.filter((candidate) => candidate.id !== command.id),
      )
      show({
        text: t(outcome === 'removed' ? 'toast.removed' : 'toast.alreadyRemoved', {
          command: command.command,
        }),
      })
    },
    // Whatever happened, the list is read again so that it matches the server.
    onSettled: (_outcome, _error, command) =>
      queryClient.invalidateQueries({ queryKey: commandKeys.list(command.botId) }),
  })
}

const isRemovalOf = (commandId: number) => (mutation: Mutation) =>
  (mutation.state.variables as Command | undefined)?.id === commandId

/** The latest removal attempt of one command, if any: pending, waiting to retry, failed or done. */
export function useRemovalState(commandId: number): RemovalState | undefined {
  const states = useMutationState<RemovalState>({
    filters: { mutationKey: commandKeys.removals(), predicate: isRemovalOf(commandId) },
    select: (mutation) => mutation.state as RemovalState,
  })
  return states.at(-1)
}

/** Forgets a command's finished removal attempts (the user dismissed the error). */
export function useDismissRemoval() {
  const queryClient = useQueryClient()
  return useCallback(
    (commandId: number) => {
      const cache = queryClient.getMutationCache()
      for (const mutation of cache.findAll({
        mutationKey: commandKeys.removals(),
        predicate: isRemovalOf(commandId),
      })) {
        if (mutation.state.status !== 'pending') cache.remove(mutation)
      }
    },
    [queryClient],
  )
}
