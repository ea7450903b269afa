import type { Command } from '../../../src/imbot'
import {
  createSandboxPortal,
  type LiveCommandEntry,
  type RestOutcome,
  type SandboxPortal,
  type SandboxSettings,
} from '../../../src/sandbox/emulator'

/** A portal on a fake clock, with a valid token, and a shorthand to call it. */
export interface PortalFixture {
  portal: SandboxPortal
  clock: { now: number; advance(ms: number): void }
  token: string
  call(method: string, params?: Record<string, unknown>): RestOutcome
  /** The `result` of a successful call; fails the test with the error otherwise. */
  result<T = unknown>(method: string, params?: Record<string, unknown>): T
}

export function portalFixture(settings: Partial<SandboxSettings> = {}): PortalFixture {
  const clock = {
    now: Date.UTC(2026, 1, 26, 9, 0, 0),
    advance(ms: number) {
      clock.now += ms
    },
  }
  const portal = createSandboxPortal({ now: () => clock.now, settings })
  const fixture: PortalFixture = {
    portal,
    clock,
    token: portal.initData('127.0.0.1:5173').AUTH_ID,
    call: (method, params = {}) => portal.handle({ method, params: { ...params, auth: fixture.token } }),
    result<T>(method: string, params: Record<string, unknown> = {}): T {
      const outcome = fixture.call(method, params)
      if (outcome.status !== 200) throw new Error(`${method} failed: ${JSON.stringify(outcome.body)}`)
      return (outcome.body as { result: T }).result
    },
  }
  return fixture
}

/** `{error, error_description}` of a failed outcome. */
export function errorOf(outcome: RestOutcome): { status: number; error: string; description: string } {
  const body = outcome.body as { error?: string; error_description?: string }
  return { status: outcome.status, error: body.error ?? '', description: body.error_description ?? '' }
}

/** An item of imbot.v2.Command.list in the docs' shape: the shape the app reads (one definition, in src/imbot). */
export type CommandItem = Command

/** An item of imbot.v2.Command.list as live portals send it (one definition, in the emulator). */
export type LiveCommandItem = LiveCommandEntry

export interface BatchBody {
  result: {
    result: unknown[] | Record<string, unknown>
    result_error: unknown[] | Record<string, { error: string; error_description: string }>
    result_total: unknown
    result_next: unknown
    result_time: unknown[] | Record<string, unknown>
  }
  time: Record<string, unknown>
}
