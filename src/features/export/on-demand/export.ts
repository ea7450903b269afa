import type { Bot, Command } from '../../../imbot'
import {
  type CommandsExport,
  type ExportedBot,
  exportFormat,
  exportVersion,
} from '../../../shared/command/on-demand/export-format'
import { titleLanguage } from '../../../shared/command/on-demand/title-language'

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
