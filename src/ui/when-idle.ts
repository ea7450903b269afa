/** Work asked for before the page's first request left (startIdleWork); undefined once it has. */
let waiting: (() => void)[] | undefined = []

/**
 * Runs `work` when the thread is next idle (`requestIdleCallback`; a timer where the browser has none, as Safari),
 * and not before the page's first request has left: work the page will need, done while it waits for the answer,
 * never on the way to something the user waits for. (Run while the handshake was on its way, the first Intl objects
 * held its answer, and with it the request, by up to 20 ms.)
 */
export function whenIdle(work: () => void): void {
  if (waiting) waiting.push(work)
  else (globalThis.requestIdleCallback ?? setTimeout)(() => work())
}

/** Called once the page's first request has left, or none will (main.tsx): the work asked for so far may run. */
export function startIdleWork(): void {
  const asked = waiting ?? []
  waiting = undefined
  for (const work of asked) whenIdle(work)
}
