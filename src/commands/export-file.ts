import type { Bot, Command } from '../imbot'
import { downloadText } from '../ui/download'
import { buildCommandsExport } from './export'

/** Saves the commands as a JSON file named after the portal and the day. */
export function exportFile(
  portalHost: string,
  bots: readonly Bot[],
  commands: readonly Command[],
  language?: string,
): void {
  const { filename, json } = buildCommandsExport(portalHost, bots, commands, new Date(), language)
  downloadText(filename, json)
}
