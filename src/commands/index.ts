export { CommandsPage } from './CommandsPage'
export { CommandsLoaderProvider } from './imbot-context'
export { commandKeys } from './keys'
export { createQueryClient } from './query-client'
