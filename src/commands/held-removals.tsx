import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useI18n } from '../i18n'
import type { Command } from '../imbot'
import { useToasts } from '../ui'

/** How long a confirmed removal waits, undoable, before anything is sent to Bitrix24. */
export const undoWindowMs = 5000

export interface Hold {
  id: number
  commandIds: ReadonlySet<number>
  /** Held from the selection (the bulk bar offers Undo) rather than from one row. */
  bulk: boolean
}

interface HeldRemovals {
  holds: readonly Hold[]
  /** Holds the removal of `commands`, then calls `send` unless undone in time. */
  hold: (commands: readonly Command[], send: () => void, options?: { bulk?: boolean }) => void
  undo: (holdId: number) => void
}

const HeldRemovalsContext = createContext<HeldRemovals>({
  holds: [],
  hold: () => undefined,
  undo: () => undefined,
})

/**
 * A removal is held for a few seconds, announced with an Undo action, before anything is sent. Undo sends
 * nothing; closing the page during the window sends nothing either (the timers die with it).
 */
export function HeldRemovalsProvider({ children }: { children: ReactNode }) {
  const [holds, setHolds] = useState<Hold[]>([])
  const timers = useRef(new Map<number, { timer: ReturnType<typeof setTimeout>; toast: number }>())
  const nextId = useRef(1)
  const { show, dismiss } = useToasts()
  const { t } = useI18n()

  const release = useCallback((holdId: number) => {
    setHolds((current) => current.filter((hold) => hold.id !== holdId))
    const pending = timers.current.get(holdId)
    timers.current.delete(holdId)
    return pending
  }, [])

  const undo = useCallback(
    (holdId: number) => {
      const pending = release(holdId)
      if (!pending) return
      clearTimeout(pending.timer)
      dismiss(pending.toast)
      show({ text: t('toast.undone') })
    },
    [release, dismiss, show, t],
  )

  const hold = useCallback(
    (commands: readonly Command[], send: () => void, { bulk = false } = {}) => {
      const id = nextId.current++
      setHolds((current) => [
        ...current,
        { id, bulk, commandIds: new Set(commands.map((command) => command.id)) },
      ])
      const toast = show({
        text: t('toast.scheduled', { count: commands.length }),
        action: { label: t('toast.undo'), run: () => undo(id) },
        durationMs: undoWindowMs,
      })
      const timer = setTimeout(() => {
        release(id)
        send()
      }, undoWindowMs)
      timers.current.set(id, { timer, toast })
    },
    [show, t, undo, release],
  )

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const { timer } of pending.values()) clearTimeout(timer)
    }
  }, [])

  const value = useMemo(() => ({ holds, hold, undo }), [holds, hold, undo])
  return <HeldRemovalsContext.Provider value={value}>{children}</HeldRemovalsContext.Provider>
}

export function useHeldRemovals(): HeldRemovals {
  return useContext(HeldRemovalsContext)
}

/** The hold a command is in, if its removal is waiting to be sent. */
export function useHoldOf(commandId: number): Hold | undefined {
  return useHeldRemovals().holds.find((hold) => hold.commandIds.has(commandId))
}
