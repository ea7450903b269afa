import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterNextPaint } from '../../src/ui/after-paint'

// Fake timers move the page's frames too (one every 16 ms) and its tasks.
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('afterNextPaint', () => {
  it('runs the work in a task after the next frame, not before it', () => {
    const ran: string[] = []
    afterNextPaint(() => ran.push('below the first screen'))
    // A task queued now, before the frame, comes first: the work waits for the frame.
    setTimeout(() => ran.push('task before the frame'))
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['task before the frame'])

    vi.advanceTimersToNextFrame()
    expect(ran).toEqual(['task before the frame'])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['task before the frame', 'below the first screen'])
  })

  it('runs nothing once cancelled, before the frame or between the frame and the task', () => {
    const ran: string[] = []
    afterNextPaint(() => ran.push('early'))()
    const cancelLate = afterNextPaint(() => ran.push('late'))
    vi.advanceTimersToNextFrame()
    cancelLate()
    vi.runAllTimers()
    expect(ran).toEqual([])
  })
})
