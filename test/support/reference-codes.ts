import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

// A copy of shared/reference/bitrix24.md, so the checks run from a fresh clone.
const reference = readFileSync(resolve(import.meta.dirname, '../fixtures/bitrix24-reference.md'), 'utf8')

function section(title: string): string {
  const start = reference.indexOf(title)
  if (start < 0) throw new Error(`the reference has no section "${title}"`)
  return reference.slice(start, reference.indexOf('\n## ', start + 1))
}

const codesIn = (text: string) =>
  (text.match(/`([A-Za-z_]+)`/g) ?? []).map((code) => code.replaceAll('`', ''))

/** The methods' own error codes: the last column of the §3 table. */
export function methodErrorCodes(): string[] {
  return [
    ...new Set(
      section('## 3. The methods')
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => codesIn(line.split('|').at(-2) ?? '')),
    ),
  ]
}

/** The codes any call can return: the §4 table. */
export function anyCallErrorCodes(): string[] {
  return section('## 4. Errors any call can return')
    .split('\n')
    .filter((line) => /^\|\s*\d{3}\s*\|/.test(line))
    .flatMap((line) => codesIn(line).slice(0, 1))
}

/** Every code of §3 and §4, and ERROR_METHOD_NOT_FOUND (a portal that predates imbot.v2). */
export function referenceErrorCodes(): string[] {
  return [...new Set([...methodErrorCodes(), ...anyCallErrorCodes(), 'ERROR_METHOD_NOT_FOUND'])]
}
