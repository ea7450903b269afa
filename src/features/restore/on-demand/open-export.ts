import { listBots } from '../../../imbot'
import type { PortalClient } from '../../../portal'
import { readListsNow } from '../../../shared/queries/on-demand/lists-now'
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
  const commands = await readListsNow(
    client,
    bots.items.map((bot) => bot.id),
  )
  return {
    ok: true,
    file: check.file,
    groups: diffWithPortal(check.file.commands, { bots: bots.items, commands, clientLang: client.lang }),
  }
}
