// A few field readers, combined into one small schema per answer shape (answers.ts). Each reader accepts every
// spelling live portals and the docs are known to use, and throws Unreadable for anything else, so one odd
// entry can be set aside while the others are read. (Written out rather than taken from a schema library: the
// app's first download has a budget, and this is all the app needs.)

import type { Listing } from './types'

/** An entry, or one of its fields, that the app cannot read. */
export class Unreadable extends Error {}

/** Reads one field's raw value; `undefined` when the answer does not carry it. */
export type FieldReader<T> = (value: unknown) => T

/** A plain JSON object (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A positive integer id, sent as a number or a numeric string; null for anything else (e.g. "def0"). */
export function positiveId(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null
}

export const id: FieldReader<number> = (value) => {
  const read = positiveId(value)
  if (read === null) throw new Unreadable('not a positive integer')
  return read
}

/** Free text; numbers are texts too; absent is empty. */
export const text: FieldReader<string> = (value) => {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new Unreadable('not a text')
}

const yes = new Set(['y', 'yes', 'true', '1'])
const no = new Set(['n', 'no', 'false', '0', ''])

/**
 * A flag as any portal sends it: a boolean, "Y"/"N", 1/0, "true"/"false". `null` when the answer does not
 * say (live portals leave `hidden` out): the app then claims neither.
 */
export const flag: FieldReader<boolean | null> = (value) => {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase()
    if (yes.has(word)) return true
    if (no.has(word)) return false
  }
  throw new Unreadable('not a flag')
}

/** A count; anything unreadable counts as unknown (0), since a count is never worth losing an entry over. */
export const count: FieldReader<number> = (value) => {
  const number = typeof value === 'string' ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : 0
}

/** The first of several names a field goes by (live portals renamed some: `extranet` for `extranetSupport`). */
export function named(entry: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (entry[name] !== undefined) return entry[name]
  return undefined
}

/**
 * A list as any portal sends it: a JSON list, an object keyed by id (PHP's arrays), or nothing (`[]` and `{}`
 * are both empty). `null` when it is not a list at all.
 */
export function entriesOf(value: unknown): unknown[] | null {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return value
  if (isRecord(value)) return Object.values(value)
  return null
}

/** Reads every entry on its own: one that cannot be read is kept aside, raw, and never hides the others. */
export function readEach<T>(
  entries: readonly unknown[],
  read: (entry: unknown) => T | undefined,
): Listing<T> {
  const listing: Listing<T> = { items: [], unreadable: [] }
  for (const entry of entries) {
    try {
      const item = read(entry)
      if (item !== undefined) listing.items.push(item)
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error
      listing.unreadable.push(withoutOwnerKeys(entry))
    }
  }
  return listing
}

/**
 * Keys that name an entry's owner: on older builds `appId` carries `"custom" + bot token` for webhook bots,
 * a secret. They are dropped from anything kept raw, so nothing shows, logs or exports them.
 */
const ownerKey = /^(app_?id|client_?id|bot_?token|token|auth|access_?token|refresh_?token|secret)$/i

export function withoutOwnerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOwnerKeys)
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ownerKey.test(key))
      .map(([key, inner]) => [key, withoutOwnerKeys(inner)]),
  )
}

/** How to read each field of an entry: a small schema, one line per field. */
export type Schema<T> = { [K in keyof T]: (entry: Record<string, unknown>) => T[K] }

/** Reads an object entry field by field; anything else is unreadable. */
export function readFields<T>(entry: unknown, schema: Schema<T>): T {
  if (!isRecord(entry)) throw new Unreadable('not an object')
  const read = {} as T
  for (const key of Object.keys(schema) as (keyof T)[]) read[key] = schema[key](entry)
  return read
}
