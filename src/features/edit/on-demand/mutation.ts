import { mutationOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Command, CommandListing } from '../../../imbot'
import { type PortalClient, type PortalError, usePortalClient } from '../../../portal'
import { commandKeys } from '../../../shared/queries/keys'
import { readListsNow } from '../../../shared/queries/on-demand/lists-now'
import type { Edit, EditMutation, EditOutcome } from '../failure'
import { keepFlags } from './known-flags'
import { type Listed, settleEdit } from './settle'

/** The command as its bot's list shows it now, read past the page's cache (see Listed). */
async function listedNow(client: PortalClient, { botId, id }: Command): Promise<Listed> {
  const list = (await readListsNow(client, [botId])).get(botId)
  if (!list) return null
  return list.find((command) => command.id === id) ?? 'gone'
}

/**
 * An edit of one command, shown at once: the row takes the new values before Bitrix24 answers (optimistic), and
 * takes the old ones back when Bitrix24 refuses (the form, or the row, says why). How it ended, a lost answer and
 * "not found" included, is settleEdit's to say: what Bitrix24 did not save is reported, never shown as done. Edits
 * of one command run one after another (`scope`), and the list is read again after each.
 */
export const editMutationOptions = (client: PortalClient, queryClient: QueryClient, commandId: number) =>
  mutationOptions<EditOutcome, PortalError, Edit, { previous: CommandListing | undefined }>({
    mutationKey: commandKeys.edits(),
    scope: { id: `edit-${commandId}` },
    mutationFn: async (edit) => {
      const { updateCommand } = await import('../../../imbot/on-demand/update')
      const { before, changes } = edit
      return settleEdit(edit, {
        send: () => updateCommand(client, before.botId, before.id, changes),
        listedNow: () => listedNow(client, before),
      })
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
    onSettled: async (outcome, error, { before, after }) => {
      if (!error && outcome && !outcome.gone) {
        // The flags as Bitrix24 answered them (as sent, when the list settled a lost answer) stay on the row, though
        // the list read now, and every read after, leaves some unsaid (live portals do not list `hidden`).
        const { answer } = outcome
        keepFlags(queryClient, before, {
          common: answer?.common ?? after.common,
          hidden: answer?.hidden ?? after.hidden,
          extranetSupport: answer?.extranetSupport ?? after.extranetSupport,
        })
      }
      await queryClient.invalidateQueries({ queryKey: commandKeys.list(before.botId) })
    },
    // An outcome to tell stays on its row until the user dismisses it or edits again.
    gcTime: Number.POSITIVE_INFINITY,
  })

export function useEditCommand(commandId: number) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  return useMutation(
    useMemo(() => editMutationOptions(client, queryClient, commandId), [client, queryClient, commandId]),
  )
}

/** Forgets settled edits but the ones to `keep` (their outcome was told, or dismissed): no row shows them again. */
export function forgetEdits(queryClient: QueryClient, keep: (edit: EditMutation['state']) => boolean): void {
  const cache = queryClient.getMutationCache()
  for (const mutation of cache.findAll({ mutationKey: commandKeys.edits() })) {
    const { state } = mutation as EditMutation
    if (state.status !== 'pending' && !keep(state)) cache.remove(mutation)
  }
}
