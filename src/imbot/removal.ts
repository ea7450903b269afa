import { type PortalClient, PortalError, toPortalError } from '../portal'
import { listCommands, removeCommand, removeCommands } from './api'
import { describeError } from './error-catalogue'
import type { Command } from './types'

/** How a removal ended when it did not fail: removed now, or found already gone. */
export type RemovalOutcome = 'removed' | 'already-removed'

/**
 * Removes a command and never misreports the result. When the call fails in a way that leaves doubt (the
 * answer was lost and the SDK's retry then said COMMAND_ID_ERROR, the connection dropped, ...), the bot's
 * list is read again: a command that is no longer listed was removed. Otherwise the original error stands.
 */
export async function removeCommandChecked(
  client: PortalClient,
  command: Pick<Command, 'id' | 'botId'>,
): Promise<RemovalOutcome> {
  try {
    await removeCommand(client, command.id)
    return 'removed'
  } catch (error) {
    const failure = toPortalError(error, 'imbot.command.unregister')
    if (!describeError(failure).refetchList) throw failure
    const listed = (await listedIds(client, [command])).get(command.botId)
    if (listed && !listed.has(command.id)) return 'already-removed'
    throw failure
  }
}

/** One command's outcome in a removal of many. */
export type RemovalResult = { status: RemovalOutcome } | { status: 'failed'; error: PortalError }

/**
 * Removes many commands in `batch` requests of 50 (one after another), then reads the lists of the bots whose
 * removals failed in a way that leaves doubt, once, to tell "already gone" from "still there". Every command
 * gets its own result; `onProgress` hears how many have a result so far.
 */
export async function removeCommandsChecked(
  client: PortalClient,
  commands: readonly Pick<Command, 'id' | 'botId'>[],
  onProgress?: (done: number) => void,
): Promise<RemovalResult[]> {
  const outcomes = await removeCommands(
    client,
    commands.map((command) => command.id),
    onProgress,
  )
  const doubtful = commands.filter((_, index) => {
    const outcome = outcomes[index]
    return outcome instanceof PortalError && describeError(outcome).refetchList
  })
  const stillListed = doubtful.length > 0 ? await listedIds(client, doubtful) : new Map<number, Set<number>>()
  return commands.map((command, index): RemovalResult => {
    const outcome = outcomes[index]
    if (outcome === true) return { status: 'removed' }
    const error =
      outcome ??
      new PortalError({ code: 'MALFORMED_ANSWER', status: 0, description: 'No outcome.', method: 'batch' })
    const listed = stillListed.get(command.botId)
    if (listed && !listed.has(command.id) && describeError(error).refetchList)
      return { status: 'already-removed' }
    return { status: 'failed', error }
  })
}

/**
 * The ids each bot still lists, read fresh: a command no longer listed was removed. Bots whose list cannot
 * be read are left out (they prove nothing).
 */
async function listedIds(
  client: PortalClient,
  commands: readonly Pick<Command, 'botId'>[],
): Promise<Map<number, Set<number>>> {
  const botIds = [...new Set(commands.map((command) => command.botId))]
  const listed = new Map<number, Set<number>>()
  try {
    const lists = await listCommands(client, botIds)
    botIds.forEach((botId, index) => {
      const list = lists[index]
      if (list && !(list instanceof PortalError))
        listed.set(botId, new Set(list.items.map((command) => command.id)))
    })
  } catch {
    // Nothing could be checked: every failure stands as reported.
  }
  return listed
}
