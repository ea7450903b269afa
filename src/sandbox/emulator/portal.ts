import { TokenStore } from './auth.ts'
import { type BatchResults, batchResult, parseBatch } from './batch.ts'
import { RestError } from './errors.ts'
import { FaultStore } from './faults.ts'
import { RestLog } from './log.ts'
import { findMethod, isV2Method } from './methods/index.ts'
import { makeTime, OperatingTracker } from './operating.ts'
import { randomHex } from './random.ts'
import { LeakyBucket } from './rate-limit.ts'
import { applySeed, createSeedState } from './seed.ts'
import { copySettings, DEFAULT_SETTINGS, mergeSettings } from './settings.ts'
import { APP_ID, type PortalState } from './state.ts'
import type {
  FaultInjection,
  InitData,
  RestErrorBody,
  RestLogEntry,
  RestOutcome,
  RestRequest,
  RestTime,
  SandboxPortal,
  SandboxPortalOptions,
} from './types.ts'
import { validateParams } from './validate.ts'

/** One call's outcome before it is wrapped in an HTTP answer (direct) or a batch slot (sub-call). */
type CallResult =
  | { ok: true; result: unknown; time: RestTime; drop: boolean }
  | { ok: false; error: RestError; drop: boolean }

function fail(error: RestError, drop = false): CallResult {
  return { ok: false, error, drop }
}

/** The in-memory Bitrix24 portal. Pure: no Node or DOM APIs; time comes from `options.now`. */
export function createSandboxPortal(options: SandboxPortalOptions = {}): SandboxPortal {
  const now = options.now ?? (() => Date.now())
  const initialSettings = mergeSettings(DEFAULT_SETTINGS, options.settings ?? {})
  const memberId = randomHex(16)

  let settings = copySettings(initialSettings)
  let state: PortalState = createSeedState()
  const tokens = new TokenStore(now)
  const faults = new FaultStore()
  const log = new RestLog()
  const operating = new OperatingTracker(now)
  const bucket = new LeakyBucket(now, () => settings.rateLimit)

  const iso = () => new Date(now()).toISOString()

  function timeFor(method: string, startMs: number): RestTime {
    const finishMs = now()
    operating.add(method, Math.max(0, finishMs - startMs) / 1000)
    return makeTime(startMs, finishMs, operating.operating(method), operating.resetAt(method))
  }

  /** Runs one method (directly or inside a batch): faults, operating-time block, validation, handler. */
  function callMethod(name: string, params: Record<string, unknown>): CallResult {
    const startMs = now()
    const method = findMethod(name)
    if (isV2Method(name) && !settings.imbotV2) return fail(new RestError('ERROR_METHOD_NOT_FOUND'))
    const fault = faults.take(name, params)
    if (fault?.mode === 'error') return fail(new RestError(fault.code))
    const drop = fault?.mode === 'drop'
    if (!method) return fail(new RestError('ERROR_METHOD_NOT_FOUND'), drop)
    if (operating.isBlocked(method.name)) return fail(new RestError('OPERATION_TIME_LIMIT'), drop)
    try {
      const valid = method.schema
        ? validateParams(method.schema, params, { paramErrors: method.paramErrors })
        : params
      const result = method.run(valid, { state, settings: copySettings(settings), appId: APP_ID })
      return { ok: true, result, time: timeFor(method.name, startMs), drop }
    } catch (error) {
      if (error instanceof RestError) return fail(error, drop)
      // A bug in the emulator must look like what a portal would answer, not crash the dev server.
      return fail(new RestError('INTERNAL_SERVER_ERROR', String(error)), drop)
    }
  }

  function close(
    entry: RestLogEntry,
    status: number,
    body: unknown,
    drop: boolean,
    error?: string,
  ): RestOutcome {
    entry.status = status
    if (error) entry.error = error
    if (drop) entry.dropped = true
    return { status, body, drop }
  }

  function closeWith(entry: RestLogEntry, call: CallResult): RestOutcome {
    if (call.ok) return close(entry, 200, { result: call.result, time: call.time }, call.drop)
    return close(entry, call.error.status, call.error.toBody(), call.drop, call.error.code)
  }

  function runBatch(params: Record<string, unknown>, entry: RestLogEntry): RestOutcome {
    const startMs = now()
    const fault = faults.take('batch', params)
    if (fault?.mode === 'error') {
      const error = new RestError(fault.code)
      return close(entry, error.status, error.toBody(), false, error.code)
    }
    let parsed: ReturnType<typeof parseBatch>
    try {
      parsed = parseBatch(params)
    } catch (error) {
      if (!(error instanceof RestError)) throw error
      return close(entry, error.status, error.toBody(), fault?.mode === 'drop', error.code)
    }
    const results: BatchResults = { result: [], errors: [], times: [] }
    let drop = fault?.mode === 'drop'
    for (const call of parsed.batch.calls) {
      const rowError = parsed.rowErrors.get(call.key)
      const subEntry = log.open(iso(), call.method || '(invalid)', call.params, entry.seq)
      const outcome: CallResult = rowError
        ? fail(rowError)
        : call.method.toLowerCase() === 'batch'
          ? fail(new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED'))
          : callMethod(call.method, call.params)
      closeWith(subEntry, outcome)
      drop ||= outcome.drop
      if (outcome.ok) {
        results.result.push([call.key, outcome.result])
        results.times.push([call.key, outcome.time])
      } else {
        const body: RestErrorBody = outcome.error.toBody()
        results.errors.push([call.key, body])
        if (parsed.batch.halt) break
      }
    }
    const body = { result: batchResult(results, parsed.batch.isList), time: timeFor('batch', startMs) }
    return close(entry, 200, body, drop)
  }

  function issueInitData(portalHost: string): InitData {
    const auth = tokens.issue(settings.tokenLifetimeSec)
    return {
      LANG: settings.lang,
      DOMAIN: portalHost,
      PROTOCOL: 0,
      PATH: '/rest/',
      AUTH_ID: auth.AUTH_ID,
      AUTH_EXPIRES: auth.AUTH_EXPIRES,
      REFRESH_ID: auth.REFRESH_ID,
      MEMBER_ID: memberId,
      FIRST_RUN: false,
      IS_ADMIN: settings.isAdmin,
      INSTALL: false,
      USER_OPTIONS: {},
      APP_OPTIONS: {},
      PLACEMENT: 'DEFAULT',
      PLACEMENT_OPTIONS: {},
    }
  }

  return {
    getSettings: () => copySettings(settings),
    updateSettings(patch) {
      settings = mergeSettings(settings, patch)
      return copySettings(settings)
    },
    initData: issueInitData,
    refreshAuth: () => tokens.refresh(settings.tokenLifetimeSec),
    expireTokens: () => tokens.expireAll(),

    handle(request: RestRequest): RestOutcome {
      const params = request.params ?? {}
      const entry = log.open(iso(), request.method, params)
      // Order as on a portal: the rate limit sees every request, then the token is checked.
      if (!bucket.take()) {
        const error = new RestError('QUERY_LIMIT_EXCEEDED')
        return close(entry, error.status, error.toBody(), false, error.code)
      }
      const auth = tokens.check(params.auth)
      if (auth !== 'ok') {
        const error = new RestError(auth === 'expired' ? 'expired_token' : 'NO_AUTH_FOUND')
        return close(entry, error.status, error.toBody(), false, error.code)
      }
      if (request.method.toLowerCase() === 'batch') return runBatch(params, entry)
      return closeWith(entry, callMethod(request.method, params))
    },

    injectFault: (fault: FaultInjection) => faults.add(fault),
    listFaults: () => faults.list(),
    clearFaults: () => faults.clear(),

    reset() {
      settings = copySettings(initialSettings)
      state = createSeedState()
      // Old tokens answer expired_token (not NO_AUTH_FOUND) so that an open app recovers through refreshAuth.
      tokens.expireAll()
      faults.clear()
      log.reset()
      operating.clear()
      bucket.reset()
    },

    getLog: () => log.list(),
    clearLog: () => log.clear(),
    getState: () => state.snapshot(),
    seed: (request) => applySeed(state, request),
  }
}
