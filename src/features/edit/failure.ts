import { type Mutation, useMutationState } from '@tanstack/react-query'
import type { Command, CommandListing } from '../../imbot'
import type { CommandChanges, UpdatedCommand } from '../../imbot/on-demand/update'
import type { PortalError } from '../../portal'
import { commandKeys } from '../../shared/queries/keys'
import type { EditForm } from './on-demand/changes'
import type { Unsaved } from './on-demand/confirm'

// What a row and a bot's section read of the edits. The edit itself (the form, the request, the notices) loads
// when an admin opens the form or there is an outcome to show (mutation.ts, EditCommand.tsx, EditOutcome.tsx).

/** One edit: the command as listed before, the changes sent, and the command as the row shows it meanwhile. */
export interface Edit {
  before: Command
  changes: CommandChanges
  after: Command
  /** The list's language, which the form's title and hint are in. */
  language: string
  /** What the admin typed: the form opens with it again after a refusal. */
  form: EditForm
}

/** How an edit ended when Bitrix24 took it; a refusal is the mutation's error. */
export interface EditOutcome {
  /** The trigger and flags Bitrix24 answered it has; null when the answer was lost and the list settled it. */
  answer: UpdatedCommand | null
  /** What Bitrix24 did not save, though it answered success. */
  unsaved: readonly Unsaved[]
  /** The command was no longer there (removed elsewhere, in another tab or by another app). */
  gone: boolean
}

export type EditMutation = Mutation<EditOutcome, PortalError, Edit, { previous: CommandListing | undefined }>
export type EditState = EditMutation['state']

/** An edit the user must hear about: refused, or not wholly saved. It is told until dismissed (removed). */
export const untold = (state: EditState): boolean =>
  state.status === 'error' || (state.data?.unsaved.length ?? 0) > 0

export const stateOf = (mutation: { state: unknown }) => mutation.state as EditState

/** Whether any edit was made in this visit (until then, nothing of an edit's outcome can show). */
export const useAnyEdits = (): boolean =>
  useMutationState({ filters: { mutationKey: commandKeys.edits() }, select: () => true }).length > 0

/** The command's latest edit, if it was refused or not wholly saved (its row says so, beside the values now). */
export function useEditOutcome(commandId: number): EditState | undefined {
  const latest = useMutationState({
    filters: {
      mutationKey: commandKeys.edits(),
      predicate: (mutation) => stateOf(mutation).variables?.before.id === commandId,
    },
    select: stateOf,
  }).at(-1)
  return latest && untold(latest) ? latest : undefined
}
