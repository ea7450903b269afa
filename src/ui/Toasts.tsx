import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react'
import { userY } from './interaction-point'
import { onDemand, onDemandModule } from './lazy'

/** The messages' own code comes when the first message is due (and is fetched ahead, see loadToastItem's callers). */
export const loadToastItem = onDemandModule(() => import('./on-demand/ToastItem'))
const ToastList = onDemand(loadToastItem, 'ToastList')

export interface Toast {
  id: number
  text: string
  /** An action offered with the message (e.g. Undo); the toast stays while it can still be used. */
  action?: { label: string; run: () => void }
  /** How long the toast stays, in milliseconds. */
  durationMs: number
  /** Where the user acted when it was asked for, in page pixels: the messages appear below it. */
  nearY: number
}

interface ToastApi {
  show: (toast: Omit<Toast, 'id' | 'durationMs' | 'nearY'> & { durationMs?: number }) => number
  dismiss: (id: number) => void
}

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined })

/**
 * Short confirmations, announced politely to screen readers through one live region, there from the start (a region
 * that appears with its first message is not always read). The messages themselves, and where they go, come on demand.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const region = useRef<HTMLDivElement>(null)
  const nextId = useRef(1)
  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  )
  const show = useCallback<ToastApi['show']>(({ durationMs = 4000, ...toast }) => {
    const id = nextId.current++
    // The frame may be far taller than the screen: the place the user just acted is on it.
    setToasts((list) => [...list.slice(-2), { ...toast, id, durationMs, nearY: userY() }])
    return id
  }, [])
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss])
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div ref={region} className="toasts" role="status" aria-live="polite">
        {toasts.length > 0 && <ToastList toasts={toasts} region={region} onDone={dismiss} />}
      </div>
    </ToastContext.Provider>
  )
}

export function useToasts(): ToastApi {
  return useContext(ToastContext)
}
