// The file an export writes and a restore reads: the contract between the two features.
import type { Bot, Command } from '../../../imbot'

/** Names a file as an export of this app (a restore refuses any other JSON). */
export const exportFormat = 'bot-commands-export'
/** The export's format version: 2 adds the format, the language and the bots. Files without one are version 1. */
export const exportVersion = 2

/** A bot as an export names it, with the language its commands' titles and hints are in. */
export type ExportedBot = Pick<Bot, 'id' | 'name' | 'code'> & { language: string }

export interface CommandsExport {
  format: typeof exportFormat
  version: typeof exportVersion
  portal: string
  exportedAt: string
  /**
   * The language the titles and hints are in: the bots' (Bot.list's `language`, the one Command.list answers in),
   * never the user's interface language. Should bots ever differ, each bot's own is on the bot.
   */
  language: string
  /** Every bot a command belongs to: its id and code (a restore finds the bot by its code on another portal). */
  bots: ExportedBot[]
  commands: (Command & { bot: ExportedBot })[]
}
