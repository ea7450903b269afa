import { type Language, languageTag } from '../../../i18n'
import { batchLimit } from '../../../imbot'

/**
 * Bitrix24's rate limit on most plans (reference §5): 50 requests at once, then 2 a second. The SDK paces its
 * requests by the same numbers, so a restore of more than 50 batches goes no faster than this whatever the portal's
 * speed: 5,000 commands are 100 batches and two readings, at least 26 s.
 */
const rateLimit = { burst: 50, perSecond: 2 }

/** What the estimate of a restore's time left is made from. */
export interface RunSoFar {
  elapsedMs: number
  /** Requests that ended so far (the reading of the lists first, the batches). */
  requestsDone: number
  /** How long after the start the last of them ended. */
  lastAnswerMs: number
  /** Commands without an outcome yet. */
  commandsLeft: number
}

/**
 * About how long a restore still needs, in ms: the requests left (a batch per 50 commands, then one reading of the
 * lists), each as long as the ones so far took on average, less the time the one on its way has already taken; and
 * never sooner than the rate limit lets them go (the bucket taken to be full when the restore began). Null until a
 * request has ended: nothing to go by yet.
 */
export function timeLeftMs({ elapsedMs, requestsDone, lastAnswerMs, commandsLeft }: RunSoFar): number | null {
  if (requestsDone === 0) return null
  const requestsLeft = Math.ceil(commandsLeft / batchLimit) + 1
  const perRequest = lastAnswerMs / requestsDone
  // A request slower than the others so far still leaves the ones after it to go.
  const byPace = Math.max(
    (requestsLeft - 1) * perRequest,
    requestsLeft * perRequest - (elapsedMs - lastAnswerMs),
  )
  const tokens = Math.min(
    rateLimit.burst,
    rateLimit.burst - requestsDone + (elapsedMs / 1000) * rateLimit.perSecond,
  )
  const byLimit = (Math.max(0, requestsLeft - tokens) / rateLimit.perSecond) * 1000
  return Math.max(byPace, byLimit)
}

/** A run is long when it takes more than two batches: then an estimate of the time left is worth showing. */
export const isLongRun = (commands: number): boolean => commands > 2 * batchLimit

/**
 * A duration in the interface language's own short units ("42 sec", "1 min 5 sec"; "42 с"; "42 Sek."): whole seconds
 * gone by, or an estimate rounded up to 5 s under a minute and to 10 s above, so that it does not flicker by the second.
 */
export function formatDuration(
  ms: number,
  language: Language,
  rounding: 'exact' | 'estimate' = 'exact',
): string {
  const seconds =
    rounding === 'exact'
      ? Math.max(0, Math.floor(ms / 1000))
      : Math.max(5, Math.ceil(ms / 1000 / (ms < 60_000 ? 5 : 10)) * (ms < 60_000 ? 5 : 10))
  const unit = (unit: 'minute' | 'second', value: number) =>
    new Intl.NumberFormat(languageTag(language), { style: 'unit', unit, unitDisplay: 'short' }).format(value)
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return unit('second', rest)
  const parts = rest === 0 ? [unit('minute', minutes)] : [unit('minute', minutes), unit('second', rest)]
  return new Intl.ListFormat(languageTag(language), { type: 'unit', style: 'narrow' }).format(parts)
}
