import type { PortalClient } from '../../../portal'
import { commandsByTrigger } from './by-trigger'
import { outcomeOf, type RestoreOutcome, type RestoreResults } from './outcomes'
import { changesOf, type Job, type RestorePick, registrationOf } from './picks'
import { type OnWaiting, sendJobs } from './send-jobs'
import { readListsUnlessStopped, settleSent } from './settle-by-lists'
import { RestoreStop, watched } from './stop'

// A restore from start to end. Its parts, one module each: the picks and what to send for them (picks.ts),
// sending with retries (send-jobs.ts), reading the answers into outcomes (outcomes.ts), settling by the lists
// (settle-by-lists.ts).

export interface RestoreProgress {
  done: number
  total: number
}

/** What a restore is doing: reading the lists first, sending, or reading them again to see what was saved. */
export type RestorePhase = 'reading' | 'sending' | 'checking'

export interface RestoreListeners {
  /** How many commands have an outcome so far (k of N). */
  onProgress?: (progress: RestoreProgress) => void
  onWaiting?: OnWaiting
  onPhase?: (phase: RestorePhase) => void
  /** A request to the portal ended (answered or failed): the wait for an answer starts again with the next one. */
  onAnswer?: () => void
}

export interface RestoreOptions extends RestoreListeners {
  /**
   * The admin's stop: nothing more is sent after the request on its way, which is answered first, and then the lists
   * say what was saved; a reading of the lists under way when it comes is given up (see RestoreStop).
   */
  stop?: RestoreStop
}

/**
 * Restores the picked commands and never registers one twice, nor claims what Bitrix24 did not save:
 * - first the bots' lists are read again: a gone command that is listed now (a retry, a second tab) is updated (or
 *   is "already" there, nothing sent), and an update is sent against the command as it is now;
 * - gone commands go through imbot.v2.Command.register, then differing ones through imbot.v2.Command.update, 50 to
 *   a `batch` request; Bitrix24 asking to slow down is waited out and sent again, by the app's one retry policy;
 * - each answer is compared with what was sent (register answers a command that was already there, as it is);
 * - at the end the lists are read once more and believed over the answers: a command listed as sent was restored
 *   whatever the answer said (a lost answer), and one listed otherwise, or not at all, was not saved, and says so.
 * A stop sends nothing more: what was not sent is "stopped", and the lists are still read after the last request.
 */
export async function restoreCommands(
  client: PortalClient,
  picks: readonly RestorePick[],
  {
    onProgress = () => undefined,
    onWaiting = () => undefined,
    onPhase = () => undefined,
    onAnswer = () => undefined,
    stop = new RestoreStop(),
  }: RestoreOptions = {},
): Promise<RestoreResults> {
  const results = new Map<string, RestoreOutcome>()
  // k of N while sending: the jobs settled before this attempt, and the calls of its requests that have ended.
  const count = { sending: false, settled: 0, answered: 0, total: 0 }
  const guarded = stop.guard(client, (calls) => {
    if (count.sending) {
      count.answered += calls
      onProgress({ done: Math.min(count.total, count.settled + count.answered), total: count.total })
    }
    onAnswer()
  })
  onPhase('reading')
  const before = await readListsUnlessStopped(
    guarded,
    picks.map((pick) => pick.bot.id),
    stop,
  )
  if (!before) {
    // Stopped while the lists were read: nothing was sent.
    for (const pick of picks) results.set(pick.key, { status: 'stopped' })
    return results
  }
  const jobs: Job[] = []
  const finders = new Map([...before].map(([botId, list]) => [botId, list && commandsByTrigger(list)]))
  for (const pick of picks) {
    const find = finders.get(pick.bot.id)
    // A list that cannot be read now leaves the preview's view: a command that differed is updated as it was then
    // (register would answer the existing command as it is, and change nothing).
    const current = find ? find(pick.file.command) : pick.kind === 'differs' ? pick.current : undefined
    if (current) {
      const fields = changesOf(pick, current)
      if (Object.keys(fields).length === 0) results.set(pick.key, { status: 'already' })
      else jobs.push({ kind: 'update', pick, current, fields })
    } else if (pick.kind === 'gone') {
      jobs.push({ kind: 'register', pick, fields: registrationOf(pick) })
    } else {
      results.set(pick.key, { status: 'vanished' })
    }
  }
  // Command ids only grow (a database's auto-increment): an id no higher than one listed before the run belongs to a
  // command that was there already, not to one this run registered.
  let newestKnown = 0
  for (const list of before.values())
    for (const command of list ?? []) newestKnown = Math.max(newestKnown, command.id)
  for (const pick of picks) if (pick.kind === 'differs') newestKnown = Math.max(newestKnown, pick.current.id)
  onPhase('sending')
  count.sending = true
  count.total = jobs.length
  const answers = await sendJobs(
    guarded,
    jobs,
    stop,
    (settled) => {
      Object.assign(count, { settled, answered: 0 })
      onProgress({ done: settled, total: jobs.length })
    },
    onWaiting,
  )
  count.sending = false
  for (const job of jobs) results.set(job.pick.key, outcomeOf(job, answers.get(job), newestKnown))
  // What was never sent needs no reading: the lists say what the requests that left did.
  const sent = jobs.filter((job) => results.get(job.pick.key)?.status !== 'stopped')
  if (sent.length > 0) {
    onPhase('checking')
    await settleSent(
      watched(client, () => onAnswer()),
      sent,
      results,
      stop,
    )
  }
  return results
}
