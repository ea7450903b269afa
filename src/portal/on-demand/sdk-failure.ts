import type { PortalErrorShape } from '../types'

// What went wrong with a call through the SDK, read closely. A module of its own, which the portal client loads when
// a call fails (sdk-client.ts): none of this is needed before something goes wrong, so none of it is in the first
// download. It imports nothing at run time (the codes are portal-error.ts's `localErrorCodes`), so loading it costs
// the client one plain import().

const notBitrix24 = 'NOT_BITRIX24_ANSWER'
const unknown = 'UNKNOWN_ERROR'

/**
 * An HTTP answer the SDK did not read as Bitrix24's: sdk-client.ts's check stops a successful answer without `time`
 * before the SDK reads it (SDK 2.2.0 throws a TypeError there, "Cannot destructure property 'operating'…").
 */
export interface UncheckedAnswer {
  status: number
  /** The Content-Type header, if any. */
  type: unknown
  data: unknown
}

type Thrown = {
  code?: unknown
  status?: unknown
  message?: unknown
  description?: unknown
  method?: unknown
  operatingResetAt?: unknown
  originalError?: unknown
  response?: unknown
  /** Set by sdk-client.ts's check of every answer. */
  answer?: UncheckedAnswer
}

type Json = Record<string, unknown>

const asObject = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null ? (value as Json) : null

/**
 * Codes under which the SDK wraps another failure (its `originalError`): the wrapped one says what happened.
 * A Bitrix24 page that never answers refreshAuth, for instance, reaches the app as JSSDK_UNKNOWN_ERROR around
 * JSSDK_FRAME_REFRESH_AUTH_TIMEOUT.
 */
const wrapperCodes = new Set([
  'JSSDK_UNKNOWN_ERROR',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
  'JSSDK_INTERNAL_ERROR',
])

/** The HTTP answer a failure came with: the check's (an answer that passed no further), or the HTTP library's. */
function answerOf(value: unknown): UncheckedAnswer | null {
  const thrown = asObject(value) as Thrown | null
  if (thrown?.answer) return thrown.answer
  const response = asObject(thrown?.response)
  if (!response || typeof response.status !== 'number') return null
  const headers = asObject(response.headers)
  return { status: response.status, type: headers?.['content-type'], data: response.data }
}

/**
 * Bitrix24's own answer to a failed call: `{error, error_description}`, and on some errors `time`. Every answer of a
 * Bitrix24 REST server is a JSON object with `error`, or with `result` and `time` (rest/classes/general/rest.php);
 * anything else came from something that is not Bitrix24.
 */
function fromAnswer(answer: UncheckedAnswer, method: string): PortalErrorShape {
  const body = asObject(answer.data)
  if (!body || (typeof body.error !== 'string' && typeof body.error !== 'number')) {
    // A web page (a sign-in page, a proxy's error), JSON of another kind, or nothing: the address is not a
    // Bitrix24 REST server, or something stands in front of it. Its text is not shown: only what kind it was.
    return {
      code: notBitrix24,
      status: answer.status,
      description: typeof answer.type === 'string' ? answer.type : '',
      method,
    }
  }
  const reset = asObject(body.time)?.operating_reset_at
  return {
    // "0" is the code of an error the server built without one (portal-error.ts, bitrixErrorCode).
    code: typeof body.error === 'string' && body.error !== '0' ? body.error : '',
    status: answer.status,
    description: typeof body.error_description === 'string' ? body.error_description : '',
    method,
    operatingResetAt: typeof reset === 'number' ? reset : undefined,
  }
}

function read(error: unknown, method: string): PortalErrorShape {
  const thrown = asObject(error) as Thrown | null
  if (!thrown) return { code: unknown, status: 0, description: String(error), method }
  // A PortalError (or its shape): the app's own reading already.
  if (typeof thrown.description === 'string' && typeof thrown.method === 'string') {
    const { code, status, description, method: itsMethod, operatingResetAt } = thrown as PortalErrorShape
    return { code, status, description, method: itsMethod, operatingResetAt }
  }
  const answer = answerOf(thrown) ?? answerOf(thrown.originalError)
  if (answer) return fromAnswer(answer, method)
  const code = typeof thrown.code === 'string' ? thrown.code : ''
  if (wrapperCodes.has(code) && asObject(thrown.originalError)) {
    const unwrapped = read(thrown.originalError, method)
    if (unwrapped.code !== unknown) return unwrapped
  }
  return {
    code: code || unknown,
    status: typeof thrown.status === 'number' ? thrown.status : 0,
    description: typeof thrown.message === 'string' ? thrown.message : '',
    method,
  }
}

/**
 * What a call through the SDK failed with, as a PortalError's shape: Bitrix24's code, status and words where it
 * answered (read from its error body, which the SDK drops for an error with an empty code), NOT_BITRIX24_ANSWER where
 * something else answered, and the SDK's own code where nothing did, looking through the SDK's wrappers.
 *
 * OPERATION_TIME_LIMIT comes without `time` (rest.php answers errors without it; the SDK says the same), so when it
 * lifts is taken from the method's last answer, `time.operating_reset_at` in `resetAt` (the client keeps it), if
 * that is still to come.
 */
export function readSdkFailure(
  error: unknown,
  method: string,
  resetAt: ReadonlyMap<string, unknown> = new Map(),
): PortalErrorShape {
  const failure = read(error, method)
  const known = resetAt.get(failure.method)
  if (failure.code !== 'OPERATION_TIME_LIMIT' || failure.operatingResetAt !== undefined) return failure
  return typeof known === 'number' && known * 1000 > Date.now()
    ? { ...failure, operatingResetAt: known }
    : failure
}
