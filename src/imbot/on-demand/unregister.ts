import { malformedAnswer, type PortalClient, type PortalError, toPortalError } from '../../portal'
import { type NotSent, runInBatches } from '../api'
import { flag } from '../fields'

// Removing commands, kept apart from listing: the page needs listing at once, removal only once the user acts,
// so this (with the reading of its answer) comes in a chunk of its own.

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

/** imbot.command.unregister answers `true` (some builds `"Y"` or 1); anything else is unexpected. */
export function parseUnregisterAnswer(value: unknown): true {
  let removed: boolean | null = null
  try {
    removed = flag(value)
  } catch {
    // Not a flag at all: reported below.
  }
  if (removed !== true) {
    throw malformedAnswer(
      'imbot.command.unregister',
      `Expected true, got ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}`,
    )
  }
  return true
}
