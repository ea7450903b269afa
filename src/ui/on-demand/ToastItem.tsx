import { useEffect } from 'react'
import { ignoreConfirmingKey, noteFocus } from '../keys'
import type { Toast } from '../Toasts'

/** One message of the live region, gone after its time or once its action is used. */
export function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
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
