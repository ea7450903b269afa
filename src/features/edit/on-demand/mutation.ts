import { mutationOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Command, CommandListing } from '../../../imbot'
import { describeError } from '../../../imbot/on-demand/error-catalogue'
import type { UpdatedCommand } from '../../../imbot/on-demand/update'
import { type PortalClient, type PortalError, usePortalClient } from '../../../portal'
import { commandFlags, textFields } from '../../../shared/command/fields'
import { commandKeys } from '../../../shared/queries/keys'
import { readListsNow } from '../../../shared/queries/on-demand/lists-now'
import type { Edit, EditMutation, EditOutcome } from '../failure'
import { listShows, unsavedInAnswer, unsavedInList } from './confirm'
import { keepFlags } from './known-flags'

const fields = ['command', ...textFields, ...commandFlags] as const

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

/** The command as its bot's list shows it now; 'gone' when the list no longer has it; null when it cannot be read. */
async function listedNow(client: PortalClient, { botId, id }: Command): Promise<Command | 'gone' | null> {
  const list = (await readListsNow(client, [botId])).get(botId)
  if (!list) return null
  return list.find((command) => command.id === id) ?? 'gone'
}

/**
 * An edit of one command, shown at once: the row takes the new values before Bitrix24 answers (optimistic), and
 * takes the old ones back when Bitrix24 refuses (the form, or the row, says why). A refusal is a refusal, except
 * "not found", which the list read again tells apart: a command removed elsewhere meanwhile is `gone`, one still
 * listed is refused (another application's: "Command not found or access denied"). A lost answer (the connection,
 * an unreadable answer) is settled by reading the list again, and when the list cannot show the change, by sending
 * it again (an update sets values: sending it twice changes nothing more). What Bitrix24 took is then checked
 * against what was sent, in its answer and, for a title in the list's language, in the list read again: what it
 * did not save is reported, never shown as done. Edits of one command run one after another (`scope`), and the
 * list is read again after each.
 */
export const editMutationOptions = (client: PortalClient, queryClient: QueryClient, commandId: number) =>
  mutationOptions<EditOutcome, PortalError, Edit, { previous: CommandListing | undefined }>({
    mutationKey: commandKeys.edits(),
    scope: { id: `edit-${commandId}` },
    mutationFn: async (edit) => {
      const { updateCommand } = await import('../../../imbot/on-demand/update')
      const { before, changes, language } = edit
      const send = () => updateCommand(client, before.botId, before.id, changes)
      let answer: UpdatedCommand | null = null
      try {
        answer = await send()
      } catch (error) {
        const failure = error as PortalError
        const { kind } = describeError(failure)
        if (kind !== 'network' && kind !== 'malformed' && kind !== 'not-found') throw failure
        const now = await listedNow(client, before)
        if (now === 'gone') return { answer: null, unsaved: [], gone: true }
        if (now === null || kind === 'not-found') throw failure
        const seen = seenInList(now, edit)
        if (seen === 'not saved') throw failure
        if (seen === 'unknown') answer = await send()
      }
      const unsaved = answer ? unsavedInAnswer(changes, answer) : []
      if (listShows(changes, language)) {
        const now = await listedNow(client, before)
        if (now !== null && now !== 'gone') unsaved.push(...unsavedInList(changes, language, now))
      }
      return { answer, unsaved, gone: false }
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
