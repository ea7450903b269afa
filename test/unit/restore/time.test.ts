import { describe, expect, it } from 'vitest'
import { formatDuration, isLongRun, timeLeftMs } from '../../../src/features/restore/on-demand/time'

describe('the time a restore still needs', () => {
  it('has nothing to go by before a request has ended', () => {
    expect(timeLeftMs({ elapsedMs: 5000, requestsDone: 0, lastAnswerMs: 0, commandsLeft: 150 })).toBeNull()
  })

  it('goes by the requests so far on a slow portal, less the time the one on its way has taken', () => {
    // 14 s a request: the reading and the first batch took 28 s; two batches and a reading are left.
    expect(timeLeftMs({ elapsedMs: 28_000, requestsDone: 2, lastAnswerMs: 28_000, commandsLeft: 100 })).toBe(
      42_000,
    )
    expect(timeLeftMs({ elapsedMs: 38_000, requestsDone: 2, lastAnswerMs: 28_000, commandsLeft: 100 })).toBe(
      32_000,
    )
    // A request slower than the others still leaves the ones after it.
    expect(timeLeftMs({ elapsedMs: 60_000, requestsDone: 2, lastAnswerMs: 28_000, commandsLeft: 100 })).toBe(
      28_000,
    )
  })

  it('is never sooner than Bitrix24’s rate limit allows: 5,000 commands take at least 26 s on a fast portal', () => {
    // The reading and the first batch answered within 300 ms: 99 batches and a reading are left, 48 tokens in hand.
    const left = timeLeftMs({ elapsedMs: 300, requestsDone: 2, lastAnswerMs: 300, commandsLeft: 4950 }) ?? 0
    expect(left).toBeGreaterThan(25_500)
    expect(left).toBeLessThan(26_500)
  })

  it('is worth showing past two batches', () => {
    expect(isLongRun(100)).toBe(false)
    expect(isLongRun(101)).toBe(true)
  })
})

describe('a duration in words', () => {
  it('uses the language’s own short units, whole seconds gone by', () => {
    expect(formatDuration(42_900, 'en')).toBe('42 sec')
    expect(formatDuration(65_000, 'en')).toBe('1 min 5 sec')
    expect(formatDuration(120_000, 'en')).toBe('2 min')
    expect(formatDuration(65_000, 'ru')).toBe('1 мин 5 с')
    expect(formatDuration(42_000, 'de')).toBe('42 Sek.')
  })

  it('rounds an estimate up, to 5 s under a minute and 10 s above, and never says 0', () => {
    expect(formatDuration(41_000, 'en', 'estimate')).toBe('45 sec')
    expect(formatDuration(200, 'en', 'estimate')).toBe('5 sec')
    expect(formatDuration(61_000, 'en', 'estimate')).toBe('1 min 10 sec')
  })
})
