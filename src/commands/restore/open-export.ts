import { type Bot, type Command, listBots, listCommands, NotSent } from '../../imbot'
import type { PortalClient } from '../../portal'
import { checkExportFile, type ExportFile, type FileProblem, maxFileBytes } from './check-file'
import { type BotGroup, diffWithPortal } from './diff'

/** A file opened for a restore: refused with the reason (nothing was sent), or sorted against the portal. */
export type OpenedExport =
  | { ok: false; problem: FileProblem }
  | { ok: true; file: ExportFile; groups: BotGroup[] }

/**
 * Checks the file, then reads the portal as it is now (the application's bots and their lists, the live way)
 * and sorts the file's commands against it. A huge file is refused before it is read at all.
 */
export async function openExport(client: PortalClient, picked: File): Promise<OpenedExport> {
  const check =
    picked.size > maxFileBytes ? checkExportFile('', picked.size) : checkExportFile(await picked.text())
  if (!check.ok) return check
  const bots = await listBots(client)
  const lists = await listCommands(
    client,
    bots.items.map((bot: Bot) => bot.id),
  )
  const commands = new Map<number, readonly Command[] | null>(
    bots.items.map((bot, index) => {
      const list = lists[index]
      return [bot.id, list === undefined || list instanceof NotSent || !('items' in list) ? null : list.items]
    }),
  )
  return {
    ok: true,
    file: check.file,
    groups: diffWithPortal(check.file.commands, { bots: bots.items, commands }),
  }
}
