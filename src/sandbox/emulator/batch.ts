import { type BatchSoFar, substituteStructure } from './batch-references.ts'
import { phpTruthy } from './php.ts'
import { parseStr, toJs } from './php-query.ts'
import type { RestErrorBody, RestTime } from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * `batch` as rest/classes/general/rest_provider.php methodsBatch runs it: `cmd` and `halt` in any case, each command
 * a "method?query" string read by parse_url and parse_str, the first 50 run in order, every later one answered
 * ERROR_BATCH_LENGTH_EXCEEDED in its own slot; a command that is not a string is skipped without a word.
 */

/** CRestUtil::BATCH_MAX_LENGTH. */
export const MAX_BATCH_CALLS = 50

export interface BatchCall {
  key: string
  /** The command as sent: "method?query". */
  row: string
  /** Past the 50th command: answered ERROR_BATCH_LENGTH_EXCEEDED, not run. */
  overLimit: boolean
}

export interface ParsedBatch {
  calls: BatchCall[]
  /** cmd was a list: the answer is keyed by index and encoded the way PHP encodes lists. */
  isList: boolean
  halt: boolean
}

/** array_change_key_case($params, CASE_UPPER)[$name]: a later spelling of the same name wins. */
function upperCased(params: Record<string, unknown>, name: string): unknown {
  let value: unknown
  for (const [key, item] of Object.entries(params)) if (key.toUpperCase() === name) value = item
  return value
}

/** Reads batch's `cmd` (an object or a list of rows; anything else holds no command) and `halt` (PHP truthiness). */
export function parseBatch(params: Record<string, unknown>): ParsedBatch {
  const cmd = upperCased(params, 'CMD')
  const rows: [string, unknown][] = Array.isArray(cmd)
    ? cmd.map((row, index) => [String(index), row])
    : isPlainObject(cmd)
      ? Object.entries(cmd)
      : []
  const calls: BatchCall[] = []
  rows.forEach(([key, row], index) => {
    // Counted, then skipped: `if (!is_string($call)) continue;` after `$cnt++`.
    if (typeof row === 'string') calls.push({ key, row, overLimit: index >= MAX_BATCH_CALLS })
  })
  return { calls, isList: Array.isArray(cmd), halt: phpTruthy(upperCased(params, 'HALT')) }
}

/**
 * One command's method and parameters: parse_url's path and query (a "#" starts the fragment, which is dropped),
 * the query read as parse_str does, then, unless `substitute` is off, the references to earlier commands replaced.
 */
export function batchCommand(
  row: string,
  soFar: BatchSoFar,
  substitute: boolean,
): { method: string; params: Record<string, unknown> } {
  const hash = row.indexOf('#')
  const url = hash === -1 ? row : row.slice(0, hash)
  const at = url.indexOf('?')
  const method = at === -1 ? url : url.slice(0, at)
  const parsed = parseStr(at === -1 ? '' : url.slice(at + 1))
  const params = toJs(substitute ? substituteStructure(parsed, soFar) : parsed)
  const record: Record<string, unknown> = isPlainObject(params) ? params : {}
  // Sub-calls run with the batch's own auth, whatever the row says.
  delete record.auth
  return { method, params: record }
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
