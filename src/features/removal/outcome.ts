import type { Command } from '../../imbot'
import type { PortalError } from '../../portal'

/**
 * How one command's removal ended. Removing one command is removing a list of one: every removal gives each of
 * its commands one of these. A command without an outcome never counts as removed.
 */
export type RemovalOutcome =
  | { status: 'removed' }
  /** Bitrix24 refused, or the answer left doubt that reading the list again could not settle. */
  | { status: 'failed'; error: PortalError }
  /** Never sent: an earlier request of the same removal failed as a whole (`error` says how). */
  | { status: 'not-sent'; error: PortalError }

export type RemovalResults = ReadonlyMap<number, RemovalOutcome>

/**
 * What a removal is of: a listed command, or (on a portal too old to list commands) one known only by the id the
 * user typed, with a label to name it by and no bot: on no list, so no list is read or updated for it.
 */
export type Removable = Pick<Command, 'id' | 'command'> & { botId?: number }

/** What a removal was asked to do: its commands, and whether it came from the selection (a bulk removal). */
export interface RemovalRequest<Item extends Removable = Command> {
  commands: readonly Item[]
  bulk: boolean
}

/** The bots whose lists hold some of these commands (each once); a command known only by its id is on none. */
export const botsOf = (commands: readonly Removable[]): number[] => [
  ...new Set(commands.flatMap((command) => command.botId ?? [])),
]
