import { localErrorCodes, type PortalClient, PortalError } from '../portal'
import { type NotSent, runInBatches } from './api'
import { flag, id, isRecord } from './fields'
import type { CommandChanges } from './update'

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

/** A command as register (or update) answers it: its id on the bot, trigger and flags (no titles). */
export interface RegisteredCommand {
  id: number
  botId: number
  command: string
  common: boolean | null
  hidden: boolean | null
  extranetSupport: boolean | null
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
): Promise<(RegisteredCommand | PortalError | NotSent)[]> {
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
): Promise<(RegisteredCommand | PortalError | NotSent)[]> {
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

function readCommandAnswer(answer: unknown, method: string): RegisteredCommand {
  try {
    const command = isRecord(answer) && isRecord(answer.command) ? answer.command : null
    if (!command) throw new Error('no command')
    return {
      id: id(command.id),
      botId: id(command.botId),
      command: typeof command.command === 'string' ? command.command : '',
      common: flag(command.common),
      hidden: flag(command.hidden),
      extranetSupport: flag(command.extranetSupport ?? command.extranet),
    }
  } catch {
    throw new PortalError({
      code: localErrorCodes.malformedAnswer,
      status: 200,
      description: `Unexpected answer shape: ${JSON.stringify(answer)?.slice(0, 120)}`,
      method,
    })
  }
}
