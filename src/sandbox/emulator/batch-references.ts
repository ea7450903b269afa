import { isIntegerKey, isNumeric } from './php.ts'
import { PhpArray } from './php-query.ts'
import { isPlainObject } from './validate.ts'

/**
 * What `batch` does to every key and value of a command's query string before the command runs
 * (rest/classes/general/rest_util.php: processBatchStructure, processBatchElement): `$result[key][path]`, and the
 * same with `$next`, `$total`, `$time` and `$error` (any case), is replaced from what the EARLIER commands of the
 * same batch answered (rest_provider.php methodsBatch fills $arResult command by command).
 */

/** methodsBatch's $arResult: what each earlier command answered, by command key. */
export interface BatchSoFar {
  result: Record<string, unknown>
  next: Record<string, unknown>
  total: Record<string, unknown>
  time: Record<string, unknown>
  /** `{error, error_description}` of each command that failed. */
  error: Record<string, unknown>
}

export function emptySoFar(): BatchSoFar {
  return { result: {}, next: {}, total: {}, time: {}, error: {} }
}

type Step = { found: true; value: unknown } | { found: false }

/** One byte of a PHP string (`$string[$offset]`, negative from the end); a non-ASCII byte alone is no text. */
function stringOffset(text: string, key: string): Step {
  if (!isIntegerKey(key)) return { found: false }
  const bytes = new TextEncoder().encode(text)
  const offset = Number(key) < 0 ? bytes.length + Number(key) : Number(key)
  const byte = bytes[offset]
  if (offset < 0 || byte === undefined) return { found: false }
  return { found: true, value: byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD' }
}

/** `isset($r[$key])` and then `$r[$key]`: an array's element that is not null, or a string's byte. */
function step(value: unknown, key: string): Step {
  if (Array.isArray(value)) {
    const item = isIntegerKey(key) ? value[Number(key)] : undefined
    return item === undefined || item === null ? { found: false } : { found: true, value: item }
  }
  if (isPlainObject(value)) {
    const item = Object.hasOwn(value, key) ? value[key] : undefined
    return item === undefined || item === null ? { found: false } : { found: true, value: item }
  }
  if (typeof value === 'string') return stringOffset(value, key)
  return { found: false }
}

// PCRE's \s without the u flag: ASCII whitespace only (a no-break space does not end a reference).
const NOT_SPACE = '[^\\t\\n\\v\\f\\r ]*'
const PATH_KEY = /\[([^\]]+)\]/g

/**
 * processBatchElement: every `$name…` up to the next whitespace whose rest holds `[key]`s. The keys are followed
 * while they exist (the walk stops at the last one found: past the end of a list it is the list). The reference as
 * the whole value takes what was reached, whatever it is; inside a longer text only a string or a number replaces
 * it (the whole match, up to the whitespace, is replaced, everywhere it occurs), anything else leaves it as written.
 * A name in another case (`$Result`) is matched, but finds nothing ($arResult's keys are lower-case): null.
 */
export function substituteElement(query: unknown, soFar: BatchSoFar, names: string): unknown {
  if (typeof query !== 'string') return query
  const pattern = new RegExp(`\\$(${names})(${NOT_SPACE})`, 'gi')
  let current: unknown = query
  for (const match of [...query.matchAll(pattern)]) {
    const [whole, name = '', rest = ''] = match
    const path = [...rest.matchAll(PATH_KEY)].map((key) => key[1] ?? '')
    if (path.length === 0) continue
    let reached: unknown = Object.hasOwn(soFar, name) ? soFar[name as keyof BatchSoFar] : null
    for (const key of path) {
      const next = step(reached, key)
      if (!next.found) break
      reached = next.value
    }
    if (typeof current !== 'string') break
    if (whole === current) {
      // An empty PHP array is an empty list to JSON, whatever it held.
      current = isPlainObject(reached) && Object.keys(reached).length === 0 ? [] : structuredClone(reached)
      continue
    }
    const text = isNumeric(reached) ? String(reached) : reached
    if (typeof text !== 'string') continue
    current = current.split(whole).join(text)
  }
  return current
}

/** A value PHP used as an array key: null is "", a number its decimal text. */
function asKey(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? '1' : '0'
  return String(value)
}

/**
 * processBatchStructure: values with the five names, and KEYS too, but keys with an empty name list (the call passes
 * no keysCache): `$` followed by a `[key]` path matches with the name "" and finds nothing, so a key that is such a
 * reference as a whole becomes "" and any other key stays (PHP's parse_str cannot even make a key with a whole
 * `[…]` in it).
 */
export function substituteStructure(params: PhpArray, soFar: BatchSoFar): PhpArray {
  const names = Object.keys(soFar).join('|')
  const walk = (array: PhpArray): PhpArray => {
    const out = new PhpArray()
    for (const [key, value] of array.entries) {
      const newKey = asKey(substituteElement(key, soFar, ''))
      out.set(newKey, value instanceof PhpArray ? walk(value) : substituteElement(value, soFar, names))
    }
    return out
  }
  return walk(params)
}
