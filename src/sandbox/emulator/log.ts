import type { RestLogEntry } from './types.ts'

/** Bounded so that a long demo session does not grow without end; tests look at far fewer entries. */
const MAX_ENTRIES = 5000

/** What a bot token reads as in the log. */
export const REDACTED = '•••'

/** `auth`: the access token, never logged, not even redacted (as before). */
function isAuthKey(key: string): boolean {
  return key.toLowerCase() === 'auth'
}

/**
 * Keys that carry a webhook's bot token: v2's botToken, v1's CLIENT_ID, in any spelling a portal reads, also as the
 * last part of a bracketed query key (`fields[botToken]`).
 */
function isTokenKey(key: string): boolean {
  const name = (/\[([^\]]*)\]$/.exec(key)?.[1] ?? key).toLowerCase().replace(/_/g, '')
  return name === 'bottoken' || name === 'clientid'
}

/** A token value as logged: "•••" when there is one, an empty or missing one as it came (to debug "missing"). */
function redacted(value: unknown): unknown {
  return value === undefined || value === null || value === '' ? value : REDACTED
}

/** Parameters as logged: `auth` removed and bot tokens redacted at every level, whatever the caller sent. */
export function forLog(params: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (isAuthKey(key)) continue
    copy[key] = isTokenKey(key) ? redacted(value) : cloneForLog(value)
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

/** A batch row "method?a=1&auth=...&botToken=...": the row keeps its params, minus auth, tokens redacted. */
function rowForLog(row: string): string {
  const at = row.indexOf('?')
  if (at === -1) return row
  const pairs = row.slice(at + 1).split('&')
  const keys = pairs.map(queryKey)
  if (!keys.some((key) => isAuthKey(key) || isTokenKey(key))) return row
  const kept = pairs.flatMap((pair, index) => {
    const key = keys[index] ?? ''
    if (isAuthKey(key)) return []
    if (!isTokenKey(key)) return [pair]
    const [rawKey = '', value = ''] = pair.split('=')
    return [value === '' ? pair : `${rawKey}=${REDACTED}`]
  })
  return `${row.slice(0, at)}?${kept.join('&')}`
}

function cloneForLog(value: unknown): unknown {
  if (typeof value === 'string') return rowForLog(value)
  if (Array.isArray(value)) return value.map(cloneForLog)
  if (typeof value === 'object' && value !== null) return forLog(value as Record<string, unknown>)
  return value
}

export class RestLog {
  private entries: RestLogEntry[] = []
  private seq = 0

  /** Appends an entry and returns it so that the caller can fill in the outcome (a batch learns it last). */
  open(
    at: string,
    method: string,
    params: Record<string, unknown>,
    options: { inBatch?: number; viaWebhook?: boolean } = {},
  ): RestLogEntry {
    this.seq += 1
    const entry: RestLogEntry = { seq: this.seq, at, method, params: forLog(params), status: 0 }
    if (options.inBatch !== undefined) entry.inBatch = options.inBatch
    if (options.viaWebhook) entry.via = 'webhook'
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
  return { ...entry, params: forLog(entry.params) }
}
