import type { Bot, Command } from '../../../imbot'
import { downloadText } from '../../../ui/on-demand/download'
import { buildCommandsExport } from './export'

/**
 * Saves the commands as a JSON file named after the portal and the day. Titles are written under their bots'
 * language; `clientLang` stands in only for a bot whose language Bot.list leaves out.
 */
export function exportFile(
  portalHost: string,
  bots: readonly Bot[],
  commands: readonly Command[],
  clientLang?: string,
): void {
  const { filename, json } = buildCommandsExport(portalHost, bots, commands, new Date(), clientLang)
  downloadText(filename, json)
}
