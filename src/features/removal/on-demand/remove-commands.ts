import type { QueryClient } from '@tanstack/react-query'
import { type CommandListing, NotSent } from '../../../imbot'
import { describeError } from '../../../imbot/on-demand/error-catalogue'
import { removeCommands as unregister } from '../../../imbot/on-demand/unregister'
import { malformedAnswer, type PortalClient, type PortalError } from '../../../portal'
import { commandKeys } from '../../../shared/queries/keys'
import { readListsNow, settleByListing } from '../../../shared/queries/on-demand/lists-now'
import { nextChance } from '../../../shared/queries/on-demand/next-chance'
import { retryDelay, shouldRetry } from '../../../shared/queries/retry-policy'
import type { RemovalStore } from '../hold-store'
import {
  botsOf,
  type Removable,
  type RemovalOutcome,
  type RemovalRequest,
  type RemovalResults,
} from '../outcome'

/** How many times in all the lists are read to settle doubtful outcomes while the connection is down. */
const settleReadings = 4

export interface RemovalProgress {
  done: number
  total: number
}

export interface RemovalListeners {
  /** How many commands have an outcome so far (k of N). */
  onProgress?: (progress: RemovalProgress) => void
  /** Commands start (`true`) or stop waiting to be sent again because Bitrix24 asked to slow down. */
  onWaiting?: (commandIds: readonly number[], waiting: boolean) => void
}

/**
 * Removes the commands (one `batch` request per 50, one after another) and never misreports the result:
 * - Bitrix24 asking to slow down is waited out and retried by the app's one retry policy;
 * - a request that fails as a whole leaves the commands after it "not sent", never "failed";
 * - every outcome that leaves doubt (the connection dropped, the answer was lost and the SDK's retry then heard
 *   COMMAND_ID_ERROR, an unreadable answer) is settled by reading the bots' lists again, and again when the
 *   connection returns: a command that is no longer listed was removed;
 * - a command the answer says nothing about is a failure, with a clear message.
 */
export async function removeCommands(
  client: PortalClient,
  commands: readonly Removable[],
  { onProgress = () => undefined, onWaiting = () => undefined }: RemovalListeners = {},
): Promise<RemovalResults> {
  const results = new Map<number, RemovalOutcome>()
  const total = commands.length
  let pending = commands
  for (let attempt = 0; pending.length > 0; attempt++) {
    const settledBefore = total - pending.length
    onProgress({ done: settledBefore, total })
    const answers = await unregister(
      client,
      pending.map((command) => command.id),
      (done) => onProgress({ done: settledBefore + done, total }),
    )
    const again: Removable[] = []
    pending.forEach((command, index) => {
      const outcome = outcomeOf(answers[index])
      results.set(command.id, outcome)
      if (outcome.status !== 'removed' && shouldRetry(attempt, outcome.error)) again.push(command)
    })
    if (again.length === 0) break
    const waiting = again.map((command) => command.id)
    onWaiting(waiting, true)
    await nextChance(retryDelay(attempt))
    onWaiting(waiting, false)
    pending = again
  }
  await settleDoubtful(client, commands, results)
  return results
}

function outcomeOf(answer: true | PortalError | NotSent | undefined): RemovalOutcome {
  if (answer === true) return removed
  if (answer instanceof NotSent) return { status: 'not-sent', error: answer.cause }
  return {
    status: 'failed',
    error:
      answer ?? malformedAnswer('imbot.command.unregister', 'Bitrix24 gave no outcome for this command.', 0),
  }
}

const isDoubtful = (outcome: RemovalOutcome | undefined): boolean =>
  outcome?.status === 'failed' && describeError(outcome.error).refetchList

/** A command on a bot's list (not one known only by its id). */
type Listed = Removable & { botId: number }
const isListed = (command: Removable): command is Listed => command.botId !== undefined

/**
 * Reads the lists of the bots whose commands have a doubtful outcome, and turns each such command that is no
 * longer listed into "removed" (still listed: the failure stands as Bitrix24 reported it). A list that cannot be
 * read for want of a connection, or because Bitrix24 asks to slow down, is read again a few times (readListsNow);
 * what stays unsettled is reconciled later with the lists the page reads (see `reconcile`). A command known only
 * by its id is on no list (the portal has none to read): its outcome stands as Bitrix24 gave it.
 */
async function settleDoubtful(
  client: PortalClient,
  commands: readonly Removable[],
  results: Map<number, RemovalOutcome>,
): Promise<void> {
  const doubtful = commands.filter(isListed).filter((command) => isDoubtful(results.get(command.id)))
  if (doubtful.length === 0) return
  const lists = await readListsNow(client, botsOf(doubtful), { readings: settleReadings })
  settleByListing(
    lists,
    doubtful,
    (command) => command.botId,
    (command, list) => {
      if (!list.some((listed) => listed.id === command.id)) results.set(command.id, removed)
    },
  )
}

/**
 * Sends one removal (the work of the one mutation, loaded on demand): its outcomes, the progress of a removal of
 * many while it runs (kept in the hold store, for the bar), and the removed commands taken out of the lists.
 */
export async function sendRemoval(
  client: PortalClient,
  queryClient: QueryClient,
  store: Pick<RemovalStore, 'setProgress' | 'setWaiting'>,
  { commands, bulk }: RemovalRequest<Removable>,
): Promise<RemovalResults> {
  try {
    const results = await removeCommands(client, commands, {
      onProgress: bulk ? store.setProgress : undefined,
      onWaiting: store.setWaiting,
    })
    dropFromLists(queryClient, commands, results)
    return results
  } finally {
    if (bulk) store.setProgress(null)
  }
}

/** Takes the removed commands out of the lists at once (the lists are read again after, to match the portal). */
function dropFromLists(queryClient: QueryClient, commands: readonly Removable[], results: RemovalResults) {
  const gone = commands.filter((command) => results.get(command.id)?.status === 'removed')
  const ids = new Set(gone.map((command) => command.id))
  for (const botId of botsOf(gone)) {
    queryClient.setQueryData<CommandListing>(
      commandKeys.list(botId),
      (listing) => listing && { ...listing, items: listing.items.filter((command) => !ids.has(command.id)) },
    )
  }
}

export const removed: RemovalOutcome = { status: 'removed' }

/**
 * A command that was listed before the removal and is no longer listed now was removed, whatever the answer
 * said (a lost answer, a retry that then heard COMMAND_ID_ERROR, a connection that dropped after the portal
 * acted): the list read from the portal is the truth the summary and the rows reconcile with.
 */
export function reconcile(
  outcome: RemovalOutcome | undefined,
  stillListed: boolean,
): RemovalOutcome | undefined {
  if (outcome && outcome.status !== 'removed' && !stillListed) return removed
  return outcome
}
