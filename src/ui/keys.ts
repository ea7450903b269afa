import type { FocusEvent, KeyboardEvent } from 'react'

/** When each control that ignores a confirming key got the focus (see ignoreConfirmingKey). */
const focusedAt = new WeakMap<EventTarget, number>()

/** How soon after a control takes the focus a key press on it still belongs to the press before (a double tap). */
const settleMs = 400

/**
 * For a control that appears where the user just pressed a key (Undo, right after Enter on Confirm): a held-down
 * key repeats, and a quick second press (a double tap) follows within a moment; neither may press the new control.
 * Give the control both handlers: `onFocus={noteFocus}` and `onKeyDown={ignoreConfirmingKey}`.
 */
export function ignoreConfirmingKey(event: KeyboardEvent): void {
  const since = performance.now() - (focusedAt.get(event.currentTarget) ?? Number.NEGATIVE_INFINITY)
  if (event.repeat || ((event.key === 'Enter' || event.key === ' ') && since < settleMs))
    event.preventDefault()
}

export function noteFocus(event: FocusEvent): void {
  focusedAt.set(event.currentTarget, performance.now())
}
