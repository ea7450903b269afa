import { useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { type Translate, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { useToasts } from '../../ui'
import { ConfirmRemoval } from './confirm-on-demand'
import { createRemovalStore, type Hold, type RemovalStore, undoWindowMs } from './hold-store'
import { notUnderWay, useRemovalMutation } from './mutation'
import type { RemovalRequest, RemovalResults } from './outcome'

interface Removal {
  store: RemovalStore
  /** Asks for confirmation, then holds the removal for the undo window, then sends it. */
  request: (commands: readonly Command[], bulk: boolean) => void
  /** Sends at once: the user confirmed these already (a row's "try again", "retry the failed ones"). */
  send: (commands: readonly Command[], bulk: boolean) => void
  /** Cancels a held removal, or takes one command of it out (`commandId`, a row's Undo). */
  undo: (holdId: number, commandId?: number) => void
}

const RemovalContext = createContext<Removal | null>(null)

export function useRemoval(): Removal {
  const removal = useContext(RemovalContext)
  if (!removal) throw new Error('useRemoval() needs a RemovalProvider above it')
  return removal
}

interface RemovalProviderProps {
  children: ReactNode
  /** Hears each removal's results (the page takes the removed commands out of the selection). */
  onSettled?: (request: RemovalRequest, results: RemovalResults) => void
  /** The undo window; the default is the app's. */
  windowMs?: number
}

/**
 * The removal flow, from "Remove" to the outcome: the confirmation, the undo window (with its toast), the
 * request, and the toast for a single command removed. Rows and bars read their state through the hooks of
 * this folder and act through `useRemoval()`. A command is never sent twice: one held or on its way is left out
 * of a new removal, when it is asked for and when it is sent (a hold released, a retry).
 */
export function RemovalProvider({ children, onSettled, windowMs = undoWindowMs }: RemovalProviderProps) {
  // Every toast here follows a confirmation, and ConfirmRemoval shows only once the rest of the dictionary is
  // here (it renders under MoreMessages): by then every key is.
  const t = useI18n().t as Translate
  const toasts = useToasts()
  const [confirming, setConfirming] = useState<RemovalRequest | null>(null)
  const sendRef = useRef<(hold: Hold) => void>(() => undefined)
  const [store] = useState(() => createRemovalStore({ windowMs, onRelease: (hold) => sendRef.current(hold) }))
  useEffect(() => () => store.dispose(), [store])
  const holdToasts = useRef(new Map<number, number>())
  const queryClient = useQueryClient()

  const { mutate } = useRemovalMutation(store, (request, results) => {
    const [only] = request.commands
    if (!request.bulk && only && results.get(only.id)?.status === 'removed') {
      toasts.show({ text: t('toast.removed', { command: only.command }) })
    }
    onSettled?.(request, results)
  })

  const removal = useMemo<Removal>(() => {
    const undo = (holdId: number, commandId?: number) => {
      const toast = holdToasts.current.get(holdId)
      holdToasts.current.delete(holdId)
      if (toast !== undefined) toasts.dismiss(toast)
      const undone = store.undo(holdId, commandId)
      // A row taken out of a removal of many: the others stay held, with the selection bar's Undo. Undo that
      // comes after the removal was sent says so, rather than doing nothing.
      if (!store.getState().holds.some((hold) => hold.id === holdId)) {
        toasts.show({ text: t(undone ? 'toast.undone' : 'toast.tooLate') })
      }
    }
    return {
      store,
      request: (commands, bulk) => {
        const free = notUnderWay(queryClient, store, commands)
        if (free.length > 0) setConfirming({ commands: free, bulk })
      },
      send: (commands, bulk) => {
        const free = notUnderWay(queryClient, store, commands)
        if (free.length > 0) mutate({ commands: free, bulk })
      },
      undo,
    }
  }, [store, mutate, toasts, t, queryClient])
  sendRef.current = (hold) => {
    toasts.dismiss(holdToasts.current.get(hold.id) ?? 0)
    holdToasts.current.delete(hold.id)
    removal.send(hold.commands, hold.bulk)
  }

  // However often Confirm is activated in one moment (a double click, a script), a request is held once.
  const confirmed = useRef<RemovalRequest | null>(null)
  const confirm = (request: RemovalRequest) => {
    if (confirmed.current === request) return
    confirmed.current = request
    setConfirming(null)
    const hold = store.hold(request.commands, request.bulk)
    holdToasts.current.set(
      hold.id,
      toasts.show({
        text: t('toast.scheduled', { count: request.commands.length }),
        action: { label: t('toast.undo'), run: () => removal.undo(hold.id) },
        durationMs: windowMs,
      }),
    )
  }

  return (
    <RemovalContext.Provider value={removal}>
      {children}
      {confirming && (
        <ConfirmRemoval
          target={
            confirming.commands.length === 1 && !confirming.bulk
              ? { command: confirming.commands[0]?.command ?? '' }
              : { count: confirming.commands.length }
          }
          onCancel={() => setConfirming(null)}
          onConfirm={() => confirm(confirming)}
        />
      )}
    </RemovalContext.Provider>
  )
}
