import { type PortalClient, toPortalError } from '../portal'
import { listCommands, removeCommand } from './api'
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
    if (await isGone(client, command)) return 'already-removed'
    throw failure
  }
}

/** True only when the server's list positively lacks the command; a list that cannot be read proves nothing. */
export async function isGone(client: PortalClient, command: Pick<Command, 'id' | 'botId'>): Promise<boolean> {
  try {
    const [listed] = await listCommands(client, [command.botId])
    return Array.isArray(listed) && !listed.some((candidate) => candidate.id === command.id)
  } catch {
    return false
  }
}
