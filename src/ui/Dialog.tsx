import { type ReactNode, useEffect, useId, useRef } from 'react'
import { placeAround, userY } from './interaction-point'
import { clampInto, visibleBand } from './visible-area'

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
    const wanted = placeAround(anchor, dialog.offsetHeight)
    dialog.style.top = `${wanted}px`
    // Then wholly inside the part of the page the user sees (a row at the bottom edge opens it above).
    let open = true
    void visibleBand().then((band) => {
      if (!open) return
      dialog.style.top = `${clampInto(band, wanted, dialog.offsetHeight)}px`
      dialog.dataset.placed = 'true'
    })
    // The close event is dispatched after the call that closed it: one that comes while the dialog is open again
    // was queued by a close before it reopened (React's StrictMode closes and reopens a new dialog at once), not
    // by the user, and must not close it.
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current()
    }
    dialog.addEventListener('close', handleClose)
    // Focus stays inside: Tab from the last control goes to the first, Shift+Tab from the first to the last
    // (a modal dialog keeps focus from the page behind, but not from leaving the frame for the Bitrix24 page).
    const trapTab = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const controls = [
        ...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, summary'),
      ]
      const first = controls[0]
      const last = controls.at(-1)
      if (!first || !last) return
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
    dialog.addEventListener('keydown', trapTab)
    return () => {
      open = false
      dialog.removeEventListener('keydown', trapTab)
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
