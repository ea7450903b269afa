import { localErrorCodes, PortalError } from '../portal'
import type { Bot, Command } from './types'

// Bitrix24 answers are checked at the edge: a malformed answer becomes a clear error, never a broken table.
// Only the fields the app uses are kept; missing optional texts and flags get neutral values. (Written out
// rather than with a schema library: the app's initial download has a budget, and these are two shapes.)

class MalformedAnswer extends Error {}

type Fields = Record<string, unknown>

function record(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MalformedAnswer(`${where} is not an object`)
  return value as Fields
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedAnswer(`${where} is not a list`)
  return value
}

/** A positive integer id; Bitrix24 sometimes sends ids as numeric strings. */
function id(value: unknown, where: string): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw new MalformedAnswer(`${where} is not a positive integer`)
  }
  return number
}

function text(value: unknown, where: string): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') throw new MalformedAnswer(`${where} is not a string`)
  return value
}

function flag(value: unknown, where: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') throw new MalformedAnswer(`${where} is not a boolean`)
  return value
}

function parse<T>(method: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof MalformedAnswer)) throw error
    throw new PortalError({
      code: localErrorCodes.malformedAnswer,
      status: 200,
      description: `Unexpected answer shape: ${error.message}`,
      method,
    })
  }
}

export interface BotPage {
  bots: Bot[]
  hasNextPage: boolean
}

export function parseBotPage(value: unknown): BotPage {
  return parse('imbot.v2.Bot.list', () => {
    const answer = record(value, 'result')
    const names = new Map<number, string>()
    list(answer.users ?? [], 'users').forEach((entry, index) => {
      const user = record(entry, `users.${index}`)
      names.set(id(user.id, `users.${index}.id`), text(user.name, `users.${index}.name`))
    })
    const bots = list(answer.bots, 'bots').map((entry, index): Bot => {
      const bot = record(entry, `bots.${index}`)
      const botId = id(bot.id, `bots.${index}.id`)
      const code = text(bot.code, `bots.${index}.code`)
      const count = bot.countCommand ?? 0
      return {
        id: botId,
        code,
        type: text(bot.type, `bots.${index}.type`),
        isHidden: flag(bot.isHidden, `bots.${index}.isHidden`),
        countCommand: typeof count === 'number' ? count : 0,
        name: names.get(botId) || code || `#${botId}`,
      }
    })
    return { bots, hasNextPage: flag(answer.hasNextPage, 'hasNextPage') }
  })
}

export function parseCommandList(value: unknown): Command[] {
  return parse('imbot.v2.Command.list', () =>
    list(record(value, 'result').commands, 'commands').map((entry, index): Command => {
      const command = record(entry, `commands.${index}`)
      const at = (field: string) => `commands.${index}.${field}`
      if (typeof command.command !== 'string' || command.command === '') {
        throw new MalformedAnswer(`${at('command')} is not a command`)
      }
      return {
        id: id(command.id, at('id')),
        botId: id(command.botId, at('botId')),
        command: command.command,
        title: text(command.title, at('title')),
        params: text(command.params, at('params')),
        common: flag(command.common, at('common')),
        hidden: flag(command.hidden, at('hidden')),
        extranetSupport: flag(command.extranetSupport, at('extranetSupport')),
        category: text(command.category, at('category')),
        context: text(command.context, at('context')),
      }
    }),
  )
}

/** imbot.command.unregister answers `true`; anything else means the portal did something unexpected. */
export function parseUnregisterAnswer(value: unknown): void {
  if (value !== true) {
    throw new PortalError({
      code: localErrorCodes.malformedAnswer,
      status: 200,
      description: `Expected true, got ${JSON.stringify(value)?.slice(0, 80)}`,
      method: 'imbot.command.unregister',
    })
  }
}
