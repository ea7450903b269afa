import { malformedAnswer, type PortalClient } from '../../portal'
import { flag, id, isRecord } from '../fields'

// Editing a command, kept apart from listing: only an admin who opens the form needs it, so it comes in a
// chunk of its own.

/** Texts by language id (`{en: "Help", de: "Hilfe"}`); `null` removes a language. */
export type TextsByLanguage = Readonly<Record<string, string | null>>

/** What an edit changes; what it leaves out stays as it is. */
export interface CommandChanges {
  /** The trigger, without its slash. */
  command?: string
  title?: TextsByLanguage
  params?: TextsByLanguage
  common?: boolean
  hidden?: boolean
  extranetSupport?: boolean
}

/** What imbot.v2.Command.update (and register) answers: the command's trigger and flags as stored now (no titles). */
export interface UpdatedCommand {
  id: number
  botId: number
  command: string
  common: boolean | null
  hidden: boolean | null
  extranetSupport: boolean | null
}

/**
 * Changes a command through imbot.v2.Command.update (v1's imbot.command.update refuses the fetch-mode bots that
 * imbot.v2.Bot.register makes, FETCH_NOT_SUPPORTED). Titles and hints go as maps by language.
 */
export async function updateCommand(
  client: PortalClient,
  botId: number,
  commandId: number,
  changes: CommandChanges,
): Promise<UpdatedCommand> {
  const method = 'imbot.v2.Command.update'
  return readCommandAnswer(await client.call(method, { botId, commandId, fields: changes }), method)
}

/** A command as imbot.v2.Command.update or register answers it (`{command: {...}}`); anything else is malformed. */
export function readCommandAnswer(answer: unknown, method: string): UpdatedCommand {
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
    throw malformedAnswer(method, `Unexpected answer shape: ${JSON.stringify(answer)?.slice(0, 120)}`)
  }
}
