import { stringify } from 'qs-esm'
import { bitrixErrorCode, localErrorCodes } from '../portal-error'
import type { BatchCall, BatchOutcome } from '../types'

// `batch` is sent and read here, by the app, rather than by the SDK's batch helper: live portals answer empty
// maps as `[]`, errors with an empty code, and no per-call status, and the app must see the answer exactly as
// Bitrix24 sent it to read all of that (shared/reference/live-portal.md). The request still travels through
// the SDK's call (auth, token renewal, retries, limits). qs-esm is the SDK's own query encoder, so this costs
// no extra download; this module loads with the portal client, never in the first paint.

/** `cmd` of a batch request: each call as "method?query", the query in PHP's bracket notation. */
export function batchCommands(calls: Record<string, BatchCall>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(calls).map(([key, call]) => [key, `${call.method}?${stringify(call.params)}`]),
  )
}

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A map of the batch answer by call key; `[]` (PHP's empty array) and a missing map are empty. */
function mapOf(value: unknown): Json | null {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return {}
  if (Array.isArray(value)) return { ...value }
  return isRecord(value) ? value : null
}

/**
 * Every call's own outcome from a batch `result` (`{result, result_error, ...}`). A sub-call carries no HTTP
 * status of its own (the batch answers 200), so its status is 0: unknown. A call the answer says nothing about
 * fails as MALFORMED_ANSWER: a missing outcome is never read as success.
 */
export function readBatchAnswer(
  answer: unknown,
  calls: Record<string, BatchCall>,
): Record<string, BatchOutcome> {
  const results = isRecord(answer) ? mapOf(answer.result) : null
  const errors = isRecord(answer) ? mapOf(answer.result_error) : null
  const outcomes: Record<string, BatchOutcome> = {}
  for (const [key, call] of Object.entries(calls)) {
    const failure = errors?.[key]
    if (results === null || errors === null) {
      outcomes[key] = malformed(call, 'The batch answer is not a map of results.')
    } else if (failure !== undefined && failure !== null) {
      outcomes[key] = { ok: false, error: subError(failure, call) }
    } else if (key in results && results[key] !== undefined) {
      outcomes[key] = { ok: true, result: results[key] }
    } else {
      outcomes[key] = malformed(call, 'The batch answer has no entry for this call.')
    }
  }
  return outcomes
}

function subError(failure: unknown, call: BatchCall) {
  // `{error, error_description}`, or on some builds the code alone as a string. The code may be empty.
  const body = isRecord(failure) ? failure : { error: failure }
  return {
    code: bitrixErrorCode(body.error),
    status: 0,
    description: typeof body.error_description === 'string' ? body.error_description : '',
    method: call.method,
  }
}

function malformed(call: BatchCall, description: string): BatchOutcome {
  return {
    ok: false,
    error: { code: localErrorCodes.malformedAnswer, status: 200, description, method: call.method },
  }
}
