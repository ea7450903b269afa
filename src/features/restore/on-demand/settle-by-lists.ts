import type { Command } from '../../../imbot'
import type { PortalClient } from '../../../portal'
import { commandFlags, textFields } from '../../../shared/command/fields'
import { type ListNow, readListsNow, settleByListing } from '../../../shared/queries/on-demand/lists-now'
import { ownRetries } from '../../../shared/queries/retry-policy'
import { commandsByTrigger } from './by-trigger'
import { type DiffField, titlesComparable } from './diff'
import type { RestoreOutcome } from './outcomes'
import { type Job, sentOf, targetOf } from './picks'
import type { RestoreStop } from './stop'

/** The lists are read as often as the retry policy sends a call: once, and again while a wait can help. */
const listReadings = ownRetries + 1

/**
 * The bots' lists as a restore reads them, before it sends and after: null when a stop asked for while they are
 * read gives the reading up (one asked for before it began does not: see RestoreStop.unlessStopped).
 */
export function readListsUnlessStopped(
  client: PortalClient,
  botIds: readonly number[],
  stop: RestoreStop,
): Promise<Map<number, ListNow> | null> {
  return stop.unlessStopped(
    readListsNow(client, botIds, { readings: listReadings, givenUp: stop.askedFromNow() }),
  )
}

/** The fields of `now` that are not as the job sent them (a flag the list leaves unsaid is not compared). */
function unsaved(job: Job, now: Command, outcome: RestoreOutcome | undefined): DiffField[] {
  const target = targetOf(job.pick)
  const flags = commandFlags.filter(
    (field) => job.fields[field] !== undefined && now[field] !== null && now[field] !== target[field],
  )
  // A command this run registered (a new one: its answer said so) has only the file's language, so the list shows
  // that title whatever language it is read in. Otherwise titles are compared only in the list's language.
  const ownTexts =
    (job.kind === 'register' && outcome?.status === 'restored') || titlesComparable(job.pick.languages)
  const texts = ownTexts
    ? textFields.filter(
        (field) =>
          (job.kind === 'register' || job.fields[field] !== undefined) && now[field] !== target[field],
      )
    : []
  return [...texts, ...flags]
}

/**
 * Reads the lists of the bots once more, and believes the lists over the answers: a command listed as it was sent
 * was restored (or updated), whatever the answer said (a lost answer); one answered as saved that is not listed, or
 * is listed with other values, was not saved, and says what. A stop asked for while they are read gives the reading
 * up: the answers stand, as they do for a list that cannot be read.
 */
export async function settleSent(
  client: PortalClient,
  jobs: readonly Job[],
  results: Map<string, RestoreOutcome>,
  stop: RestoreStop,
): Promise<void> {
  const botOf = (job: Job) => job.pick.bot.id
  const after = await readListsUnlessStopped(client, jobs.map(botOf), stop)
  if (!after) return
  const finders = new Map<readonly Command[], ReturnType<typeof commandsByTrigger>>()
  settleByListing(after, jobs, botOf, (job, list) => {
    const find = finders.get(list) ?? commandsByTrigger(list)
    finders.set(list, find)
    const outcome = results.get(job.pick.key)
    const now = find(job.pick.file.command)
    if (outcome?.status === 'failed' || outcome?.status === 'not-sent') {
      // The answer was lost, or the call failed after the server acted: the list tells.
      if (now && unsaved(job, now, undefined).length === 0) {
        results.set(job.pick.key, {
          status: job.kind === 'register' ? 'restored' : 'updated',
          sent: sentOf(job),
        })
      }
    } else if (outcome?.status === 'restored' || outcome?.status === 'updated') {
      if (!now) {
        results.set(job.pick.key, { status: 'not-saved', sent: outcome.sent, notSaved: { kind: 'unlisted' } })
        return
      }
      const fields = unsaved(job, now, outcome)
      if (fields.length > 0) {
        results.set(job.pick.key, {
          status: 'not-saved',
          sent: outcome.sent,
          notSaved: { kind: 'fields', fields },
        })
      }
    }
  })
}
