import { type PortalClient, type PortalError, toPortalError } from '../portal'
import { parseUnregisterAnswer } from './answers'
import { type NotSent, runInBatches } from './api'

// Removing commands, kept apart from listing: the page needs listing at once, removal only once the user acts,
// so this comes in a chunk of its own.

/** Removes one command through the v1 method (the only one that needs no bot token inside the frame). */
export async function removeCommand(client: PortalClient, commandId: number): Promise<void> {
  parseUnregisterAnswer(await client.call('imbot.command.unregister', unregisterParams(commandId)))
}

/**
 * Removes commands: one `batch` request per 50, sent one after another (one command alone, a plain call). Each command gets its own
 * outcome (`true` when removed); `onProgress` hears how many have an outcome so far.
 */
export async function removeCommands(
  client: PortalClient,
  commandIds: readonly number[],
  onProgress?: (done: number) => void,
): Promise<(true | PortalError | NotSent)[]> {
  const [only] = commandIds
  if (commandIds.length === 1 && only !== undefined) {
    // One command needs no batch: the plain call, with COMMAND_ID as an integer, as the docs show it.
    const outcome = await removeCommand(client, only).then(
      () => true as const,
      (error: unknown) => toPortalError(error, 'imbot.command.unregister'),
    )
    onProgress?.(1)
    return [outcome]
  }
  return runInBatches(
    client,
    commandIds,
    (commandId) => ({ method: 'imbot.command.unregister', params: unregisterParams(commandId) }),
    parseUnregisterAnswer,
    onProgress,
  )
}

function unregisterParams(commandId: number): Record<string, unknown> {
  // COMMAND_ID as an integer; CLIENT_ID is for webhooks only, never inside the frame.
  return { COMMAND_ID: commandId }
}
