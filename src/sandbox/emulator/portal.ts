import { TokenStore } from './auth.ts'
import { type BatchResults, batchResult, parseBatch } from './batch.ts'
import { isTransportCode, RestError } from './errors.ts'
import { FaultStore, parseFaultInjection, withEntry } from './faults.ts'
import { RestLog } from './log.ts'
import { findMethod, isV2Method } from './methods/index.ts'
import { makeTime, OperatingTracker } from './operating.ts'
import { randomHex } from './random.ts'
import { LeakyBucket } from './rate-limit.ts'
import { applySeed, createSeedState } from './seed.ts'
import { copySettings, DEFAULT_SETTINGS, mergeSettings } from './settings.ts'
import { APP_ID, type PortalState } from './state.ts'
import type {
  ErrorFault,
  FaultMode,
  FaultRequest,
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
interface CallOutcome {
  /** The HTTP layer must drop the connection (a drop fault: the call ran, its answer is lost). */
  drop: boolean
  /** The injected fault the call consumed, for the log. */
  fault?: FaultMode
}
type Success = CallOutcome & { ok: true; result: unknown; time: RestTime }
type CallResult = Success | (CallOutcome & { ok: false; error: RestError })

function fail(error: RestError, fault?: FaultMode): CallResult {
  return { ok: false, error, drop: fault === 'drop', fault }
}

/** The error an error fault answers with: its code, and its description when it has one. */
function faultError(fault: ErrorFault): RestError {
  return new RestError(fault.code, fault.description)
}

/** Faults a call meets before it runs; add-entry faults wait for its success. */
const BEFORE_RUN: readonly FaultMode[] = ['error', 'drop']
const AFTER_SUCCESS: readonly FaultMode[] = ['add-entry']

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

  /**
   * Live portals answer every error an imbot.v2 controller raises with HTTP 400, whatever the reference's status
   * table says (live-portal.md); errors of the REST layer around it keep theirs.
   */
  function asAnswered(name: string, error: RestError): RestError {
    if (settings.answerShape !== 'live' || !isV2Method(name) || isTransportCode(error.code)) return error
    return error.withStatus(400)
  }

  /** Runs one method (directly or inside a batch): faults, operating-time block, validation, handler. */
  function callMethod(name: string, params: Record<string, unknown>): CallResult {
    const call = runMethod(name, params)
    return call.ok ? withAddedEntry(name, params, call) : { ...call, error: asAnswered(name, call.error) }
  }

  function runMethod(name: string, params: Record<string, unknown>): CallResult {
    const startMs = now()
    const method = findMethod(name)
    if (isV2Method(name) && !settings.imbotV2) return fail(new RestError('ERROR_METHOD_NOT_FOUND'))
    const fault = faults.take(name, params, BEFORE_RUN)
    if (fault?.mode === 'error') return fail(faultError(fault), 'error')
    // Otherwise none, or a drop fault: the call runs, and its answer is lost afterwards.
    const consumed = fault?.mode
    if (!method) return fail(new RestError('ERROR_METHOD_NOT_FOUND'), consumed)
    if (operating.isBlocked(method.name)) return fail(new RestError('OPERATION_TIME_LIMIT'), consumed)
    try {
      const valid = method.schema
        ? validateParams(method.schema, params, { paramErrors: method.paramErrors })
        : params
      const result = method.run(valid, { state, settings: copySettings(settings), appId: APP_ID })
      const time = timeFor(method.name, startMs)
      return { ok: true, result, time, drop: consumed === 'drop', fault: consumed }
    } catch (error) {
      if (error instanceof RestError) return fail(error, consumed)
      // A bug in the emulator must look like what a portal would answer, not crash the dev server.
      return fail(new RestError('INTERNAL_SERVER_ERROR', String(error)), consumed)
    }
  }

  /** A successful answer with the entry of a pending add-entry fault appended to its list, if one applies. */
  function withAddedEntry(name: string, params: Record<string, unknown>, call: Success): Success {
    const listKey = findMethod(name)?.listKey
    const fault = listKey ? faults.take(name, params, AFTER_SUCCESS) : undefined
    if (!listKey || fault?.mode !== 'add-entry') return call
    return { ...call, result: withEntry(call.result, listKey, fault.entry), fault: 'add-entry' }
  }

  /** Fills in the log entry with the call's outcome and makes the HTTP one. */
  function closeWith(entry: RestLogEntry, call: CallResult): RestOutcome {
    entry.status = call.ok ? 200 : call.error.status
    // An empty code is logged as it came: `error: ""` still marks a failure.
    if (!call.ok) entry.error = call.error.code
    if (call.drop) entry.dropped = true
    if (call.fault) entry.fault = call.fault
    const body = call.ok ? { result: call.result, time: call.time } : call.error.toBody()
    return { status: entry.status, body, drop: call.drop }
  }

  function runBatch(params: Record<string, unknown>, entry: RestLogEntry): RestOutcome {
    const startMs = now()
    const fault = faults.take('batch', params, BEFORE_RUN)
    if (fault?.mode === 'error') return closeWith(entry, fail(faultError(fault), 'error'))
    let drop = fault?.mode === 'drop'
    let parsed: ReturnType<typeof parseBatch>
    try {
      parsed = parseBatch(params)
    } catch (error) {
      if (!(error instanceof RestError)) throw error
      return closeWith(entry, fail(error, fault?.mode))
    }
    const results: BatchResults = { result: [], errors: [], times: [] }
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
    const result = batchResult(results, parsed.batch.isList)
    return closeWith(entry, { ok: true, result, time: timeFor('batch', startMs), drop, fault: fault?.mode })
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
      if (!bucket.take()) return closeWith(entry, fail(new RestError('QUERY_LIMIT_EXCEEDED')))
      const auth = tokens.check(params.auth)
      if (auth !== 'ok') {
        return closeWith(entry, fail(new RestError(auth === 'expired' ? 'expired_token' : 'NO_AUTH_FOUND')))
      }
      if (request.method.toLowerCase() === 'batch') return runBatch(params, entry)
      return closeWith(entry, callMethod(request.method, params))
    },

    injectFault: (fault: FaultRequest) => faults.add(parseFaultInjection(fault)),
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
