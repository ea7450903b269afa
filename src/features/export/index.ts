import { loadMoreMessages, type Translate, useI18n } from '../../i18n'
import type { Bot, Command } from '../../imbot'
import { usePortalClient } from '../../portal'
import { useToasts } from '../../ui'

// Exporting commands to a JSON file (the one a restore reads back). What writes the file is a chunk of its own
// (on-demand/), fetched when the page prefetches what a click may need, and on the click.
export const loadExport = () => import('./on-demand/export-file')

/** Saves the given commands of these bots as a file, and says so in a toast. */
export function useExportCommands(bots: readonly Bot[]): (commands: readonly Command[]) => void {
  const { t, language } = useI18n()
  const client = usePortalClient()
  const toasts = useToasts()
  return (commands) =>
    void Promise.all([loadExport(), loadMoreMessages(language)]).then(([{ exportFile }]) => {
      exportFile(client.portalHost, bots, commands, client.lang)
      // The rest of the dictionary is here: loadMoreMessages above has settled.
      toasts.show({ text: (t as Translate)('export.done', { count: commands.length }) })
    })
}
