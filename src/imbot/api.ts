import { type BatchCall, localErrorCodes, type PortalClient, PortalError, toPortalError } from '../portal'
import { parseBotPage, parseCommandList, parseUnregisterAnswer } from './answers'
import type { Bot, Command } from './types'

/** Bitrix24 runs at most this many calls in one `batch` request, and pages lists by the same number. */
export const batchLimit = 50

/** Every bot of the application: all pages of imbot.v2.Bot.list. */
export async function listBots(client: PortalClient): Promise<Bot[]> {
  const bots: Bot[] = []
  for (let offset = 0; ; offset += batchLimit) {
    const page = parseBotPage(await client.call('imbot.v2.Bot.list', { limit: batchLimit, offset }))
    bots.push(...page.bots)
    if (!page.hasNextPage || page.bots.length === 0) return bots
  }
}

/**
 * The commands of each bot, in as few HTTP requests as `batch` allows (one per 50 bots). Each bot gets
 * its own outcome, so one bot's failure (BOT_NOT_FOUND, BOT_OWNERSHIP_ERROR) leaves the others usable.
 */
export async function listCommands(
  client: PortalClient,
  botIds: readonly number[],
): Promise<(Command[] | PortalError)[]> {
  return runInBatches(
    client,
    botIds,
    (botId) => ({ method: 'imbot.v2.Command.list', params: { botId } }),
    parseCommandList,
  )
}

/** Removes one command through the v1 method (the only one that needs no bot token inside the frame). */
export async function removeCommand(client: PortalClient, commandId: number): Promise<void> {
  parseUnregisterAnswer(await client.call('imbot.command.unregister', unregisterParams(commandId)))
}

/**
 * Removes many commands: one `batch` request per 50, sent one after another. Each command gets its own
 * outcome (`true` when removed); `onProgress` hears how many have an outcome so far.
 */
export async function removeCommands(
  client: PortalClient,
  commandIds: readonly number[],
  onProgress?: (done: number) => void,
): Promise<(true | PortalError)[]> {
  return runInBatches(
    client,
    commandIds,
    (commandId) => ({ method: 'imbot.command.unregister', params: unregisterParams(commandId) }),
    (value) => {
      parseUnregisterAnswer(value)
      return true as const
    },
    onProgress,
  )
}

function unregisterParams(commandId: number): Record<string, unknown> {
  // COMMAND_ID as an integer; CLIENT_ID is for webhooks only, never inside the frame.
  return { COMMAND_ID: commandId }
}

async function runInBatches<TKey, TValue>(
  client: PortalClient,
  keys: readonly TKey[],
  toCall: (key: TKey) => BatchCall,
  parseResult: (value: unknown) => TValue,
  onProgress?: (done: number) => void,
): Promise<(TValue | PortalError)[]> {
  const outcomes: (TValue | PortalError)[] = []
  for (let start = 0; start < keys.length; start += batchLimit) {
    const chunk = keys.slice(start, start + batchLimit)
    const calls = Object.fromEntries(chunk.map((key, index) => [`c${index}`, toCall(key)]))
    let answers: Awaited<ReturnType<PortalClient['batch']>>
    try {
      answers = await client.batch(calls)
    } catch (error) {
      // The whole request failed: every call of this chunk and the ones after it share that outcome.
      // (A connection that keeps failing is not hammered with the rest; the list check sorts out what happened.)
      const failure = toPortalError(error, 'batch')
      while (outcomes.length < keys.length) outcomes.push(failure)
      onProgress?.(outcomes.length)
      return outcomes
    }
    for (const [key, call] of Object.entries(calls)) {
      const answer = answers[key]
      if (!answer) {
        outcomes.push(
          new PortalError({
            code: localErrorCodes.malformedAnswer,
            status: 200,
            description: 'No answer for this call.',
            method: call.method,
          }),
        )
      } else if (answer.ok) {
        try {
          outcomes.push(parseResult(answer.result))
        } catch (error) {
          outcomes.push(toPortalError(error, call.method))
        }
      } else {
        outcomes.push(new PortalError(answer.error))
      }
    }
    onProgress?.(outcomes.length)
  }
  return outcomes
}
