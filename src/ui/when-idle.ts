/**
 * Runs `work` when the thread is next idle (`requestIdleCallback`; a timer where the browser has none, as Safari):
 * work the page will need, done while it waits, never on the way to something the user waits for.
 */
export function whenIdle(work: () => void): void {
  ;(globalThis.requestIdleCallback ?? setTimeout)(work)
}
