import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { type Translate, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { useToasts } from '../../ui'
import { ConfirmRemoval } from './confirm-on-demand'
import { createRemovalStore, type Hold, type RemovalStore, undoWindowMs } from './hold-store'
import { notUnderWay, useRemovalMutation } from './mutation'
import type { Removable, RemovalRequest, RemovalResults } from './outcome'

/** What a page does with its removals (the commands page hands it to rows and bars through `useRemoval()`). */
export interface Removal<Item extends Removable = Command> {
  store: RemovalStore<Item>
  /** Asks for confirmation, then holds the removal for the undo window, then sends it. */
  request: (commands: readonly Item[], bulk: boolean) => void
  /** Sends at once: the user confirmed these already (a row's "try again", "retry the failed ones"). */
  send: (commands: readonly Item[], bulk: boolean) => void
  /** Cancels a held removal, or takes one command of it out (`commandId`, a row's Undo). */
  undo: (holdId: number, commandId?: number) => void
}

interface RemovalFlowOptions<Item extends Removable> {
  /** The undo window; the default is the app's. */
  windowMs?: number
  /** Hears each removal's results. */
  onSettled?: (request: RemovalRequest<Item>, results: RemovalResults) => void
  /**
   * No toast for a removal held or for a command removed: the page says both itself, in place (the removal by
   * id). Undo still says in a toast whether it came in time.
   */
  quiet?: boolean
}

/**
 * The one removal flow, for the commands page and the removal by id alike: ask (`dialog`, the confirmation while
 * one is asked for), hold for the undo window (with a toast that offers Undo), then send once through the one
 * mutation (`mutation`: the latest removal this flow sent), and say when a single command was removed. A command
 * is never sent twice: one held or on its way is left out of a new removal, when it is asked for and when it is
 * sent (a hold released, a retry).
 */
export function useRemovalFlow<Item extends Removable>({
  windowMs = undoWindowMs,
  onSettled,
  quiet,
}: RemovalFlowOptions<Item> = {}) {
  // Every toast here follows a confirmation, and ConfirmRemoval shows only once the rest of the dictionary is
  // here (it renders under MoreMessages): by then every key is.
  const t = useI18n().t as Translate
  const toasts = useToasts()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState<RemovalRequest<Item> | null>(null)
  const releaseRef = useRef<(hold: Hold<Item>) => void>(() => undefined)
  const [store] = useState(() =>
    createRemovalStore<Item>({ windowMs, onRelease: (hold) => releaseRef.current(hold) }),
  )
  useEffect(() => () => store.dispose(), [store])
  const holdToasts = useRef(new Map<number, number>())
  const mutation = useRemovalMutation(store, (request, results) => {
    const [only] = request.commands
    if (!quiet && !request.bulk && only && results.get(only.id)?.status === 'removed') {
      toasts.show({ text: t('toast.removed', { command: only.command }) })
    }
    onSettled?.(request, results)
  })
  const { mutate } = mutation

  const { removal, release } = useMemo(() => {
    // A hold's toast goes once the hold ends: sent, or undone.
    const endHold = (holdId: number) => {
      toasts.dismiss(holdToasts.current.get(holdId) ?? 0)
      holdToasts.current.delete(holdId)
    }
    const send = (commands: readonly Item[], bulk: boolean) => {
      const free = notUnderWay(queryClient, store, commands)
      if (free.length > 0) mutate({ commands: free, bulk })
    }
    const removal: Removal<Item> = {
      store,
      request: (commands, bulk) => {
        const free = notUnderWay(queryClient, store, commands)
        if (free.length > 0) setConfirming({ commands: free, bulk })
      },
      send,
      undo: (holdId, commandId) => {
        endHold(holdId)
        const undone = store.undo(holdId, commandId)
        // A row taken out of a removal of many: the others stay held, with the selection bar's Undo. Undo that
        // comes after the removal was sent says so, rather than doing nothing.
        if (!store.getState().holds.some((hold) => hold.id === holdId)) {
          toasts.show({ text: t(undone ? 'toast.undone' : 'toast.tooLate') })
        }
      },
    }
    const release = (hold: Hold<Item>) => {
      endHold(hold.id)
      send(hold.commands, hold.bulk)
    }
    return { removal, release }
  }, [store, mutate, toasts, t, queryClient])
  releaseRef.current = release

  // However often Confirm is activated in one moment (a double click, a script), a request is held once.
  const confirmed = useRef<RemovalRequest<Item> | null>(null)
  const confirm = (request: RemovalRequest<Item>) => {
    if (confirmed.current === request) return
    confirmed.current = request
    setConfirming(null)
    const hold = store.hold(request.commands, request.bulk)
    if (quiet) return
    holdToasts.current.set(
      hold.id,
      toasts.show({
        text: t('toast.scheduled', { count: request.commands.length }),
        action: { label: t('toast.undo'), run: () => removal.undo(hold.id) },
        durationMs: windowMs,
      }),
    )
  }
  const dialog = confirming && (
    <ConfirmRemoval
      request={confirming}
      onCancel={() => setConfirming(null)}
      onConfirm={() => confirm(confirming)}
    />
  )
  return { removal, mutation, dialog }
}
