import { CommandsPage } from './CommandsPage'
import { CommandsLoaderProvider } from './imbot-context'

export { ErrorNotice } from './ErrorNotice'
export { createQueryClient } from './query-client'

/** The feature: the page, and the loader that gathers the bots' lists into batch requests. */
export function CommandsScreen() {
  return (
    <CommandsLoaderProvider>
      <CommandsPage />
    </CommandsLoaderProvider>
  )
}
