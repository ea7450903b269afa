import { CommandsPage } from './CommandsPage'
import { DismissalsProvider } from './dismissals'
import { HeldRemovalsProvider } from './held-removals'
import { CommandsLoaderProvider } from './imbot-context'

export { createQueryClient } from './query-client'

/** The feature: the page and the state its parts share (the batching loader, holds, dismissals). */
export function CommandsScreen() {
  return (
    <CommandsLoaderProvider>
      <DismissalsProvider>
        <HeldRemovalsProvider>
          <CommandsPage />
        </HeldRemovalsProvider>
      </DismissalsProvider>
    </CommandsLoaderProvider>
  )
}
