import { CommandsLoaderProvider } from '../../shared/queries/imbot-context'
import { CommandsPage } from './CommandsPage'

/** The list of the bots' commands: the page, and the loader that gathers the bots' lists into batch requests. */
export function CommandsScreen() {
  return (
    <CommandsLoaderProvider>
      <CommandsPage />
    </CommandsLoaderProvider>
  )
}
