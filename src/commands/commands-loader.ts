import DataLoader from 'dataloader'
import { batchLimit, type Command, listCommands } from '../imbot'
import type { PortalClient } from '../portal'

export type CommandsLoader = DataLoader<number, Command[]>

/**
 * Every bot's command list is its own query, yet the lists that are fetched together travel together: loads
 * made in the same moment are gathered into one `batch` request (50 bots each). So the page shows all
 * commands after two round trips (the bots, then their commands) for up to 50 bots.
 */
export function createCommandsLoader(client: PortalClient): CommandsLoader {
  return new DataLoader<number, Command[]>((botIds) => listCommands(client, botIds), {
    maxBatchSize: batchLimit,
    // TanStack Query owns caching; the loader only gathers.
    cache: false,
    // Gather across the separate ticks in which React starts each query.
    batchScheduleFn: (send) => setTimeout(send, 0),
  })
}
