import qs from 'qs'
import { RestError } from './errors.ts'
import type { RestErrorBody, RestTime } from './types.ts'
import { isPlainObject } from './validate.ts'

/** §3: at most 50 calls in one batch. */
export const MAX_BATCH_CALLS = 50

export interface BatchCall {
  key: string
  method: string
  params: Record<string, unknown>
}

export interface ParsedBatch {
  calls: BatchCall[]
  /** cmd was a list: the answer is keyed by index and encoded the way PHP encodes lists. */
  isList: boolean
  halt: boolean
}

/** "imbot.command.unregister?COMMAND_ID=7" → method and PHP-style parsed params (every value a string). */
export function parseBatchRow(key: string, row: unknown): BatchCall {
  if (typeof row !== 'string' || row.trim() === '') {
    throw new RestError('INVALID_ARG_VALUE', `Parameter "cmd[${key}]" must be "method?params"`)
  }
  const at = row.indexOf('?')
  const method = (at === -1 ? row : row.slice(0, at)).trim()
  const query = at === -1 ? '' : row.slice(at + 1)
  const params = qs.parse(query, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }) as Record<
    string,
    unknown
  >
  // Sub-calls run with the batch's own auth, whatever the row says.
  delete params.auth
  return { key, method, params }
}

function isHalt(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true' || value === 'Y'
}

/** Reads batch's `cmd` (object or list of rows) and `halt`; ERROR_BATCH_LENGTH_EXCEEDED past 50 calls. */
export function parseBatch(params: Record<string, unknown>): {
  batch: ParsedBatch
  rowErrors: Map<string, RestError>
} {
  const { cmd } = params
  if (!Array.isArray(cmd) && !isPlainObject(cmd)) {
    throw new RestError('INVALID_ARG_VALUE', 'Parameter "cmd" is required: {key: "method?params"}')
  }
  const rows: [string, unknown][] = Array.isArray(cmd)
    ? cmd.map((row, index) => [String(index), row])
    : Object.entries(cmd)
  if (rows.length > MAX_BATCH_CALLS) throw new RestError('ERROR_BATCH_LENGTH_EXCEEDED')
  const calls: BatchCall[] = []
  const rowErrors = new Map<string, RestError>()
  for (const [key, row] of rows) {
    try {
      calls.push(parseBatchRow(key, row))
    } catch (error) {
      if (!(error instanceof RestError)) throw error
      rowErrors.set(key, error)
      calls.push({ key, method: '', params: {} })
    }
  }
  return { batch: { calls, isList: Array.isArray(cmd), halt: isHalt(params.halt) }, rowErrors }
}

/** PHP's json_encode of an array: [] when empty, a list when keyed 0..n-1 in order, an object otherwise. */
export function phpArray<T>(entries: [string, T][], isList: boolean): T[] | Record<string, T> {
  if (entries.length === 0) return []
  if (isList && entries.every(([key], index) => key === String(index)))
    return entries.map(([, value]) => value)
  return Object.fromEntries(entries)
}

export interface BatchResults {
  result: [string, unknown][]
  errors: [string, RestErrorBody][]
  times: [string, RestTime][]
}

/** The inner `result` of a batch answer. */
export function batchResult(results: BatchResults, isList: boolean) {
  return {
    result: phpArray(results.result, isList),
    result_error: phpArray(results.errors, isList),
    // None of the emulated methods pages with total/next, so these are always empty, as on a portal.
    result_total: [],
    result_next: [],
    result_time: phpArray(results.times, isList),
  }
}
