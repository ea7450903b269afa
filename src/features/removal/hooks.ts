import { useMutationState } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import type { PortalError } from '../../portal'
import { commandKeys } from '../../shared/queries/keys'
import { type Hold, holdOf } from './hold-store'
import type { RemovalMutation } from './mutation'
import type { RemovalRequest, RemovalResults } from './outcome'
import { useRemoval } from './RemovalProvider'

/** What a row shows of its command's removal. */
export type RowRemoval =
  | { status: 'idle' }
  | { status: 'held'; hold: Hold }
  /** `bulk`: part of a removal of many, whose waiting the selection bar speaks for (once, not once a row). */
  | { status: 'pending'; waiting: boolean; bulk: boolean }
  /** The user stopped waiting for it, but it is still on its way: it cannot be removed again until it ends. */
  | { status: 'unsettled' }
  | Failed

/** A failed attempt; `bulk` when it was part of a removal of many (its summary speaks for it). */
interface Failed {
  status: 'failed'
  error: PortalError
  notSent: boolean
  bulk: boolean
  submittedAt: number
}

const idle: RowRemoval = { status: 'idle' }
const unsettled: RowRemoval = { status: 'unsettled' }

type Attempt = { status: 'pending'; bulk: boolean } | Failed

function attemptOf(mutation: RemovalMutation, commandId: number): Attempt | null {
  const { status, data, error, submittedAt, variables } = mutation.state
  const bulk = variables?.bulk === true
  if (status === 'pending' || status === 'idle') return { status: 'pending', bulk }
  if (status === 'error' && error) return { status: 'failed', error, notSent: false, bulk, submittedAt }
  const outcome = data?.get(commandId)
  if (outcome?.status === 'removed') return null
  // No outcome at all is a failure (see remove-commands.ts); it cannot happen, but never reads as success.
  return outcome
    ? { status: 'failed', error: outcome.error, notSent: outcome.status === 'not-sent', bulk, submittedAt }
    : null
}

/**
 * One row's removal state, read through selectors: the hold it waits in, the latest removal attempt that
 * involved it (single or bulk) and was not dismissed since, else whether a dismissed one is still on its way. A
 * change to another row re-renders only that row.
 */
export function useRowRemoval(commandId: number): RowRemoval {
  const { store } = useRemoval()
  const hold = useSyncExternalStore(store.subscribe, () => holdOf(store.getState(), commandId))
  const dismissedAt = useSyncExternalStore(
    store.subscribe,
    () => store.getState().dismissedAt.get(commandId) ?? 0,
  )
  const waiting = useSyncExternalStore(store.subscribe, () => store.getState().waiting.has(commandId))
  const attempts = useMutationState({
    filters: {
      mutationKey: commandKeys.removals(),
      predicate: (mutation) =>
        (mutation as RemovalMutation).state.variables?.commands.some(
          (command) => command.id === commandId,
        ) === true,
    },
    // An attempt put away ("Stop waiting") no longer shows, but one still on its way keeps Remove away.
    select: (mutation) =>
      mutation.state.submittedAt > dismissedAt
        ? attemptOf(mutation as RemovalMutation, commandId)
        : mutation.state.status === 'pending'
          ? unsettled
          : null,
  })
  if (hold) return { status: 'held', hold }
  const latest = attempts.at(-1)
  if (!latest) return idle
  return latest.status === 'pending' ? { status: 'pending', waiting, bulk: latest.bulk } : latest
}

/** The bulk removal waiting out its undo window, if any. */
export function useBulkHold(): Hold | undefined {
  const { store } = useRemoval()
  return useSyncExternalStore(store.subscribe, () => store.getState().holds.find((hold) => hold.bulk))
}

/** The latest removal of many that finished, unless its summary was dismissed since. */
export function useLatestBulkRemoval():
  | { request: RemovalRequest; results: RemovalResults; submittedAt: number }
  | undefined {
  const { store } = useRemoval()
  const dismissedAt = useSyncExternalStore(store.subscribe, () => store.getState().summaryDismissedAt)
  const latest = useMutationState({
    filters: {
      mutationKey: commandKeys.removals(),
      status: 'success',
      predicate: (mutation) =>
        (mutation as RemovalMutation).state.variables?.bulk === true &&
        mutation.state.submittedAt > dismissedAt,
    },
    select: (mutation) => (mutation as RemovalMutation).state,
  }).at(-1)
  return latest?.variables && latest.data
    ? { request: latest.variables, results: latest.data, submittedAt: latest.submittedAt }
    : undefined
}

/** The running bulk removal's progress (k of N), if one runs (from the moment it is sent, offline too). */
export function useBulkProgress() {
  const { store } = useRemoval()
  return useSyncExternalStore(store.subscribe, () => store.getState().progress)
}
