import { NotSent } from '../../../imbot'
import { registerCommands, updateCommands } from '../../../imbot/on-demand/register'
import type { UpdatedCommand } from '../../../imbot/on-demand/update'
import { type PortalClient, PortalError } from '../../../portal'
import { nextChance } from '../../../shared/queries/on-demand/next-chance'
import { retryDelay, shouldRetry } from '../../../shared/queries/retry-policy'
import type { Job } from './picks'
import type { RestoreStop } from './stop'

/** Bitrix24's answer to one job: the command as saved, its error, or why it was not sent; none, no outcome. */
export type Answer = UpdatedCommand | PortalError | NotSent | undefined

/** Commands (by key) start (`true`) or stop waiting to be sent again because Bitrix24 asked to slow down. */
export type OnWaiting = (keys: readonly string[], waiting: boolean) => void

export const errorOf = (answer: unknown): PortalError | null =>
  answer instanceof NotSent ? answer.cause : answer instanceof PortalError ? answer : null

/**
 * Sends the jobs (registers, then updates), and again, after a wait, those Bitrix24 asked to slow down for.
 * `attemptStarts` hears how many jobs have their outcome as each attempt starts.
 */
export async function sendJobs(
  client: PortalClient,
  jobs: readonly Job[],
  stop: RestoreStop,
  attemptStarts: (settled: number) => void,
  onWaiting: OnWaiting,
): Promise<Map<Job, Answer>> {
  const answers = new Map<Job, Answer>()
  let pending = jobs
  for (let attempt = 0; ; attempt++) {
    attemptStarts(jobs.length - pending.length)
    if (pending.length === 0) break
    const registers = pending.filter((job) => job.kind === 'register')
    const updates = pending.filter((job) => job.kind === 'update')
    const registered = await registerCommands(
      client,
      registers.map((job) => ({ botId: job.pick.bot.id, fields: job.fields })),
    )
    for (const [index, job] of registers.entries()) answers.set(job, registered[index])
    const updated = await updateCommands(
      client,
      updates.map((job) => ({ botId: job.pick.bot.id, commandId: job.current.id, fields: job.fields })),
    )
    for (const [index, job] of updates.entries()) answers.set(job, updated[index])
    const again = pending.filter((job) => {
      const error = errorOf(answers.get(job))
      return error !== null && shouldRetry(attempt, error)
    })
    if (again.length === 0) break
    const keys = again.map((job) => job.pick.key)
    onWaiting(keys, true)
    // A stop ends the wait (or skips it): what waits was refused by Bitrix24, so nothing of it was saved, and the
    // client now refuses to send it again.
    if (!stop.requested) await stop.unlessStopped(nextChance(retryDelay(attempt)))
    onWaiting(keys, false)
    pending = again
  }
  return answers
}
