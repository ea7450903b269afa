import { type Mutation, useMutation, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useI18n } from '../i18n'
import {
  type Command,
  type CommandListing,
  describeError,
  type RemovalOutcome,
  type RemovalResult,
  removeCommandChecked,
  removeCommandsChecked,
} from '../imbot'
import { type PortalError, usePortalClient } from '../portal'
import { useToasts } from '../ui'
import { useDismissals } from './dismissals'
import { commandKeys } from './keys'

/** How many times the app itself retries a removal Bitrix24 asked to slow down (after the SDK's own tries). */
const ownRetries = 2
const retryDelay = (attempt: number) => 2000 * 2 ** attempt

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
    retryDelay,
    // A failed row keeps its error until the user retries or dismisses it.
    gcTime: Number.POSITIVE_INFINITY,
    onSuccess: (outcome, command) => {
      dropFromLists(queryClient, [command])
      show({
        text: t(outcome === 'removed' ? 'toast.removed' : 'toast.alreadyRemoved', {
          command: command.command,
        }),
      })
    },
    // Whatever happened, the list is read again so that it matches the server.
    onSettled: (_outcome, _error, command) => refetchLists(queryClient, [command]),
  })
}

export interface BulkProgress {
  done: number
  total: number
}

/** Each command's result, by command id. */
export type BulkResults = ReadonlyMap<number, RemovalResult>

/** Removes many commands in batches of 50; progress (k of N) is reported while it runs. */
export function useRemoveCommands() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const mutation = useMutation<BulkResults, PortalError, Command[]>({
    mutationKey: commandKeys.removals(),
    mutationFn: async (commands) => {
      setProgress({ done: 0, total: commands.length })
      const results = await removeCommandsChecked(client, commands, (done) =>
        setProgress({ done, total: commands.length }),
      )
      return new Map(commands.map((command, index) => [command.id, results[index] ?? unknownResult]))
    },
    gcTime: Number.POSITIVE_INFINITY,
    onSuccess: (results, commands) => {
      dropFromLists(
        queryClient,
        commands.filter((command) => results.get(command.id)?.status !== 'failed'),
      )
    },
    // One refetch at the end (the loader gathers the bots into one request), not one per command.
    onSettled: (_results, _error, commands) => refetchLists(queryClient, commands),
  })
  return { ...mutation, progress }
}

const unknownResult: RemovalResult = { status: 'removed' }

function dropFromLists(queryClient: ReturnType<typeof useQueryClient>, removed: readonly Command[]) {
  const ids = new Set(removed.map((command) => command.id))
  for (const botId of new Set(removed.map((command) => command.botId))) {
    queryClient.setQueryData<CommandListing>(
      commandKeys.list(botId),
      (listing) => listing && { ...listing, items: listing.items.filter((c) => !ids.has(c.id)) },
    )
  }
}

function refetchLists(queryClient: ReturnType<typeof useQueryClient>, commands: readonly Command[]) {
  return Promise.all(
    [...new Set(commands.map((command) => command.botId))].map((botId) =>
      queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) }),
    ),
  )
}

/** What a row shows of the latest removal attempt that involved its command. */
export interface RowRemoval {
  status: 'pending' | 'error' | 'success'
  /** Bitrix24 asked to slow down and the app is waiting to retry. */
  waiting: boolean
  error: PortalError | null
  submittedAt: number
}

type RemovalMutation = Mutation<RemovalOutcome | BulkResults, PortalError, Command | Command[]>

function involves(mutation: RemovalMutation, commandId: number): boolean {
  const variables = mutation.state.variables
  return Array.isArray(variables)
    ? variables.some((command) => command.id === commandId)
    : variables?.id === commandId
}

function rowRemovalOf(mutation: RemovalMutation, commandId: number): RowRemoval {
  const { status, failureCount, submittedAt, data, error } = mutation.state
  const base = { waiting: false, error: null, submittedAt }
  if (status === 'pending' || status === 'idle')
    return { ...base, status: 'pending', waiting: failureCount > 0 }
  if (status === 'error') return { ...base, status: 'error', error }
  const result = data instanceof Map ? data.get(commandId) : undefined
  return result?.status === 'failed'
    ? { ...base, status: 'error', error: result.error }
    : { ...base, status: 'success' }
}

/** The latest removal attempt (single or bulk) involving one command and not dismissed since, if any. */
export function useRemovalState(commandId: number): RowRemoval | undefined {
  const dismissedAt = useDismissals().dismissedAt(commandId)
  const states = useMutationState({
    filters: {
      mutationKey: commandKeys.removals(),
      predicate: (mutation) =>
        involves(mutation as RemovalMutation, commandId) && mutation.state.submittedAt > dismissedAt,
    },
    select: (mutation) => rowRemovalOf(mutation as RemovalMutation, commandId),
  })
  return states.at(-1)
}
