/**
 * The few PHP semantics Bitrix24's server code leans on where the emulator models it: what `empty()`, `isset()`,
 * `mb_strlen()`, `is_numeric()` and `==` say, and which array keys PHP turns into integers. Kept here so that every
 * rule the sandbox takes from the server reads the same way as there.
 */

/** mb_strlen of UTF-8 text: code points, not UTF-16 units (an emoji is 1). */
export function mbStrlen(text: string): number {
  let length = 0
  for (const _ of text) length += 1
  return length
}

/** PHP's `empty()`: null, false, 0, "", "0" and an empty array. */
export function phpEmpty(value: unknown): boolean {
  if (
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    value === '0'
  )
    return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/** PHP's truthiness (`if ($value)`): anything `empty()` does not call empty. */
export const phpTruthy = (value: unknown): boolean => !phpEmpty(value)

const INTEGER_KEY = /^(0|-?[1-9]\d*)$/

/**
 * Whether PHP stores this array key as an integer: a decimal integer without a leading zero or sign other than "-",
 * within PHP_INT range ("12" and "-3" are; "012", "1.5", " 1" are not). A JSON `{"12": …}` or a query string's
 * `[12]` arrives as an integer key, and so does every index of a list.
 */
export function isIntegerKey(key: string): boolean {
  if (!INTEGER_KEY.test(key)) return false
  const value = BigInt(key)
  return value <= 9223372036854775807n && value >= -9223372036854775808n
}

// PHP 8's numeric strings: optional leading and trailing whitespace, a sign, digits with an optional fraction, an
// optional exponent (Zend/zend_operators.c, _is_numeric_string_ex).
const NUMERIC_STRING = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/

/** PHP's is_numeric: numbers, and strings PHP reads as numbers. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && NUMERIC_STRING.test(value)
}

/**
 * PHP 8's `==` between two strings: numerically when both are numeric strings ("1" == "01" == "1.0" == "1e0"),
 * byte for byte otherwise (so case matters).
 */
export function looseEqualStrings(a: string, b: string): boolean {
  if (a === b) return true
  return isNumeric(a) && isNumeric(b) && Number(a.trim()) === Number(b.trim())
}
