/**
 * Takes a webhook's secret and bot token out of text a portal sent back (an error's description, its code), in
 * every spelling a server may echo them in. A portal repeats what it received in the form it read or printed it:
 * as typed; URL-encoded (a path, a query, a form body: `%XX` in either case, `+` for a space, encoded twice);
 * decoded (the secret as PHP read it out of the path, where the app only ever held its URL-encoded form); inside
 * JSON (`\"`, `\\`, `\/`, `\uXXXX`, as PHP's json_encode writes any character not ASCII), escaped again, or
 * HTML-escaped (`&quot;`, `&#34;`). Each character of a secret is matched in any of its spellings, so a text that
 * mixes them (a URL-encoded path holding a letter as typed) is masked too.
 *
 * Masking cannot be safe for a short secret: a secret of one letter would mask that letter everywhere, garbling
 * the message and betraying the secret by what is left. The form refuses secrets and tokens shorter than
 * `minSecretLength` (webhook-url.ts) before anything is sent.
 */

export const masked = '•••'

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** A hexadecimal number in either case: `E9` → `[Ee]9`. */
const anyCaseHex = (value: number, width: number) =>
  [...value.toString(16).toUpperCase().padStart(width, '0')]
    .map((digit) => (/[A-F]/.test(digit) ? `[${digit}${digit.toLowerCase()}]` : digit))
    .join('')

/** HTML's names for the characters an HTML-escaping server replaces (htmlspecialchars). */
const htmlNames: Readonly<Record<string, string>> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
}

/** Characters a JSON or PHP string puts a backslash before. */
const backslashed = new Set(['"', "'", '/'])

// Every repetition below is bounded, so that no text a portal sends can make the matching slow (a run of a hundred
// thousand backslashes takes as long as any other text): a backslash is doubled at most three times (a string
// escaped three times over), a number has at most a few leading zeros.
const escapes = 7

/**
 * A regular expression matching one character (one code point) in any spelling a server may echo it in; without the
 * character as it is when `asIs` is false.
 */
function anySpelling(char: string, asIs = true): string {
  const code = char.codePointAt(0) ?? 0
  // A percent sign may itself be encoded when a server encodes an encoded text again (%25XX).
  const percent = '(?:%25|%)'
  const urlEncoded = [...new TextEncoder().encode(char)].map((byte) => percent + anyCaseHex(byte, 2)).join('')
  // One \uXXXX per UTF-16 unit: a character beyond the first plane (an emoji) is written as its surrogate pair.
  const units = Array.from({ length: char.length }, (_, index) => char.charCodeAt(index))
  const jsonEscaped = units.map((unit) => `\\\\{1,${escapes + 1}}u${anyCaseHex(unit, 4)}`).join('')
  const alternatives = [
    urlEncoded,
    jsonEscaped,
    `&#0{0,4}${code};`,
    `&#[xX]0{0,4}${anyCaseHex(code, 1)};`,
    ...(Object.hasOwn(htmlNames, char) ? [`&${htmlNames[char]};`] : []),
    ...(char === ' ' ? ['\\+', `${percent}2[Bb]`] : []),
  ]
  if (asIs) alternatives.push((backslashed.has(char) ? `\\\\{0,${escapes}}` : '') + escapeRegExp(char))
  return `(?:${alternatives.join('|')})`
}

/**
 * A run of backslashes, as typed or escaped up to three times over: `\\` is `\\\\` in JSON, `\\\\\\\\` in JSON
 * escaped again. One unit, so that its backslashes are never matched one by one (which would take a time that grows
 * with the length of a run of backslashes in the text).
 */
function anyBackslashes(count: number): string {
  return `(?:(?:${anySpelling('\\', false)}){${count}}|\\\\{${count},${count * (escapes + 1)}})`
}

/** A secret as a matcher: each character in any spelling, a run of backslashes as one. */
function spellingsOf(secret: string): string {
  return (secret.match(/\\+|[^\\]/gu) ?? [])
    .map((unit) => (unit.startsWith('\\') ? anyBackslashes(unit.length) : anySpelling(unit)))
    .join('')
}

/** The secret as a server may have read it: percent-decoded (when it decodes), in both Unicode normal forms. */
function readings(secret: string): string[] {
  let decoded = secret
  try {
    decoded = decodeURIComponent(secret)
  } catch {
    // Not a valid URL encoding: it was read as it is.
  }
  return [secret, decoded].flatMap((text) => [text, text.normalize('NFC'), text.normalize('NFD')])
}

/**
 * A matcher for every spelling of the given secrets, longest first (so a longer one is never cut apart by a shorter
 * one inside it); none for no secrets.
 */
export function secretsPattern(secrets: readonly string[]): RegExp | null {
  const forms = [...new Set(secrets.filter((secret) => secret !== '').flatMap(readings))].sort(
    (a, b) => [...b].length - [...a].length,
  )
  if (forms.length === 0) return null
  return new RegExp(forms.map(spellingsOf).join('|'), 'g')
}

/** `text` with every spelling of the secrets `pattern` matches replaced by `•••`. */
export function maskSecrets(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, masked) : text
}
