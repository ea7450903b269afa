import type { Bot, Command } from '../imbot'
import { titleLanguage } from './title-language'

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

/**
 * The listed commands as JSON: every field Bitrix24 returned for each command, and the bot it belongs to.
 * Named after the portal and the date, so copies of several portals and days stay apart.
 */
export function buildCommandsExport(
  portalHost: string,
  bots: readonly Bot[],
  commands: readonly Command[],
  now: Date = new Date(),
  /** The client's language, for a bot whose language Bot.list leaves out. */
  clientLang = 'en',
): { filename: string; json: string } {
  const botsById = new Map(bots.map((bot) => [bot.id, bot]))
  const botOf = (botId: number): ExportedBot => {
    const bot = botsById.get(botId)
    return {
      id: botId,
      name: bot?.name ?? '',
      code: bot?.code ?? '',
      language: titleLanguage(bot, clientLang),
    }
  }
  const exportedBots = [...new Set(commands.map((command) => command.botId))].map(botOf)
  const content: CommandsExport = {
    format: exportFormat,
    version: exportVersion,
    portal: portalHost,
    exportedAt: now.toISOString(),
    language: mostCommon(exportedBots.map((bot) => bot.language)) ?? titleLanguage(null, clientLang),
    bots: exportedBots,
    commands: commands.map((command) => ({ ...command, bot: botOf(command.botId) })),
  }
  const day = now.toISOString().slice(0, 10)
  const portal = portalHost.replace(/[^\w.-]+/g, '-')
  return { filename: `bot-commands-${portal}-${day}.json`, json: `${JSON.stringify(content, null, 2)}\n` }
}

/** The value most of the list has (the first of them on a tie); undefined for an empty list. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: string | undefined
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value
  return best
}
