import type { RestTime } from './types.ts'

/**
 * Per-method operating time (§5): execution time summed over ten one-minute buckets. Past 480 s in ten
 * minutes the method is blocked with OPERATION_TIME_LIMIT. The sandbox's methods take microseconds, so the
 * block is never reached on its own; the numbers still show up in every answer's `time`, as on a portal.
 */

const BUCKET_MS = 60_000
const WINDOW_BUCKETS = 10
export const OPERATING_LIMIT_SEC = 480

interface Bucket {
  minute: number
  seconds: number
}

export class OperatingTracker {
  private readonly buckets = new Map<string, Bucket[]>()

  constructor(private readonly now: () => number) {}

  private current(method: string): Bucket[] {
    const oldestMinute = Math.floor(this.now() / BUCKET_MS) - WINDOW_BUCKETS + 1
    const kept = (this.buckets.get(method) ?? []).filter((bucket) => bucket.minute >= oldestMinute)
    this.buckets.set(method, kept)
    return kept
  }

  /** Seconds used by `method` within the window. */
  operating(method: string): number {
    return this.current(method).reduce((sum, bucket) => sum + bucket.seconds, 0)
  }

  isBlocked(method: string): boolean {
    return this.operating(method) >= OPERATING_LIMIT_SEC
  }

  /** Unix seconds at which the oldest counted bucket leaves the window. */
  resetAt(method: string): number {
    const first = this.current(method)[0]
    const minute = first ? first.minute : Math.floor(this.now() / BUCKET_MS)
    return Math.floor(((minute + WINDOW_BUCKETS) * BUCKET_MS) / 1000)
  }

  add(method: string, seconds: number): void {
    const minute = Math.floor(this.now() / BUCKET_MS)
    const buckets = this.current(method)
    const last = buckets[buckets.length - 1]
    if (last && last.minute === minute) last.seconds += seconds
    else buckets.push({ minute, seconds })
  }

  clear(): void {
    this.buckets.clear()
  }
}

/** Bitrix24 writes dates as "2026-02-26T09:41:56+03:00"; the sandbox lives in UTC. */
function bitrixDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`
}

/** The `time` object of every successful answer. */
export function makeTime(startMs: number, finishMs: number, operating: number, resetAt: number): RestTime {
  const duration = Math.max(0, finishMs - startMs) / 1000
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration,
    processing: duration,
    date_start: bitrixDate(startMs),
    date_finish: bitrixDate(finishMs),
    operating_reset_at: resetAt,
    operating,
  }
}
