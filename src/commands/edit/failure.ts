import { type Mutation, useMutationState } from '@tanstack/react-query'
import type { Command, CommandListing } from '../../imbot'
import type { CommandChanges } from '../../imbot/update'
import type { PortalError } from '../../portal'
import { commandKeys } from '../keys'

// What a row reads of its command's edits. The edit itself (the form and the request) loads when an admin
// opens the form (mutation.ts, EditCommand.tsx).

/** One edit: the command as listed before, the changes sent, and the command as the row shows it meanwhile. */
export interface Edit {
  before: Command
  changes: CommandChanges
  after: Command
}

export type EditMutation = Mutation<void, PortalError, Edit, { previous: CommandListing | undefined }>

/** The command's latest edit since `since`, if it failed (its row shows why, beside the old values). */
export function useEditFailure(commandId: number, since: number): EditMutation['state'] | undefined {
  const latest = useMutationState({
    filters: {
      mutationKey: commandKeys.edits(),
      predicate: (mutation) =>
        (mutation as EditMutation).state.variables?.before.id === commandId &&
        mutation.state.submittedAt > since,
    },
    select: (mutation) => (mutation as EditMutation).state,
  }).at(-1)
  return latest?.status === 'error' ? latest : undefined
}
