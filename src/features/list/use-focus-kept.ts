import { useLayoutEffect, useRef } from 'react'
import { focusIsLost } from '../../ui'

/**
 * When the control the user just used leaves with the state it belonged to (Undo, Dismiss, Stop waiting), the focus
 * would fall to the page's body. Whenever `state` changes and the focus is lost, it goes to `target()`, unless
 * `skip` says the change belongs to another part of the page (which moves the focus itself).
 */
export function useFocusKept<T>(
  state: T,
  target: () => HTMLElement | null | undefined,
  skip: (before: T, now: T) => boolean = () => false,
): void {
  const before = useRef(state)
  useLayoutEffect(() => {
    const was = before.current
    before.current = state
    if (Object.is(was, state) || skip(was, state) || !focusIsLost()) return
    target()?.focus()
  })
}

/**
 * Where the focus goes in a row: its last action (Remove: the user who removed one may go on removing), else its
 * checkbox.
 */
export function rowFocusTarget(row: Element | null | undefined): HTMLElement | null {
  return (
    [...(row?.querySelectorAll<HTMLElement>('.cell--actions button') ?? [])].at(-1) ??
    row?.querySelector<HTMLElement>('input') ??
    null
  )
}
