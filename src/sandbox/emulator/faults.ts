import type { FaultInjection, FaultMode } from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * Injected faults: "answer the next `count` calls of `method` with `code`" (mode error) or "perform them, then
 * drop the connection" (mode drop). A call consumes a fault only if its params match the fault's `match`.
 */

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

  /** The first pending fault for this call, with one use consumed; undefined when none applies. */
  take(method: string, params: Record<string, unknown>): FaultInjection | undefined {
    const fault = this.faults.find(
      (candidate) => sameMethod(candidate.method, method) && matches(candidate, params),
    )
    if (!fault) return undefined
    fault.count -= 1
    if (fault.count <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault)
    return copyFault(fault)
  }
}

function copyFault(fault: FaultInjection): FaultInjection {
  return fault.match ? { ...fault, match: { ...fault.match } } : { ...fault }
}

/**
 * Reads a fault from untrusted JSON (the control API, the host page's form). count defaults to 1, mode to
 * 'error'. Throws a TypeError naming the bad field.
 */
export function parseFaultInjection(input: unknown): FaultInjection {
  if (!isPlainObject(input)) throw new TypeError('A fault must be an object')
  const { method, code, count = 1, mode = 'error', match } = input
  if (typeof method !== 'string' || method.trim() === '')
    throw new TypeError('fault.method must be a method name')
  if (typeof code !== 'string' || code.trim() === '') throw new TypeError('fault.code must be an error code')
  const times = typeof count === 'string' ? Number(count) : count
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    throw new TypeError('fault.count must be a positive integer')
  }
  if (mode !== 'error' && mode !== 'drop') throw new TypeError("fault.mode must be 'error' or 'drop'")
  const fault: FaultInjection = {
    method: method.trim(),
    code: code.trim(),
    count: times,
    mode: mode as FaultMode,
  }
  if (match !== undefined) {
    if (!isPlainObject(match)) throw new TypeError('fault.match must be an object')
    const entries = Object.entries(match)
    if (!entries.every(([, value]) => typeof value === 'string' || typeof value === 'number')) {
      throw new TypeError('fault.match values must be strings or numbers')
    }
    fault.match = Object.fromEntries(entries) as Record<string, string | number>
  }
  return fault
}
