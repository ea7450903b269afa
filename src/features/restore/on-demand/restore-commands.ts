import { type Command, NotSent } from '../../../imbot'
import { sentTrigger, storedOfListed } from '../../../imbot/on-demand/command-rules'
import { type CommandRegistration, registerCommands, updateCommands } from '../../../imbot/on-demand/register'
import type { CommandChanges, UpdatedCommand } from '../../../imbot/on-demand/update'
import { malformedAnswer, type PortalClient, PortalError } from '../../../portal'
import { commandFlags, type Flag, type TextField } from '../../../shared/command/fields'
import { readListsNow, settleByListing } from '../../../shared/queries/on-demand/lists-now'
import { nextChance } from '../../../shared/queries/on-demand/next-chance'
import { ownRetries, retryDelay, shouldRetry } from '../../../shared/queries/retry-policy'
import { commandsByTrigger } from './by-trigger'
import { type DiffField, differences, type RestoreEntry, titlesComparable } from './diff'
import { isStopped, RestoreStop, watched } from './stop'

/** The lists are read as often as the retry policy sends a call: once, and again while a wait can help. */
const listReadings = ownRetries + 1

type GoneEntry = Extract<RestoreEntry, { kind: 'gone' }>
type DiffersEntry = Extract<RestoreEntry, { kind: 'differs' }>

export type FlagValues = Record<Flag, boolean>
/** The admin's choice for the flags a file does not know (live lists leave out `hidden`, so exports write null). */
export type FlagChoices = Partial<Record<Flag, boolean>>

/**
 * What a restore picked: gone commands to register, each with all three flags settled (the file's, or the admin's
 * choice where the file does not know: never Bitrix24's default `false` by omission), and differing ones to update.
 */
export type RestorePick = (GoneEntry & { flags: FlagValues; chosen: readonly Flag[] }) | DiffersEntry

/** The pick of an entry; null for a gone command while a flag the file does not know is not chosen yet. */
export function pickOf(entry: GoneEntry | DiffersEntry, choices: FlagChoices = {}): RestorePick | null {
  if (entry.kind === 'differs') return entry
  const flags: Partial<FlagValues> = {}
  for (const field of commandFlags) {
    const value = entry.file[field] ?? choices[field]
    if (value === undefined) return null
    flags[field] = value
  }
  return { ...entry, flags: flags as FlagValues, chosen: entry.unknown }
}

/** What was sent for one command: the flags set (register sets all three) and the texts, under `language`. */
export interface Sent {
  flags: Partial<FlagValues>
  texts: TextField[]
  language: string
}

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

export interface RestoreProgress {
  done: number
  total: number
}

/** What a restore is doing: reading the lists first, sending, or reading them again to see what was saved. */
export type RestorePhase = 'reading' | 'sending' | 'checking'

export interface RestoreListeners {
  /** How many commands have an outcome so far (k of N). */
  onProgress?: (progress: RestoreProgress) => void
  /** Commands (by key) start (`true`) or stop waiting to be sent again because Bitrix24 asked to slow down. */
  onWaiting?: (keys: readonly string[], waiting: boolean) => void
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

const textsIn = (language: string, value: string): Record<string, string> =>
  value === '' ? {} : { [language]: value }

/** The command as the restore wants it: the file's, with the flags of a gone command settled. */
function targetOf(pick: RestorePick) {
  return pick.kind === 'gone' ? { ...pick.file, ...pick.flags } : pick.file
}

/**
 * What register needs of a command of the file: the trigger sent so that it is stored as the list showed it (`/help`
 * is stored `help`, `//x` is stored `/x`: see sentTrigger);
 * the title and hint under the file's language (the only one an export holds), and all three flags.
 */
export function registrationOf(pick: Extract<RestorePick, { kind: 'gone' }>): CommandRegistration {
  const { file, languages } = pick
  return {
    command: sentTrigger(storedOfListed(file.command)),
    title: textsIn(languages.file, file.title),
    params: textsIn(languages.file, file.params),
    ...pick.flags,
  }
}

/**
 * What update changes to make a command as the file has it: only the fields that differ, and that can be compared
 * (titles and hints only in the list's language; a flag the list leaves unsaid is not sent). Imbot.v2.Command.update
 * merges titles by language, so the command's other languages stay.
 */
export function changesOf(pick: RestorePick, current: Command): CommandChanges {
  const target = targetOf(pick)
  const language = pick.languages.list
  const changes: { -readonly [K in keyof CommandChanges]: CommandChanges[K] } = {}
  for (const field of differences(target, current, pick.languages)) {
    if (field === 'title' || field === 'params') changes[field] = { [language]: target[field] }
    else changes[field] = target[field] ?? undefined
  }
  // Update reads a hint only for the languages of the titles sent with it: a changed hint takes its title along.
  if (changes.params && !changes.title && target.title !== '') changes.title = { [language]: target.title }
  return changes
}

type Job =
  | { kind: 'register'; pick: Extract<RestorePick, { kind: 'gone' }>; fields: CommandRegistration }
  | { kind: 'update'; pick: RestorePick; current: Command; fields: CommandChanges }

type Answer = UpdatedCommand | PortalError | NotSent | undefined

function sentOf(job: Job): Sent {
  const flags: Partial<FlagValues> = {}
  for (const field of commandFlags) {
    const value = job.fields[field]
    if (value !== undefined) flags[field] = value
  }
  const texts = (['title', 'params'] as const).filter((field) => {
    const value = job.fields[field]
    return value !== undefined && Object.keys(value).length > 0
  })
  return {
    flags,
    texts,
    language: job.kind === 'register' ? job.pick.languages.file : job.pick.languages.list,
  }
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
  const before = await stop.unlessStopped(
    readListsNow(
      guarded,
      picks.map((pick) => pick.bot.id),
      { readings: listReadings, givenUp: stop.askedFromNow() },
    ),
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
  const answers = await send(
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

/**
 * Sends the jobs (registers, then updates), and again, after a wait, those Bitrix24 asked to slow down for.
 * `attemptStarts` hears how many jobs have their outcome as each attempt starts.
 */
async function send(
  client: PortalClient,
  jobs: readonly Job[],
  stop: RestoreStop,
  attemptStarts: (settled: number) => void,
  onWaiting: NonNullable<RestoreListeners['onWaiting']>,
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

const errorOf = (answer: unknown): PortalError | null =>
  answer instanceof NotSent ? answer.cause : answer instanceof PortalError ? answer : null

/** An answer as the restore reads it: compared with what was sent. */
function outcomeOf(job: Job, answer: Answer, newestKnown: number): RestoreOutcome {
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
    ? (['title', 'params'] as const).filter(
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
async function settleSent(
  client: PortalClient,
  jobs: readonly Job[],
  results: Map<string, RestoreOutcome>,
  stop: RestoreStop,
): Promise<void> {
  const botOf = (job: Job) => job.pick.bot.id
  const after = await stop.unlessStopped(
    readListsNow(client, jobs.map(botOf), { readings: listReadings, givenUp: stop.askedFromNow() }),
  )
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
