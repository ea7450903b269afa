import { mutationOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { type Command, type CommandListing, listCommands } from '../../imbot'
import { describeError } from '../../imbot/error-catalogue'
import { type PortalClient, type PortalError, usePortalClient } from '../../portal'
import { commandKeys } from '../keys'
import type { Edit } from './failure'

type Field = 'command' | 'title' | 'params' | 'common' | 'hidden' | 'extranetSupport'
const fields: readonly Field[] = ['command', 'title', 'params', 'common', 'hidden', 'extranetSupport']

/**
 * What the list shows of an edit whose answer was lost: 'saved' when every field the list reports is as the edit
 * left it and one it changed is seen so; 'not saved' when one differs; 'unknown' when nothing it changed can be
 * seen there (a title in another language, or `hidden`, which live portals do not list).
 */
function seenInList(now: Command, { before, after }: Edit): 'saved' | 'not saved' | 'unknown' {
  const reported = fields.filter((field) => now[field] !== null && after[field] !== null)
  if (reported.some((field) => now[field] !== after[field])) return 'not saved'
  return reported.some((field) => before[field] !== after[field]) ? 'saved' : 'unknown'
}

/** Flags the list leaves unsaid (live portals do not list `hidden`) are known after a saved edit: the edit's. */
const withKnownFlags = (listed: Command, after: Command): Command => ({
  ...listed,
  common: listed.common ?? after.common,
  hidden: listed.hidden ?? after.hidden,
  extranetSupport: listed.extranetSupport ?? after.extranetSupport,
})

/**
 * An edit of one command, shown at once: the row takes the new values before Bitrix24 answers (optimistic), and
 * takes the old ones back, with the reason on the row, when Bitrix24 refuses. A refusal is a refusal; only a lost
 * answer (the connection, an unreadable answer) leaves doubt, settled by reading the list again, and when the list
 * cannot show the change, by sending it again (an update sets values: sending it twice changes nothing more). A
 * change the portal made is never reported as a failure. Edits of one command run one after another (`scope`),
 * and the list is read again after each.
 */
export const editMutationOptions = (client: PortalClient, queryClient: QueryClient, commandId: number) =>
  mutationOptions<void, PortalError, Edit, { previous: CommandListing | undefined }>({
    mutationKey: commandKeys.edits(),
    scope: { id: `edit-${commandId}` },
    mutationFn: async (edit) => {
      const { updateCommand } = await import('../../imbot/update')
      const { before, changes } = edit
      const send = () => updateCommand(client, before.botId, before.id, changes)
      try {
        await send()
      } catch (error) {
        const failure = error as PortalError
        const { kind } = describeError(failure)
        if (kind !== 'network' && kind !== 'malformed') throw failure
        const [listing] = await listCommands(client, [before.botId])
        const now = listing && 'items' in listing ? listing.items.find((c) => c.id === before.id) : undefined
        if (!now) throw failure
        const seen = seenInList(now, edit)
        if (seen === 'not saved') throw failure
        if (seen === 'unknown') await send()
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
    onSettled: async (_data, error, { before, after }) => {
      const key = commandKeys.list(before.botId)
      await queryClient.invalidateQueries({ queryKey: key })
      if (error) return
      queryClient.setQueryData<CommandListing>(
        key,
        (listing) =>
          listing && {
            ...listing,
            items: listing.items.map((c) => (c.id === before.id ? withKnownFlags(c, after) : c)),
          },
      )
    },
    // A failed edit stays on its row until the user dismisses it or edits again.
    gcTime: Number.POSITIVE_INFINITY,
  })

export function useEditCommand(commandId: number) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  return useMutation(
    useMemo(() => editMutationOptions(client, queryClient, commandId), [client, queryClient, commandId]),
  )
}
