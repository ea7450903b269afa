import { randomHex } from './random.ts'
import type { AuthTokens } from './types.ts'

/**
 * Access tokens of the one user of the sandbox. getInitData adds a token (an iframe reload must not break a
 * test that holds an older one); refreshAuth supersedes all of them. A superseded token answers expired_token
 * rather than NO_AUTH_FOUND: a request that was already under way with it then recovers through the SDK's
 * refresh path instead of failing for good.
 */

export type TokenCheck = 'ok' | 'unknown' | 'expired'

interface Token {
  refreshId: string
  expiresAt: number
  /** expireTokens() forces expiry regardless of the clock. */
  revoked: boolean
}

/** Enough for several frames and test clients at once, while a long session stays bounded. */
const MAX_TOKENS = 32

export class TokenStore {
  private readonly tokens = new Map<string, Token>()

  constructor(private readonly now: () => number) {}

  issue(lifetimeSec: number): AuthTokens {
    const accessToken = randomHex(24)
    const refreshId = randomHex(24)
    this.tokens.set(accessToken, { refreshId, expiresAt: this.now() + lifetimeSec * 1000, revoked: false })
    while (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value
      if (oldest === undefined) break
      this.tokens.delete(oldest)
    }
    // A string, as live portals send it (live-portal.md, Round 2).
    return { AUTH_ID: accessToken, AUTH_EXPIRES: String(lifetimeSec), REFRESH_ID: refreshId }
  }

  /** A new token; every other one stops working (answers expired_token). */
  refresh(lifetimeSec: number): AuthTokens {
    this.expireAll()
    return this.issue(lifetimeSec)
  }

  expireAll(): void {
    for (const token of this.tokens.values()) token.revoked = true
  }

  check(accessToken: unknown): TokenCheck {
    if (typeof accessToken !== 'string' || accessToken === '') return 'unknown'
    const token = this.tokens.get(accessToken)
    if (!token) return 'unknown'
    if (token.revoked || this.now() >= token.expiresAt) return 'expired'
    return 'ok'
  }

  clear(): void {
    this.tokens.clear()
  }
}
