import { type ReactNode, useEffect, useId, useRef } from 'react'
import { placeAround, userY } from './interaction-point'

interface DialogProps {
  title: string
  children: ReactNode
  /** The buttons; the first focusable one inside the dialog gets focus when it opens. */
  actions: ReactNode
  onClose: () => void
}

/**
 * A modal confirmation built on the native <dialog>: showModal() makes the rest of the page inert (focus
 * stays inside) and Escape closes it. Focus returns to the element that opened it. It opens where the user
 * acted (see interaction-point.ts).
 */
export function Dialog({ title, children, actions, onClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // Where the user is, not the middle of a frame that may be far taller than the screen. Read before
    // showModal(), which moves focus (and so the interaction point) into the dialog.
    const anchor = userY()
    dialog.showModal()
    dialog.style.top = `${placeAround(anchor, dialog.offsetHeight)}px`
    const handleClose = () => onCloseRef.current()
    dialog.addEventListener('close', handleClose)
    return () => {
      dialog.removeEventListener('close', handleClose)
      if (dialog.open) dialog.close()
      // The opener may have left the page (the row was removed); then focus stays where the page puts it.
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  )
}
