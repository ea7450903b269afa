import type { PortalClient, PortalError } from '../portal'
import { type NotSent, runInBatches } from './api'
import { type CommandChanges, readCommandAnswer, type UpdatedCommand } from './update'

// Registering commands again (a restore from an exported file), kept apart from listing: only an admin who opens
// a file needs it, so it comes in a chunk of its own.

/** What imbot.v2.Command.register takes: the trigger without its slash, titles and hints as maps by language. */
export interface CommandRegistration {
  command: string
  title: Readonly<Record<string, string>>
  params: Readonly<Record<string, string>>
  common?: boolean
  hidden?: boolean
  extranetSupport?: boolean
}

/**
 * Registers commands through imbot.v2.Command.register, 50 to a `batch` request, one request after another; each
 * gets its own outcome. Bitrix24's register is idempotent for the same bot, command and application, so sending a
 * command that exists again does not make a second one.
 */
export function registerCommands(
  client: PortalClient,
  commands: readonly { botId: number; fields: CommandRegistration }[],
  onProgress?: (done: number) => void,
): Promise<(UpdatedCommand | PortalError | NotSent)[]> {
  return runInBatches(
    client,
    commands,
    ({ botId, fields }) => ({ method: 'imbot.v2.Command.register', params: { botId, fields } }),
    (value) => readCommandAnswer(value, 'imbot.v2.Command.register'),
    onProgress,
  )
}

/** Changes commands through imbot.v2.Command.update, 50 to a `batch` request; one outcome each. */
export function updateCommands(
  client: PortalClient,
  commands: readonly { botId: number; commandId: number; fields: CommandChanges }[],
  onProgress?: (done: number) => void,
): Promise<(UpdatedCommand | PortalError | NotSent)[]> {
  return runInBatches(
    client,
    commands,
    ({ botId, commandId, fields }) => ({
      method: 'imbot.v2.Command.update',
      params: { botId, commandId, fields },
    }),
    (value) => readCommandAnswer(value, 'imbot.v2.Command.update'),
    onProgress,
  )
}
