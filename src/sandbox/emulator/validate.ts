import { RestError } from './errors.ts'
import type { MethodSchema, SchemaField } from './spec.ts'
import { resolveRef } from './spec.ts'

/**
 * Checks call parameters against a method schema and coerces them the way PHP does: integers and booleans may
 * arrive as strings (form posts, and every value of a batch sub-call), lists may arrive as objects keyed by
 * index (PHP-style query strings). Unknown parameters are ignored, as Bitrix24 does.
 */

export type Params = Record<string, unknown>

/** A method's own error: its code (in the code's own words), or a code with a description of its own. */
export type OwnError = string | { code: string; description: string }

/**
 * A method's own error for a parameter: one for a missing and a mistyped value alike, or one per reason (a reason
 * left out falls back to the parameter that holds it, then to INVALID_ARG_VALUE).
 */
export type ParamError = OwnError | { required?: OwnError; type?: OwnError }

export interface ValidateOptions {
  /**
   * The method's own errors for a missing or invalid parameter, keyed by the top-level name (botId →
   * BOT_ID_REQUIRED) or by a nested path (fields[title] → COMMAND_TITLE_REQUIRED); the nested path wins.
   */
  paramErrors?: Record<string, ParamError>
  /**
   * Top-level parameters passed on as sent, unchecked (the method checks them itself, as a controller reading its
   * request does), whether or not the schema describes them.
   */
  asSent?: readonly string[]
}

class InvalidParam extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'required' | 'type',
    readonly expected: string,
  ) {
    super(
      reason === 'required' ? `Parameter "${path}" is required` : `Parameter "${path}" must be ${expected}`,
    )
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value)
  return undefined
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === '1' || value === 'true' || value === 'Y') return true
  if (value === 0 || value === '0' || value === 'false' || value === 'N') return false
  return undefined
}

/** PHP has one array type: an object keyed 0..n-1 is a list too. */
function toList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
    if (keys.every((key) => /^\d+$/.test(key))) {
      return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key])
    }
  }
  return undefined
}

function coerce(schema: MethodSchema, field: SchemaField, value: unknown, path: string): unknown {
  const nested = resolveRef(schema, field.ref)
  switch (field.type) {
    case 'integer': {
      const number = toInteger(value)
      if (number === undefined) throw new InvalidParam(path, 'type', 'an integer')
      return number
    }
    case 'string':
      if (typeof value === 'string') return value
      if (typeof value === 'number' || typeof value === 'boolean') return String(value)
      throw new InvalidParam(path, 'type', 'a string')
    case 'boolean': {
      const flag = toBoolean(value)
      if (flag === undefined) throw new InvalidParam(path, 'type', 'a boolean')
      return flag
    }
    case 'object': {
      // An empty PHP array serialises as [] whatever it meant.
      const object = Array.isArray(value) && value.length === 0 ? {} : value
      if (!isPlainObject(object)) throw new InvalidParam(path, 'type', 'an object')
      return nested ? coerceFields(schema, nested, object, path) : object
    }
    case 'array': {
      const list = toList(value)
      if (!list) throw new InvalidParam(path, 'type', 'an array')
      if (!nested) return list
      return list.map((item, index) => {
        const itemPath = `${path}[${index}]`
        if (!isPlainObject(item)) throw new InvalidParam(itemPath, 'type', 'an object')
        return coerceFields(schema, nested, item, itemPath)
      })
    }
  }
}

function coerceFields(schema: MethodSchema, fields: SchemaField[], input: Params, prefix: string): Params {
  const output: Params = {}
  for (const field of fields) {
    const path = prefix ? `${prefix}[${field.name}]` : field.name
    const value = input[field.name]
    // An optional string sent empty is a value (PHP's isset('') is true): '' stays ''.
    if (value === '' && field.type === 'string' && !field.required) {
      output[field.name] = value
      continue
    }
    if (isMissing(value)) {
      if (field.required) throw new InvalidParam(path, 'required', field.type)
      continue
    }
    output[field.name] = coerce(schema, field, value, path)
  }
  // Keys the schema does not describe pass through untouched at nested levels (UF_* fields, filter keys).
  if (prefix) {
    for (const [key, value] of Object.entries(input)) {
      if (!(key in output) && !fields.some((field) => field.name === key)) output[key] = value
    }
  }
  return output
}

/** Returns the schema's parameters, coerced; throws RestError for a missing or mistyped one. */
export function validateParams(schema: MethodSchema, params: Params, options: ValidateOptions = {}): Params {
  const asSent = options.asSent ?? []
  try {
    const checked = schema.params.filter((field) => !asSent.includes(field.name))
    const output = coerceFields(schema, checked, params, '')
    for (const name of asSent) if (params[name] !== undefined) output[name] = params[name]
    return output
  } catch (error) {
    if (!(error instanceof InvalidParam)) throw error
    throw ownError(error, options.paramErrors ?? {}) ?? new RestError('INVALID_ARG_VALUE', error.message)
  }
}

function isOwnError(value: ParamError): value is OwnError {
  return typeof value === 'string' || 'code' in value
}

/** The method's own error for a bad parameter: by its path first, then by the top-level parameter holding it. */
function ownError(error: InvalidParam, paramErrors: Record<string, ParamError>): RestError | undefined {
  const topLevel = error.path.split('[')[0] ?? error.path
  for (const key of [error.path, topLevel]) {
    const entry = paramErrors[key]
    if (entry === undefined) continue
    const own = isOwnError(entry) ? entry : entry[error.reason]
    if (own === undefined) continue
    return typeof own === 'string' ? new RestError(own) : new RestError(own.code, own.description)
  }
  return undefined
}
