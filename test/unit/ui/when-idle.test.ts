import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startIdleWork, whenIdle } from '../../../src/ui/when-idle'

// Node has no requestIdleCallback: whenIdle falls back to a timer, which fake timers move.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('whenIdle', () => {
  it('holds work until the first request has left, then runs it, and later work at the next idle moment', () => {
    const ran: string[] = []
    whenIdle(() => ran.push('collator'))
    whenIdle(() => ran.push('plurals'))
    vi.runAllTimers()
    // While the handshake is on its way nothing runs, however idle the thread.
    expect(ran).toEqual([])

    startIdleWork()
    expect(ran).toEqual([])
    vi.runAllTimers()
    expect(ran).toEqual(['collator', 'plurals'])

    whenIdle(() => ran.push('prefetch'))
    vi.runAllTimers()
    expect(ran).toEqual(['collator', 'plurals', 'prefetch'])
  })
})
