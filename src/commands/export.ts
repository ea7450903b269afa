import type { Bot, Command } from '../imbot'

export interface CommandsExport {
  portal: string
  exportedAt: string
  commands: (Command & { bot: Pick<Bot, 'id' | 'name' | 'code'> })[]
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
): { filename: string; json: string } {
  const botsById = new Map(bots.map((bot) => [bot.id, bot]))
  const content: CommandsExport = {
    portal: portalHost,
    exportedAt: now.toISOString(),
    commands: commands.map((command) => {
      const bot = botsById.get(command.botId)
      return { ...command, bot: { id: command.botId, name: bot?.name ?? '', code: bot?.code ?? '' } }
    }),
  }
  const day = now.toISOString().slice(0, 10)
  const portal = portalHost.replace(/[^\w.-]+/g, '-')
  return { filename: `bot-commands-${portal}-${day}.json`, json: `${JSON.stringify(content, null, 2)}\n` }
}
