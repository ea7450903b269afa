import { isIntegerKey } from './php.ts'

/**
 * PHP's parse_str, as the portal reads the query string of each `batch` command (rest_util.php ParseBatchQuery),
 * over an ordered model of PHP's arrays so that the batch's substitution (batch-references.ts) sees keys in the order
 * PHP has them. Rules from main/php_variables.c (php_default_treat_data, php_register_variable_ex).
 */

/** A PHP array: ordered keys (integer keys written in decimal), values of any kind. */
export class PhpArray {
  readonly entries = new Map<string, unknown>()

  get(key: string): unknown {
    return this.entries.get(key)
  }

  /** `$array[$key] = $value`: a key already there keeps its place. */
  set(key: string, value: unknown): void {
    this.entries.set(key, value)
  }

  /** `$array[] = $value`: the next integer key, one past the largest there is (0 when there is none). */
  push(value: unknown): void {
    let next = 0n
    for (const key of this.entries.keys()) {
      if (isIntegerKey(key) && BigInt(key) >= next) next = BigInt(key) + 1n
    }
    this.entries.set(String(next), value)
  }
}

/** `max_input_nesting_level`: a name nested deeper is dropped whole. */
const MAX_NESTING = 64

/** urldecode: "+" is a space, %XX a byte (a malformed escape stays as written); the bytes read as UTF-8. */
export function urlDecode(text: string): string {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    const hex = text.slice(i + 1, i + 3)
    if (char === '+') bytes.push(0x20)
    else if (char === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else {
      const code = text.codePointAt(i) ?? 0
      const whole = String.fromCodePoint(code)
      bytes.push(...encoder.encode(whole))
      i += whole.length - 1
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/**
 * A variable name split as php_register_variable_ex does: the base name (leading spaces dropped, " " and "." made
 * "_"), then each `[index]` (null for `[]`). A "[" without its "]" is no index: in the base name it becomes "_" with
 * the rest kept; after an index the rest is ignored, as is anything after a "]" that no "[" follows.
 */
function splitName(raw: string): { base: string; indices: (string | null)[] } | undefined {
  const name = raw.replace(/^ +/, '')
  let base = ''
  let at = 0
  for (; at < name.length; at++) {
    const char = name[at]
    if (char === '[') break
    base += char === ' ' || char === '.' ? '_' : char
  }
  const indices: (string | null)[] = []
  while (at < name.length) {
    // `at` is on a "[".
    const start = at + 1
    if (name[start] === ']') {
      indices.push(null)
      at = start + 1
    } else {
      const close = name.indexOf(']', start)
      if (close === -1) {
        if (indices.length === 0) base += `_${name.slice(start).replace(/[ .[]/g, '_')}`
        break
      }
      indices.push(name.slice(start, close))
      at = close + 1
    }
    if (name[at] !== '[') break
  }
  if (base === '') return undefined
  return { base, indices }
}

/** Registers one `name=value` into `target`, as PHP does (a value that is not an array is replaced by one). */
function register(target: PhpArray, name: string, value: string): void {
  const split = splitName(name)
  if (!split || split.indices.length > MAX_NESTING) return
  const path = [split.base, ...split.indices]
  let holder = target
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] ?? null
    let next = key === null ? undefined : holder.get(key)
    if (!(next instanceof PhpArray)) {
      next = new PhpArray()
      if (key === null) holder.push(next)
      else holder.set(key, next)
    }
    holder = next as PhpArray
  }
  const last = path[path.length - 1] ?? null
  if (last === null) holder.push(value)
  else holder.set(last, value)
}

/** parse_str($query): every `name=value` pair split on "&" (empty ones skipped; a name without "=" gets ""). */
export function parseStr(query: string): PhpArray {
  const result = new PhpArray()
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const name = urlDecode(eq === -1 ? pair : pair.slice(0, eq))
    const value = eq === -1 ? '' : urlDecode(pair.slice(eq + 1))
    register(result, name, value)
  }
  return result
}

/**
 * A PHP value as the JSON a PHP portal would give a method: an array keyed 0..n-1 in order (or empty) becomes a list,
 * any other an object (JavaScript then orders integer keys first, which PHP does not).
 */
export function toJs(value: unknown): unknown {
  if (!(value instanceof PhpArray)) return value
  if (value.entries.size === 0) return []
  const entries = [...value.entries].map(([key, item]) => [key, toJs(item)] as const)
  if (entries.length > 0 && entries.every(([key], index) => key === String(index)))
    return entries.map(([, item]) => item)
  return Object.fromEntries(entries)
}
