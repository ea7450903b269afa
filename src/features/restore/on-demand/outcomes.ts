import { NotSent } from '../../../imbot'
import { malformedAnswer, PortalError } from '../../../portal'
import { commandFlags } from '../../../shared/command/fields'
import type { DiffField } from './diff'
import { type Job, type Sent, sentOf } from './picks'
import { type Answer, errorOf } from './send-jobs'
import { isStopped } from './stop'

/** What Bitrix24 answered as done but did not keep. */
export type NotSaved =
  /**
   * Register answered with a command that was already there (the same bot and trigger, or one PHP's `==` takes for
   * it, such as /1 for /1.0; possibly another application's), left as it was: nothing of the file was saved.
   */
  | { kind: 'existing'; command: string }
  /** Answered as saved, but the bot's list does not have it. */
  | { kind: 'unlisted' }
  /** These fields are not as sent (the answer, or the list read at the end, says otherwise). */
  | { kind: 'fields'; fields: DiffField[] }

/** How one picked command's restore ended. */
export type RestoreOutcome =
  | { status: 'restored'; sent: Sent }
  | { status: 'updated'; sent: Sent }
  /** Already there as the file has it when the restore began (a retry, or another hand): nothing was sent. */
  | { status: 'already' }
  /** Bitrix24 answered, but did not save what was sent (it drops some values without an error). */
  | { status: 'not-saved'; sent: Sent; notSaved: NotSaved }
  /** A differing command that is no longer there (removed meanwhile): nothing was sent. */
  | { status: 'vanished' }
  | { status: 'failed'; error: PortalError }
  /** Never sent: an earlier request of the same run failed as a whole. */
  | { status: 'not-sent'; error: PortalError }
  /** Never sent: the admin stopped the restore first. */
  | { status: 'stopped' }

export type RestoreResults = ReadonlyMap<string, RestoreOutcome>

/**
 * An answer as the restore reads it: compared with what was sent. `newestKnown` is the highest command id listed
 * before the run: register answering an id no higher names a command that was there already.
 */
export function outcomeOf(job: Job, answer: Answer, newestKnown: number): RestoreOutcome {
  if (isStopped(errorOf(answer))) return { status: 'stopped' }
  if (answer instanceof NotSent) return { status: 'not-sent', error: answer.cause }
  if (answer instanceof PortalError) return { status: 'failed', error: answer }
  const method = job.kind === 'register' ? 'imbot.v2.Command.register' : 'imbot.v2.Command.update'
  if (answer === undefined) {
    return {
      status: 'failed',
      error: malformedAnswer(method, 'Bitrix24 gave no outcome for this command.', 0),
    }
  }
  const sent = sentOf(job)
  // Register answers the command that is there for the same bot and trigger, whoever registered it, unchanged.
  if (
    job.kind === 'register' &&
    ((answer.command !== '' && answer.command !== job.pick.file.command) || answer.id <= newestKnown)
  ) {
    return { status: 'not-saved', sent, notSaved: { kind: 'existing', command: answer.command } }
  }
  const fields = commandFlags.filter((field) => {
    const value = sent.flags[field]
    return value !== undefined && answer[field] !== null && answer[field] !== value
  })
  if (fields.length > 0) return { status: 'not-saved', sent, notSaved: { kind: 'fields', fields } }
  return { status: job.kind === 'register' ? 'restored' : 'updated', sent }
}
