import { mutationOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { type Command, type CommandListing, listCommands } from '../../imbot'
import { describeError } from '../../imbot/error-catalogue'
import { type PortalClient, type PortalError, usePortalClient } from '../../portal'
import { commandKeys } from '../keys'
import type { Edit } from './failure'

const sameCommand = (a: Command, b: Command) =>
  a.command === b.command &&
  a.title === b.title &&
  a.params === b.params &&
  (b.common === null || a.common === b.common) &&
  (b.hidden === null || a.hidden === b.hidden) &&
  (b.extranetSupport === null || a.extranetSupport === b.extranetSupport)

/**
 * An edit of one command, shown at once: the row takes the new values before Bitrix24 answers (optimistic), and
 * takes the old ones back, with the reason on the row, when Bitrix24 refuses. An answer that leaves doubt (a lost
 * connection) is settled by reading the list again: a change the portal made is never reported as a failure.
 * Edits of one command run one after another (`scope`), and the list is read again after each.
 */
export const editMutationOptions = (client: PortalClient, queryClient: QueryClient) =>
  mutationOptions<void, PortalError, Edit, { previous: CommandListing | undefined }>({
    mutationKey: commandKeys.edits(),
    mutationFn: async ({ before, changes, after }) => {
      const { updateCommand } = await import('../../imbot/update')
      try {
        await updateCommand(client, before.botId, before.id, changes)
      } catch (error) {
        const failure = error as PortalError
        if (!describeError(failure).refetchList || describeError(failure).kind === 'not-found') throw failure
        const [listing] = await listCommands(client, [before.botId])
        const now = listing && 'items' in listing ? listing.items.find((c) => c.id === before.id) : undefined
        if (!now || !sameCommand(now, after)) throw failure
      }
    },
    onMutate: async ({ before, after }) => {
      const key = commandKeys.list(before.botId)
      await queryClient.cancelQueries({ queryKey: key })
      const previous = queryClient.getQueryData<CommandListing>(key)
      queryClient.setQueryData<CommandListing>(
        key,
        (listing) =>
          listing && { ...listing, items: listing.items.map((c) => (c.id === before.id ? after : c)) },
      )
      return { previous }
    },
    onError: (_error, { before }, context) => {
      if (context?.previous) queryClient.setQueryData(commandKeys.list(before.botId), context.previous)
    },
    onSettled: (_data, _error, { before }) =>
      queryClient.invalidateQueries({ queryKey: commandKeys.list(before.botId) }),
    // A failed edit stays on its row until the user dismisses it or edits again.
    gcTime: Number.POSITIVE_INFINITY,
  })

export function useEditCommand() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  return useMutation(useMemo(() => editMutationOptions(client, queryClient), [client, queryClient]))
}
