import { type RefObject, useLayoutEffect, useRef } from 'react'
import { focusIsLost } from '../ui'

/**
 * When the control the user just used leaves with the state it belonged to (Undo, Dismiss, Stop waiting), the focus
 * would fall to the page's body. Whenever `state` changes and the focus is lost, it goes to the last match in `area`
 * of the first of `targets` (CSS selectors, tried in order) that matches (a row's last action is its Remove), unless
 * `skip` says the change belongs to another part of the page (which moves the focus itself).
 */
export function useFocusKept<T>(
  area: RefObject<HTMLElement | null>,
  state: T,
  targets: readonly string[],
  skip: (before: T, now: T) => boolean = () => false,
): void {
  const before = useRef(state)
  useLayoutEffect(() => {
    const was = before.current
    before.current = state
    if (Object.is(was, state) || skip(was, state) || !focusIsLost()) return
    for (const target of targets) {
      const found = [...(area.current?.querySelectorAll<HTMLElement>(target) ?? [])].at(-1)
      if (found) return found.focus()
    }
  })
}
