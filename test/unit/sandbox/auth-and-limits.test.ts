import { describe, expect, it } from 'vitest'
import { createSandboxPortal } from '../../../src/sandbox/emulator'
import { errorOf, portalFixture } from './portal-fixture'

describe('getInitData payload', () => {
  it('carries the §1 fields and the settings', () => {
    const portal = createSandboxPortal({ settings: { isAdmin: false, lang: 'ru', tokenLifetimeSec: 120 } })
    const data = portal.initData('127.0.0.1:5173')
    expect(data).toMatchObject({
      LANG: 'ru',
      DOMAIN: '127.0.0.1:5173',
      PROTOCOL: 0,
      PATH: '/rest/',
      AUTH_EXPIRES: '120',
      FIRST_RUN: false,
      IS_ADMIN: false,
      INSTALL: false,
      USER_OPTIONS: [],
      APP_OPTIONS: [],
      PLACEMENT: 'DEFAULT',
      PLACEMENT_OPTIONS: {},
    })
    expect(data.AUTH_ID).toMatch(/^[0-9a-f]{48}$/)
    expect(data.REFRESH_ID).toMatch(/^[0-9a-f]{48}$/)
    expect(data.MEMBER_ID).toMatch(/^[0-9a-f]{32}$/)
    expect(portal.initData('127.0.0.1:5173').AUTH_ID).not.toBe(data.AUTH_ID)
  })
})

describe('auth', () => {
  it('answers 401 NO_AUTH_FOUND without a token or with an unknown one', () => {
    const { portal } = portalFixture()
    expect(errorOf(portal.handle({ method: 'imbot.v2.Bot.list', params: {} }))).toMatchObject({
      status: 401,
      error: 'NO_AUTH_FOUND',
    })
    expect(errorOf(portal.handle({ method: 'imbot.v2.Bot.list', params: { auth: 'nope' } })).error).toBe(
      'NO_AUTH_FOUND',
    )
  })

  it('expires tokens after their lifetime, on the injected clock', () => {
    const fixture = portalFixture({ tokenLifetimeSec: 60 })
    fixture.clock.advance(59_000)
    expect(fixture.call('imbot.v2.Bot.list').status).toBe(200)
    fixture.clock.advance(1_000)
    expect(errorOf(fixture.call('imbot.v2.Bot.list'))).toEqual({
      status: 401,
      error: 'expired_token',
      description: 'The access token provided has expired',
    })
  })

  it('refreshAuth issues a new token and retires the old ones', () => {
    const fixture = portalFixture({ tokenLifetimeSec: 60 })
    const old = fixture.token
    fixture.clock.advance(30_000)
    const fresh = fixture.portal.refreshAuth()
    expect(fresh.AUTH_EXPIRES).toBe('60')
    expect(fresh.AUTH_ID).not.toBe(old)
    fixture.token = fresh.AUTH_ID
    expect(fixture.call('imbot.v2.Bot.list').status).toBe(200)
    fixture.token = old
    expect(errorOf(fixture.call('imbot.v2.Bot.list'))).toMatchObject({ status: 401, error: 'expired_token' })
  })

  it('expireTokens makes the current token answer expired_token at once', () => {
    const fixture = portalFixture()
    fixture.portal.expireTokens()
    expect(errorOf(fixture.call('imbot.v2.Bot.list'))).toMatchObject({ status: 401, error: 'expired_token' })
    fixture.token = fixture.portal.refreshAuth().AUTH_ID
    expect(fixture.call('imbot.v2.Bot.list').status).toBe(200)
  })

  it('applies a changed lifetime to tokens issued afterwards', () => {
    const fixture = portalFixture()
    fixture.portal.updateSettings({ tokenLifetimeSec: 5 })
    const data = fixture.portal.initData('127.0.0.1:5173')
    expect(data.AUTH_EXPIRES).toBe('5')
    fixture.token = data.AUTH_ID
    fixture.clock.advance(5_000)
    expect(errorOf(fixture.call('imbot.v2.Bot.list')).error).toBe('expired_token')
  })
})

describe('rate limit (leaky bucket)', () => {
  it('allows 50 requests at once, refuses the 51st with 503, and drains 2 per second', () => {
    const fixture = portalFixture()
    for (let i = 0; i < 50; i++) expect(fixture.call('imbot.bot.list').status).toBe(200)
    expect(errorOf(fixture.call('imbot.bot.list'))).toEqual({
      status: 503,
      error: 'QUERY_LIMIT_EXCEEDED',
      description: 'Too many requests',
    })
    // A refused request does not fill the bucket further.
    expect(fixture.call('imbot.bot.list').status).toBe(503)
    fixture.clock.advance(500)
    expect(fixture.call('imbot.bot.list').status).toBe(200)
    expect(fixture.call('imbot.bot.list').status).toBe(503)
    fixture.clock.advance(5_000)
    for (let i = 0; i < 10; i++) expect(fixture.call('imbot.bot.list').status).toBe(200)
    expect(fixture.call('imbot.bot.list').status).toBe(503)
  })

  it('follows the configured burst and drain', () => {
    const fixture = portalFixture({ rateLimit: { burst: 3, drainPerSec: 1 } })
    for (let i = 0; i < 3; i++) expect(fixture.call('imbot.bot.list').status).toBe(200)
    expect(fixture.call('imbot.bot.list').status).toBe(503)
    fixture.clock.advance(1_000)
    expect(fixture.call('imbot.bot.list').status).toBe(200)
  })

  it('counts a batch once, whatever it carries', () => {
    const fixture = portalFixture({ rateLimit: { burst: 2, drainPerSec: 0 } })
    const cmd = Array.from({ length: 50 }, () => 'imbot.bot.list')
    expect(fixture.call('batch', { cmd }).status).toBe(200)
    expect(fixture.call('batch', { cmd }).status).toBe(200)
    expect(fixture.call('batch', { cmd }).status).toBe(503)
  })
})

describe('operating time', () => {
  it('reports operating and operating_reset_at per method', () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0)
    const portal = createSandboxPortal({ now: () => now })
    const token = portal.initData('127.0.0.1:5173').AUTH_ID
    const first = portal.handle({ method: 'imbot.bot.list', params: { auth: token } }).body as {
      time: { operating: number; operating_reset_at: number }
    }
    expect(first.time.operating).toBe(0)
    expect(first.time.operating_reset_at).toBe(now / 1000 + 600)
    now += 11 * 60_000
    const later = portal.handle({ method: 'imbot.bot.list', params: { auth: token } }).body as {
      time: { operating_reset_at: number }
    }
    expect(later.time.operating_reset_at).toBe(now / 1000 + 600)
  })
})
