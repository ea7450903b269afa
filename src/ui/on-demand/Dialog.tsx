import { type ReactNode, useEffect, useId, useRef } from 'react'
import { userY } from '../interaction-point'
import { clampInto, placeAround, visibleBand } from './visible-area'

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
    // Where the user is, not the middle of a frame that may be far taller than the screen. Read before the
    // dialog takes the focus (and so the interaction point).
    const anchor = userY()
    // Placed near the user before it opens, and focused without scrolling: showModal() focuses a control, and
    // the Bitrix24 page scrolls (even across origins) to bring it into view, to the page's top if the dialog
    // were still at top 0. The dialog itself takes that first focus; its control takes it once placed.
    dialog.style.top = `${placeAround(anchor, 240)}px`
    dialog.tabIndex = -1
    dialog.setAttribute('autofocus', '')
    dialog.showModal()
    const place = (top: number) => {
      dialog.style.top = `${top}px`
      // The frame is as tall as the app: the app grows to hold the whole dialog (a short list, a tall form).
      document.documentElement.style.setProperty('--dialog-bottom', `${top + dialog.offsetHeight + 16}px`)
    }
    const wanted = placeAround(anchor, dialog.offsetHeight)
    place(wanted)
    // A dialog that grows while open (a language added to a form) grows the app with it.
    const growing = new ResizeObserver(() => place(dialog.offsetTop))
    growing.observe(dialog)
    focusable(dialog)[0]?.focus({ preventScroll: true })
    // Then wholly inside the part of the page the user sees (a row at the bottom edge opens it above).
    let open = true
    void visibleBand().then((band) => {
      if (!open) return
      place(clampInto(band, wanted, dialog.offsetHeight))
      dialog.dataset.placed = 'true'
    })
    // The close event is dispatched after the call that closed it: one that comes while the dialog is open again
    // was queued by a close before it reopened (React's StrictMode closes and reopens a new dialog at once), not
    // by the user, and must not close it.
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current()
    }
    dialog.addEventListener('close', handleClose)
    // Escape asks the owner, which closes the dialog by letting it go (or keeps it, as a restore under way does).
    // Left to the browser, the dialog would close at once but say so only in a later task: an owner that opened a
    // new dialog meanwhile (Escape, then Enter on Remove) would lose it to that late word.
    const handleCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', handleCancel)
    // Focus stays inside: Tab from the last control (or from anywhere not a control, such as the dialog's text
    // after a click) goes to the first, Shift+Tab to the last (a modal dialog keeps focus from the page behind,
    // but not from leaving the frame for the Bitrix24 page).
    const trapTab = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const controls = focusable(dialog)
      const at = controls.indexOf(document.activeElement as HTMLElement)
      const first = controls[0]
      const last = controls.at(-1)
      if (!first || !last) return
      if (event.shiftKey && at <= 0) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (at === -1 || at === controls.length - 1)) {
        event.preventDefault()
        first.focus()
      }
    }
    dialog.addEventListener('keydown', trapTab)
    return () => {
      open = false
      growing.disconnect()
      dialog.removeEventListener('keydown', trapTab)
      dialog.removeEventListener('close', handleClose)
      dialog.removeEventListener('cancel', handleCancel)
      document.documentElement.style.removeProperty('--dialog-bottom')
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

/** The controls a user can reach in the dialog, in order. */
function focusable(dialog: HTMLDialogElement): HTMLElement[] {
  return [
    ...dialog.querySelectorAll<HTMLElement>(
      'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary',
    ),
  ]
}
