import {
  createContext,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react'
import { placeAround, userY } from './interaction-point'
import { lazyComponent } from './lazy'
import type { Band, clampInto } from './on-demand/visible-area'

/** A message's own code comes when the first message is due (and is fetched ahead, see loadToastItem's callers). */
export const loadToastItem = () => import('./on-demand/ToastItem').then((module) => module.ToastItem)
const ToastItem = lazyComponent(loadToastItem)

export interface Toast {
  id: number
  text: string
  /** An action offered with the message (e.g. Undo); the toast stays while it can still be used. */
  action?: { label: string; run: () => void }
  /** How long the toast stays, in milliseconds. */
  durationMs: number
}

interface ToastApi {
  show: (toast: Omit<Toast, 'id' | 'durationMs'> & { durationMs?: number }) => number
  dismiss: (id: number) => void
}

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined })

/** Room one message takes, for keeping the messages inside the visible part of the page. */
const toastsHeight = 64

/** Short confirmations, announced politely to screen readers through one live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  // Messages appear below where the user acted (the frame may be far taller than the screen).
  const [anchor, setAnchor] = useState<number | null>(null)
  // The part of the page the user sees, read when a message appears: messages stay wholly inside it. (Reading it
  // comes with the dialog's code, loaded on demand: a message follows an action, by when it is here.)
  const [placement, setPlacement] = useState<{ band: Band; clamp: typeof clampInto } | null>(null)
  const nextId = useRef(1)
  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  )
  const show = useCallback<ToastApi['show']>(({ durationMs = 4000, ...toast }) => {
    const id = nextId.current++
    setAnchor(placeAround(userY() + 48, 0))
    void import('./on-demand/visible-area').then(({ visibleBand, clampInto }) =>
      visibleBand().then((band) => setPlacement({ band, clamp: clampInto })),
    )
    setToasts((list) => [...list.slice(-2), { ...toast, id, durationMs }])
    return id
  }, [])
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss])
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        className="toasts"
        role="status"
        aria-live="polite"
        style={
          anchor === null
            ? undefined
            : {
                top: placement
                  ? placement.clamp(placement.band, anchor, toastsHeight * toasts.length)
                  : anchor,
              }
        }
      >
        <Suspense fallback={null}>
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDone={dismiss} />
          ))}
        </Suspense>
      </div>
    </ToastContext.Provider>
  )
}

export function useToasts(): ToastApi {
  return useContext(ToastContext)
}
