import { type CommandListing, listCommands, NotSent } from '../../imbot'
import { type PortalClient, PortalError } from '../../portal'

export interface CommandsLoader {
  /** The commands of one bot; loads asked for in the same moment travel in one `batch` request. */
  load: (botId: number) => Promise<CommandListing>
  /**
   * Sends the loads asked for so far now, not at the end of the moment: a page of bots asks for all its lists at
   * once, and a render of that page (which may take longer than a round trip) must not hold them back.
   */
  flush: () => void
}

interface Waiting {
  botId: number
  resolve: (listing: CommandListing) => void
  reject: (error: unknown) => void
}

/**
 * Every bot's command list is its own query, yet the lists that are fetched together travel together: loads
 * made in the same moment are gathered into one `batch` request (50 bots each, see listCommands), so the page shows all
 * commands after two round trips (the bots, then their commands) for up to 50 bots. TanStack Query owns
 * caching; this only gathers. (The idea of DataLoader, in the few lines this app needs.)
 */
export function createCommandsLoader(client: PortalClient): CommandsLoader {
  let waiting: Waiting[] = []
  const send = async () => {
    const gathered = waiting
    waiting = []
    if (gathered.length === 0) return
    const botIds = [...new Set(gathered.map((entry) => entry.botId))]
    try {
      // listCommands splits into requests of `batchLimit` bots and gives every bot its own outcome.
      const outcomes = new Map(
        (await listCommands(client, botIds)).map((outcome, index) => [botIds[index], outcome]),
      )
      for (const entry of gathered) {
        const outcome = outcomes.get(entry.botId)
        if (outcome instanceof NotSent) entry.reject(outcome.cause)
        else if (outcome === undefined || outcome instanceof PortalError) entry.reject(outcome)
        else entry.resolve(outcome)
      }
    } catch (error) {
      for (const entry of gathered) entry.reject(error)
    }
  }
  return {
    load: (botId) =>
      new Promise((resolve, reject) => {
        // Gather across the separate ticks in which React starts each query.
        if (waiting.length === 0) setTimeout(send, 0)
        waiting.push({ botId, resolve, reject })
      }),
    flush: () => void send(),
  }
}
