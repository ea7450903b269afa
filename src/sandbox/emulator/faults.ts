import { findMethod } from './methods/index.ts'
import type { FaultInjection, FaultMode, NotBitrixFault, RestRequest } from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * Injected faults: "answer the next `count` calls of `method` with `code`" (mode error), "perform them, then drop
 * the connection" (mode drop), "append `entry` to the list of their answers" (mode add-entry), or "answer them as
 * something that is not Bitrix24" (mode not-bitrix: a web page or other JSON), or "save them but lose the language
 * rows they add" (mode drop-titles: a database failure Im\Command swallows), "never answer them until the faults are
 * cleared" (mode hold), or "answer them with an error repeating what they carried" (mode echo). A call consumes a
 * fault only if its params match the fault's `match`.
 */

const MODES: readonly FaultMode[] = [
  'error',
  'drop',
  'add-entry',
  'not-bitrix',
  'drop-titles',
  'hold',
  'echo',
]

/** The methods whose language rows a drop-titles fault loses: those that add them through Im\Command. */
const ADD_LANGUAGE_ROWS = ['imbot.v2.Command.update', 'imbot.v2.Command.register']

function sameMethod(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function matches(fault: FaultInjection, params: Record<string, unknown>): boolean {
  if (!fault.match) return true
  return Object.entries(fault.match).every(([key, expected]) => {
    const actual = params[key]
    return actual !== undefined && actual !== null && String(actual) === String(expected)
  })
}

/** Entries are JSON values (they come from JSON or stand for it): a JSON round trip is a deep copy. */
function copyJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}

function copyFault(fault: FaultInjection): FaultInjection {
  const copy = { ...fault }
  if (copy.match) copy.match = { ...copy.match }
  if (copy.mode === 'add-entry') copy.entry = copyJson(copy.entry)
  return copy
}

export class FaultStore {
  private faults: FaultInjection[] = []

  add(fault: FaultInjection): void {
    this.faults.push(copyFault(fault))
  }

  list(): FaultInjection[] {
    return this.faults.map(copyFault)
  }

  clear(): void {
    this.faults = []
  }

  private find(
    method: string,
    params: Record<string, unknown>,
    modes: readonly FaultMode[],
  ): FaultInjection | undefined {
    return this.faults.find(
      (candidate) =>
        modes.includes(candidate.mode) && sameMethod(candidate.method, method) && matches(candidate, params),
    )
  }

  /** The first pending fault of one of `modes` for this call, none of it consumed (see take). */
  peek(
    method: string,
    params: Record<string, unknown>,
    modes: readonly FaultMode[],
  ): FaultInjection | undefined {
    const fault = this.find(method, params, modes)
    return fault && copyFault(fault)
  }

  /**
   * The first pending fault of one of `modes` for this call, with one use consumed; undefined when none applies.
   * Error and drop faults are taken before a call runs, add-entry faults only once it has succeeded, drop-titles
   * faults once it has succeeded having lost a row (peeked at before).
   */
  take(
    method: string,
    params: Record<string, unknown>,
    modes: readonly FaultMode[],
  ): FaultInjection | undefined {
    const fault = this.find(method, params, modes)
    if (!fault) return undefined
    fault.count -= 1
    if (fault.count <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault)
    return copyFault(fault)
  }
}

/** `answer` with `entry` appended to its list `key`; any other answer is returned as it is. */
export function withEntry(answer: unknown, key: string, entry: unknown): unknown {
  if (!isPlainObject(answer) || !Array.isArray(answer[key])) return answer
  return { ...answer, [key]: [...answer[key], copyJson(entry)] }
}

function readString(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new TypeError(`fault.${key} must be a string`)
  return value
}

function readCount(value: unknown): number {
  const count = typeof value === 'string' ? Number(value) : value
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new TypeError('fault.count must be a positive integer')
  }
  return count
}

function readMatch(value: unknown): Record<string, string | number> | undefined {
  if (value === undefined) return undefined
  if (!isPlainObject(value)) throw new TypeError('fault.match must be an object')
  const entries = Object.entries(value)
  if (!entries.every(([, item]) => typeof item === 'string' || typeof item === 'number')) {
    throw new TypeError('fault.match values must be strings or numbers')
  }
  return Object.fromEntries(entries) as Record<string, string | number>
}

type FaultBase = { method: string; count: number }

/** An error fault: any code, "" included when a description says what went wrong (live portals send such). */
function errorFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  const code = readString(input, 'code')?.trim()
  if (code === undefined)
    throw new TypeError('fault.code must be an error code ("" allowed with a description)')
  const description = readString(input, 'description')
  if (code === '' && !description?.trim()) {
    throw new TypeError('fault.description is required when fault.code is empty')
  }
  return description === undefined
    ? { ...base, mode: 'error', code }
    : { ...base, mode: 'error', code, description }
}

/** A drop fault; its code, if any, only names what the client will report. */
function dropFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  const code = readString(input, 'code')?.trim()
  return code ? { ...base, mode: 'drop', code } : { ...base, mode: 'drop' }
}

/** An add-entry fault: only for methods whose answer carries a list, with an entry that is any JSON value. */
function addEntryFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  if (!findMethod(base.method)?.listKey) {
    throw new TypeError(
      "fault.method must be imbot.v2.Command.list or imbot.v2.Bot.list for mode 'add-entry'",
    )
  }
  if (input.entry === undefined)
    throw new TypeError('fault.entry is required for mode add-entry (any JSON value)')
  return { ...base, mode: 'add-entry', entry: copyJson(input.entry) }
}

/** A not-bitrix fault: `answer` 'html' (default) or 'json', `status` any HTTP status (default 200). */
function notBitrixFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  const answer = input.answer ?? 'html'
  if (answer !== 'html' && answer !== 'json') throw new TypeError("fault.answer must be 'html' or 'json'")
  const status = input.status ?? 200
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw new TypeError('fault.status must be an HTTP status (200-599)')
  }
  return { ...base, mode: 'not-bitrix', answer, status }
}

/** A drop-titles fault: only for the methods that add language rows; `language` one id, every row without it. */
function dropTitlesFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  if (!ADD_LANGUAGE_ROWS.some((name) => sameMethod(name, base.method))) {
    throw new TypeError(
      "fault.method must be imbot.v2.Command.update or imbot.v2.Command.register for mode 'drop-titles'",
    )
  }
  // Im\Command lower-cases LANGUAGE_ID before it adds the row.
  const language = readString(input, 'language')?.trim().toLowerCase()
  if (language === undefined) return { ...base, mode: 'drop-titles' }
  if (language === '') throw new TypeError('fault.language must be a language id such as "en"')
  return { ...base, mode: 'drop-titles', language }
}

/** An echo fault: an error with `code` ("" by default), its description what the call carried. */
function echoFault(base: FaultBase, input: Record<string, unknown>): FaultInjection {
  return { ...base, mode: 'echo', code: readString(input, 'code')?.trim() ?? '' }
}

const READERS: Record<FaultMode, (base: FaultBase, input: Record<string, unknown>) => FaultInjection> = {
  error: errorFault,
  drop: dropFault,
  'add-entry': addEntryFault,
  'not-bitrix': notBitrixFault,
  'drop-titles': dropTitlesFault,
  hold: (base) => ({ ...base, mode: 'hold' }),
  echo: echoFault,
}

/** As PHP's urlencode (a query string, a form): `+` for a space, every byte but [A-Za-z0-9_.-] as %XX. */
function phpUrlencode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+')
}

/** As PHP's http_build_query writes parameters, nested ones as `key[inner]`. */
function phpQuery(params: unknown, prefix = ''): string[] {
  if (!isPlainObject(params) && !Array.isArray(params)) {
    return [`${phpUrlencode(prefix)}=${phpUrlencode(params === null ? '' : String(params))}`]
  }
  return Object.entries(params).flatMap(([key, value]) => phpQuery(value, prefix ? `${prefix}[${key}]` : key))
}

/** As PHP's json_encode writes a value: `/` as `\/`, every character not ASCII as `\uXXXX`. */
function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('/', '\\/')
    .replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * What an echo fault answers as its description: the call as a careless server prints it back (EchoFault). The
 * access token (`auth`) is left out.
 */
export function echoDescription(request: RestRequest): string {
  const { auth: _auth, ...params } = request.params ?? {}
  const hook = request.webhook
  const path = hook
    ? `/rest/${hook.userId}/${encodeURIComponent(hook.secret)}/${request.method}`
    : `/rest/${request.method}`
  const read = Object.entries(params).map(([key, value]) =>
    typeof value === 'object' && value !== null
      ? `${key}=${JSON.stringify(value)}`
      : `${key}=${String(value)}`,
  )
  return [
    `Cannot process ${path}`,
    `query ${phpQuery(params).join('&')}`,
    `JSON ${phpJson(params)}`,
    `read ${[...(hook ? [`secret=${hook.secret}`] : []), ...read].join(', ')}`,
  ].join('; ')
}

/**
 * What a not-bitrix fault answers: a sign-in page such as a proxy or single sign-on in front of a portal shows
 * (what a redirect to a login page ends in), or JSON of some other service. Neither is the REST envelope
 * (`{result, time}` or `{error, error_description}`) every Bitrix24 answer is (rest/classes/general/rest.php).
 */
export function notBitrixAnswer(fault: Pick<NotBitrixFault, 'answer'>): {
  contentType: string
  text: string
} {
  if (fault.answer === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      text: '{"status":"ok","message":"Service is running"}',
    }
  }
  return {
    contentType: 'text/html; charset=utf-8',
    text: '<!DOCTYPE html><html lang="en"><head><title>Sign in</title></head><body><h1>Sign in</h1><form method="post" action="/login"><input name="login"><input name="password" type="password"><button>Sign in</button></form></body></html>',
  }
}

/**
 * Reads a fault from untrusted JSON (the control API, the host page's form, injectFault). count defaults to 1,
 * mode to 'error'. Throws a TypeError naming the bad field.
 */
export function parseFaultInjection(input: unknown): FaultInjection {
  if (!isPlainObject(input)) throw new TypeError('A fault must be an object')
  const { method, count = 1, mode = 'error', match } = input
  if (typeof method !== 'string' || method.trim() === '')
    throw new TypeError('fault.method must be a method name')
  if (!MODES.includes(mode as FaultMode)) {
    throw new TypeError(
      "fault.mode must be 'error', 'drop', 'add-entry', 'not-bitrix', 'drop-titles', 'hold' or 'echo'",
    )
  }
  const fault = READERS[mode as FaultMode]({ method: method.trim(), count: readCount(count) }, input)
  const matchParams = readMatch(match)
  if (matchParams) fault.match = matchParams
  return fault
}
