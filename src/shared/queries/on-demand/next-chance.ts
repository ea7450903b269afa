import { onlineManager } from '@tanstack/react-query'

// The wait before the app tries again (removal and restore alike, after Bitrix24 asked to slow down or the connection
// dropped). A module of its own: only code loaded on demand waits, so the first download carries none of it.

/** Resolves after `ms`, or as soon as the browser says the connection is back. */
export function nextChance(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      unsubscribe()
      resolve()
    }
    const timer = setTimeout(done, ms)
    const unsubscribe = onlineManager.subscribe((online) => {
      if (online) done()
    })
  })
}
