import type { RestLogEntry } from './types.ts'

/** Bounded so that a long demo session does not grow without end; tests look at far fewer entries. */
const MAX_ENTRIES = 5000

/** Parameters as logged: `auth` removed at every level, whatever the caller sent. */
export function withoutAuth(params: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === 'auth') continue
    copy[key] = cloneWithoutAuth(value)
  }
  return copy
}

function queryKey(pair: string): string {
  const key = pair.split('=')[0] ?? ''
  try {
    return decodeURIComponent(key)
  } catch {
    return key
  }
}

/** A batch row "method?a=1&auth=...": the row keeps its params, minus auth. */
function rowWithoutAuth(row: string): string {
  const at = row.indexOf('?')
  if (at === -1 || !/(^|[?&])auth=/i.test(row)) return row
  const kept = row
    .slice(at + 1)
    .split('&')
    .filter((pair) => queryKey(pair).toLowerCase() !== 'auth')
  return `${row.slice(0, at)}?${kept.join('&')}`
}

function cloneWithoutAuth(value: unknown): unknown {
  if (typeof value === 'string') return rowWithoutAuth(value)
  if (Array.isArray(value)) return value.map(cloneWithoutAuth)
  if (typeof value === 'object' && value !== null) return withoutAuth(value as Record<string, unknown>)
  return value
}

export class RestLog {
  private entries: RestLogEntry[] = []
  private seq = 0

  /** Appends an entry and returns it so that the caller can fill in the outcome (a batch learns it last). */
  open(at: string, method: string, params: Record<string, unknown>, inBatch?: number): RestLogEntry {
    this.seq += 1
    const entry: RestLogEntry = { seq: this.seq, at, method, params: withoutAuth(params), status: 0 }
    if (inBatch !== undefined) entry.inBatch = inBatch
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
    return entry
  }

  list(): RestLogEntry[] {
    return this.entries.map((entry) => structuredCloneEntry(entry))
  }

  clear(): void {
    this.entries = []
  }

  /** Empty, numbering from 1 again (portal reset). */
  reset(): void {
    this.entries = []
    this.seq = 0
  }
}

function structuredCloneEntry(entry: RestLogEntry): RestLogEntry {
  return { ...entry, params: withoutAuth(entry.params) }
}
