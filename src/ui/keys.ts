import type { KeyboardEvent } from 'react'

/**
 * For a control that appears where the user just pressed a key (Undo, right after Enter on Confirm): a held-down
 * key repeats, and its repeats must not press the new control.
 */
export function ignoreKeyRepeat(event: KeyboardEvent): void {
  if (event.repeat) event.preventDefault()
}
