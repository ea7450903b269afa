import { TokenStore } from './auth.ts'
import { type BatchResults, batchCommand, batchResult, parseBatch } from './batch.ts'
import { emptySoFar } from './batch-references.ts'
import { isTransportCode, RestError } from './errors.ts'
import { echoDescription, FaultStore, notBitrixAnswer, parseFaultInjection, withEntry } from './faults.ts'
import { RestLog } from './log.ts'
import { findMethod, isV2Method } from './methods/index.ts'
import { makeTime, OperatingTracker } from './operating.ts'
import { randomHex } from './random.ts'
import { LeakyBucket } from './rate-limit.ts'
import { applySeed, createSeedState, parseCommandTextsRequest, seedWebhookBots } from './seed.ts'
import { copySettings, DEFAULT_SETTINGS, mergeSettings } from './settings.ts'
import { APP_ID, commandSnapshot, type PortalState } from './state.ts'
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
  WebhookTokenRequest,
} from './types.ts'
import { validateParams } from './validate.ts'
import {
  insufficientScope,
  parseWebhookTokenRequest,
  scopeOf,
  WebhookStore,
  webhookAuthError,
  webhookOwner,
} from './webhook.ts'

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

/**
 * Who is calling: the application inside the frame (an OAuth token; its client id owns its bots, and botToken /
 * CLIENT_ID are ignored), or the inbound webhook (each call names its bots' owner with its own bot token).
 */
type Identity = { kind: 'app'; appId: string } | { kind: 'webhook' }

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
  let webhook = new WebhookStore()
  let installFinishCalls = 0
  const tokens = new TokenStore(now)
  const faults = new FaultStore()
  /** Calls a hold fault keeps waiting, each released when the faults are cleared. */
  const held: (() => void)[] = []
  const releaseHeld = () => {
    for (const release of held.splice(0)) release()
  }
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

  /**
   * Runs one method (directly or inside a batch): scope, faults, operating-time block, the bot token, validation,
   * handler.
   */
  function callMethod(name: string, params: Record<string, unknown>, identity: Identity): CallResult {
    const call = runMethod(name, params, identity)
    return call.ok ? withAddedEntry(name, params, call) : { ...call, error: asAnswered(name, call.error) }
  }

  function runMethod(name: string, params: Record<string, unknown>, identity: Identity): CallResult {
    const startMs = now()
    const method = findMethod(name)
    if (isV2Method(name) && !settings.imbotV2) return fail(new RestError('ERROR_METHOD_NOT_FOUND'))
    // The webhook's permissions are checked with its credentials, before the method runs.
    const scope = method && identity.kind === 'webhook' ? scopeOf(method.name) : undefined
    if (scope && !webhook.hasScope(scope)) return fail(insufficientScope())
    const fault = faults.take(name, params, BEFORE_RUN)
    if (fault?.mode === 'error') return fail(faultError(fault), 'error')
    // Otherwise none, or a drop fault: the call runs, and its answer is lost afterwards.
    const consumed = fault?.mode
    if (!method) return fail(new RestError('ERROR_METHOD_NOT_FOUND'), consumed)
    if (operating.isBlocked(method.name)) return fail(new RestError('OPERATION_TIME_LIMIT'), consumed)
    try {
      // The token is the controllers' first check, before any parameter of their own.
      const appId =
        identity.kind === 'app' ? identity.appId : webhookOwner(method.webhookToken, params, settings)
      const asSent = settings.answerShape === 'live' ? method.liveAsSent : undefined
      const valid = method.schema
        ? validateParams(method.schema, params, { paramErrors: method.paramErrors, asSent })
        : params
      const lost = lostRows(name, params)
      const result = method.run(valid, {
        state,
        settings: copySettings(settings),
        appId,
        rowFails: lost.fails,
      })
      const time = timeFor(method.name, startMs)
      // A drop-titles fault is used up by a call that succeeded having lost a row, not by one it could not touch.
      if (lost.dropped()) faults.take(name, params, ['drop-titles'])
      const fault = consumed ?? (lost.dropped() ? 'drop-titles' : undefined)
      return { ok: true, result, time, drop: consumed === 'drop', fault }
    } catch (error) {
      if (error instanceof RestError) return fail(error, consumed)
      // A bug in the emulator must look like what a portal would answer, not crash the dev server.
      return fail(new RestError('INTERNAL_SERVER_ERROR', String(error)), consumed)
    }
  }

  /**
   * The language rows a pending drop-titles fault makes CommandLangTable::add fail on this call (`fails`, undefined
   * when none is pending), and whether it did.
   */
  function lostRows(name: string, params: Record<string, unknown>) {
    const fault = faults.peek(name, params, ['drop-titles'])
    let dropped = false
    const fails =
      fault?.mode === 'drop-titles'
        ? (language: string) => {
            const fail = fault.language === undefined || fault.language === language
            dropped ||= fail
            return fail
          }
        : undefined
    return { fails, dropped: () => dropped }
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

  /**
   * Sub-calls run in order with the batch's identity (under a webhook each reads the bot token from its own row), each
   * seeing what the earlier ones answered through its `$result[…]`-like references (batch.ts, batch-references.ts).
   */
  function runBatch(params: Record<string, unknown>, entry: RestLogEntry, identity: Identity): RestOutcome {
    const startMs = now()
    const fault = faults.take('batch', params, BEFORE_RUN)
    if (fault?.mode === 'error') return closeWith(entry, fail(faultError(fault), 'error'))
    let drop = fault?.mode === 'drop'
    const batch = parseBatch(params)
    const results: BatchResults = { result: [], errors: [], times: [] }
    const soFar = emptySoFar()
    for (const call of batch.calls) {
      const { method, params: callParams } = batchCommand(call.row, soFar, settings.batchSubstitution)
      const subEntry = log.open(iso(), method || '(none)', callParams, {
        inBatch: entry.seq,
        viaWebhook: identity.kind === 'webhook',
      })
      const outcome: CallResult = call.overLimit
        ? fail(new RestError('ERROR_BATCH_LENGTH_EXCEEDED'))
        : method.toLowerCase() === 'batch'
          ? fail(new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED'))
          : callMethod(method, callParams, identity)
      closeWith(subEntry, outcome)
      drop ||= outcome.drop
      if (outcome.ok) {
        results.result.push([call.key, outcome.result])
        results.times.push([call.key, outcome.time])
        soFar.result[call.key] = outcome.result
        soFar.time[call.key] = outcome.time
      } else {
        const body: RestErrorBody = outcome.error.toBody()
        results.errors.push([call.key, body])
        soFar.error[call.key] = body
        if (batch.halt) break
      }
    }
    const result = batchResult(results, batch.isList)
    return closeWith(entry, { ok: true, result, time: timeFor('batch', startMs), drop, fault: fault?.mode })
  }

  /** The caller of a request, or the error its credentials answer. */
  function authenticate(request: RestRequest): Identity | RestError {
    if (request.webhook) {
      const check = webhook.check(request.webhook)
      return check === 'ok' ? { kind: 'webhook' } : webhookAuthError(check, settings)
    }
    const auth = tokens.check(request.params?.auth)
    if (auth === 'ok') return { kind: 'app', appId: APP_ID }
    return new RestError(auth === 'expired' ? 'expired_token' : 'NO_AUTH_FOUND')
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
      INSTALL: !settings.installed,
      // Empty stores come as PHP's empty array; the host page sends the options it holds as an object.
      USER_OPTIONS: [],
      APP_OPTIONS: [],
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
    opening() {
      if (settings.installed) return 'app'
      // Bitrix24 opens the installation path for administrators only (rest/lib/preset/provider.php).
      return settings.isAdmin ? 'install' : 'not-installed'
    },
    installFinish() {
      // Counted whatever the state: an installed app must never send it, and a test checks that it did not.
      installFinishCalls += 1
      settings = mergeSettings(settings, { installed: true })
      return { installed: settings.installed, installFinishCalls }
    },
    refreshAuth: () => tokens.refresh(settings.tokenLifetimeSec),
    expireTokens: () => tokens.expireAll(),

    handle(request: RestRequest): RestOutcome {
      const params = request.params ?? {}
      const entry = log.open(iso(), request.method, params, { viaWebhook: request.webhook !== undefined })
      // Something in front of the portal answers first (a not-bitrix fault): the portal never sees the call.
      const foreign = faults.take(request.method, params, ['not-bitrix'])
      if (foreign?.mode === 'not-bitrix') {
        entry.status = foreign.status
        entry.fault = 'not-bitrix'
        return { status: foreign.status, body: null, drop: false, raw: notBitrixAnswer(foreign) }
      }
      // A careless server repeats what it got, before it checks anything (an echo fault).
      const echo = faults.take(request.method, params, ['echo'])
      if (echo?.mode === 'echo') {
        return closeWith(entry, fail(new RestError(echo.code, echoDescription(request), 400), 'echo'))
      }
      // Order as on a portal: the rate limit sees every request, then the token or the webhook is checked.
      if (!bucket.take()) return closeWith(entry, fail(new RestError('QUERY_LIMIT_EXCEEDED')))
      const identity = authenticate(request)
      if (identity instanceof RestError) return closeWith(entry, fail(identity))
      if (request.method.toLowerCase() === 'batch') return runBatch(params, entry, identity)
      return closeWith(entry, callMethod(request.method, params, identity))
    },

    hold(request: RestRequest) {
      if (!faults.take(request.method, request.params ?? {}, ['hold'])) return undefined
      return new Promise<void>((release) => held.push(release))
    },
    injectFault: (fault: FaultRequest) => faults.add(parseFaultInjection(fault)),
    listFaults: () => faults.list(),
    clearFaults() {
      faults.clear()
      releaseHeld()
    },

    reset() {
      settings = copySettings(initialSettings)
      state = createSeedState()
      webhook = new WebhookStore()
      installFinishCalls = 0
      // Old tokens answer expired_token (not NO_AUTH_FOUND) so that an open app recovers through refreshAuth.
      tokens.expireAll()
      faults.clear()
      releaseHeld()
      log.reset()
      operating.clear()
      bucket.reset()
    },

    getLog: () => log.list(),
    clearLog: () => log.clear(),
    getState: () => ({ ...state.snapshot(), installFinishCalls }),
    seed: (request) => applySeed(state, request),
    setCommandTexts(request) {
      const { commandId, titles, params } = parseCommandTextsRequest(request)
      const command = state.setTexts(commandId, titles, params ?? {})
      if (!command) throw new RangeError(`Command ${commandId} does not exist`)
      return commandSnapshot(command)
    },

    webhook: () => webhook.info(),
    updateWebhook: (patch) => webhook.update(patch),
    createWebhookToken(request: WebhookTokenRequest = {}) {
      const parsed = parseWebhookTokenRequest(request)
      const token = webhook.nextToken()
      // Seeding refuses an oversized request before changing anything; the token is kept only then.
      const seeded = seedWebhookBots(state, token, parsed)
      webhook.addToken(token)
      return { token, ...seeded }
    },
  }
}
