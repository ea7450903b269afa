/**
 * The leaky bucket of §5: each request adds 1 to the level, the level drains `drainPerSec` per second, and a
 * request that finds the level at `burst` or above is refused (QUERY_LIMIT_EXCEEDED) without adding to it.
 */
export class LeakyBucket {
  private level = 0
  private updatedAt: number

  constructor(
    private readonly now: () => number,
    private readonly limits: () => { burst: number; drainPerSec: number },
  ) {
    this.updatedAt = now()
  }

  private drain(): void {
    const at = this.now()
    const elapsedSec = Math.max(0, at - this.updatedAt) / 1000
    this.level = Math.max(0, this.level - elapsedSec * this.limits().drainPerSec)
    this.updatedAt = at
  }

  /** true: the request may proceed (and now counts); false: over the limit. */
  take(): boolean {
    this.drain()
    if (this.level >= this.limits().burst) return false
    this.level += 1
    return true
  }

  getLevel(): number {
    this.drain()
    return this.level
  }

  reset(): void {
    this.level = 0
    this.updatedAt = this.now()
  }
}
