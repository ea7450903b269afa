import type { Bot, Command } from '../imbot'

/** Names a file as an export of this app (a restore refuses any other JSON). */
export const exportFormat = 'bot-commands-export'
/** The export's format version: 2 adds the format, the language and the bots. Files without one are version 1. */
export const exportVersion = 2

export type ExportedBot = Pick<Bot, 'id' | 'name' | 'code'>

export interface CommandsExport {
  format: typeof exportFormat
  version: typeof exportVersion
  portal: string
  exportedAt: string
  /** The language the titles and hints are in (the portal's, as Bitrix24 listed them). */
  language: string
  /** Every bot a command belongs to: its id and code (a restore finds the bot by its code on another portal). */
  bots: ExportedBot[]
  commands: (Command & { bot: ExportedBot })[]
}

/**
 * The listed commands as JSON: every field Bitrix24 returned for each command, and the bot it belongs to.
 * Named after the portal and the date, so copies of several portals and days stay apart.
 */
export function buildCommandsExport(
  portalHost: string,
  bots: readonly Bot[],
  commands: readonly Command[],
  now: Date = new Date(),
  language = 'en',
): { filename: string; json: string } {
  const botsById = new Map(bots.map((bot) => [bot.id, bot]))
  const botOf = (botId: number): ExportedBot => {
    const bot = botsById.get(botId)
    return { id: botId, name: bot?.name ?? '', code: bot?.code ?? '' }
  }
  const content: CommandsExport = {
    format: exportFormat,
    version: exportVersion,
    portal: portalHost,
    exportedAt: now.toISOString(),
    language,
    bots: [...new Set(commands.map((command) => command.botId))].map(botOf),
    commands: commands.map((command) => ({ ...command, bot: botOf(command.botId) })),
  }
  const day = now.toISOString().slice(0, 10)
  const portal = portalHost.replace(/[^\w.-]+/g, '-')
  return { filename: `bot-commands-${portal}-${day}.json`, json: `${JSON.stringify(content, null, 2)}\n` }
}
