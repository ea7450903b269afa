import * as v from 'valibot'
import { localErrorCodes, PortalError } from '../portal'
import type { Bot, Command } from './types'

// Bitrix24 answers are checked at the edge: a malformed answer becomes a clear error, never a broken table.
// Unknown fields are kept out; missing optional texts become empty strings.
const orDefault = <const TValue extends string | boolean | number>(
  schema: v.GenericSchema<TValue, TValue>,
  fallback: TValue,
) =>
  v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value): TValue => value ?? fallback),
    ),
    fallback,
  )
const text = orDefault(v.string(), '')
const flag = orDefault(v.boolean(), false)
const id = v.pipe(v.union([v.number(), v.pipe(v.string(), v.transform(Number))]), v.integer(), v.minValue(1))

const botListAnswer = v.object({
  bots: v.array(
    v.object({
      id,
      code: text,
      type: text,
      isHidden: flag,
      countCommand: orDefault(v.number(), 0),
    }),
  ),
  users: v.optional(v.array(v.object({ id, name: text })), []),
  hasNextPage: flag,
})

const commandSchema = v.object({
  id,
  botId: id,
  command: v.string(),
  title: text,
  params: text,
  common: flag,
  hidden: flag,
  extranetSupport: flag,
  category: text,
  context: text,
})

const commandListAnswer = v.object({ commands: v.array(commandSchema) })

function parse<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  method: string,
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, value)
  if (parsed.success) return parsed.output
  const issue = parsed.issues[0]
  const where = issue ? v.getDotPath(issue) : null
  throw new PortalError({
    code: localErrorCodes.malformedAnswer,
    status: 200,
    description: `Unexpected answer shape${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'invalid'}`,
    method,
  })
}

export interface BotPage {
  bots: Bot[]
  hasNextPage: boolean
}

export function parseBotPage(value: unknown): BotPage {
  const answer = parse(botListAnswer, value, 'imbot.v2.Bot.list')
  const names = new Map(answer.users.map((user) => [user.id, user.name]))
  return {
    hasNextPage: answer.hasNextPage,
    bots: answer.bots.map((bot) => ({
      id: bot.id,
      code: bot.code,
      type: bot.type,
      isHidden: bot.isHidden,
      countCommand: bot.countCommand,
      name: names.get(bot.id) || bot.code || `#${bot.id}`,
    })),
  }
}

export function parseCommandList(value: unknown): Command[] {
  return parse(commandListAnswer, value, 'imbot.v2.Command.list').commands
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
