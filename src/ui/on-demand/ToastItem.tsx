import { type RefObject, useEffect, useLayoutEffect } from 'react'
import { ignoreConfirmingKey, noteFocus } from '../keys'
import type { Toast } from '../Toasts'
import { clampInto, placeAround, visibleBand } from './visible-area'

/** Room one message takes, for keeping the messages inside the visible part of the page. */
const toastHeight = 64

/**
 * The messages, placed in their live region below where the user acted for the latest one, then moved wholly inside
 * the part of the page the user sees (the frame may be far taller than the screen, and the parent's scroll is
 * another origin's).
 */
export function ToastList({
  toasts,
  region,
  onDone,
}: {
  toasts: readonly Toast[]
  region: RefObject<HTMLDivElement | null>
  onDone: (id: number) => void
}) {
  const nearY = toasts.at(-1)?.nearY ?? 0
  const height = toastHeight * toasts.length
  useLayoutEffect(() => {
    const style = region.current?.style
    if (!style) return
    const anchor = placeAround(nearY + 48, 0)
    style.top = `${anchor}px`
    let current = true
    void visibleBand().then((band) => {
      if (current) style.top = `${clampInto(band, anchor, height)}px`
    })
    return () => {
      current = false
    }
  }, [region, nearY, height])
  return toasts.map((toast) => <ToastItem key={toast.id} toast={toast} onDone={onDone} />)
}

/** One message of the live region, gone after its time or once its action is used. */
function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDone(toast.id), toast.durationMs)
    return () => clearTimeout(timer)
  }, [toast, onDone])
  return (
    <div className="toast">
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="button button--link toast__action"
          onFocus={noteFocus}
          onKeyDown={ignoreConfirmingKey}
          onClick={() => {
            toast.action?.run()
            onDone(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
    </div>
  )
}
