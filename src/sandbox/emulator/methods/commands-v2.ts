import { RestError } from '../errors.ts'
import { schemaFor } from '../spec.ts'
import type { AnswerShape, SandboxCommand } from '../types.ts'
import { isPlainObject } from '../validate.ts'
import { commandListEntries } from './command-entries.ts'
import {
  type MethodContext,
  type MethodDefinition,
  normalizeCommand,
  ownBot,
  requirePositive,
} from './context.ts'

function botIdOf(value: unknown): number {
  return requirePositive(value, 'BOT_ID_REQUIRED')
}

/** imbot.v2.Command.list: every command of one of this application's bots, in the portal language. */
export const commandListV2: MethodDefinition = {
  name: 'imbot.v2.Command.list',
  schema: schemaFor('imbot.v2.Command.list'),
  webhookToken: 'botToken',
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  listKey: 'commands',
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const { answerShape, lang } = context.settings
    return { commands: commandListEntries(answerShape, bot, context.state.commandsOf(bot.id), lang) }
  },
}

/** Why a command cannot be removed through imbot.v2.Command.unregister. */
type Refusal = 'missing' | 'otherBot' | 'otherApp' | 'undeletable'

/**
 * The error each refusal gets. Live portals answer all of them with COMMAND_NOT_FOUND, worded by where the
 * controller stopped (imbot/lib/V2/Controller/Command.php): not in the list, on another bot, or refused by the
 * removal itself (another application's command, or one a module protects).
 */
const REFUSALS: Record<AnswerShape, Record<Refusal, () => RestError>> = {
  docs: {
    missing: () => new RestError('COMMAND_NOT_FOUND'),
    otherBot: () => new RestError('COMMAND_NOT_FOUND'),
    otherApp: () => new RestError('BOT_OWNERSHIP_ERROR', 'Command was registered by another application'),
    undeletable: () => new RestError('WRONG_REQUEST'),
  },
  live: {
    missing: () => new RestError('COMMAND_NOT_FOUND', 'Command not found'),
    otherBot: () => new RestError('COMMAND_NOT_FOUND', 'Command belongs to a different bot'),
    otherApp: () => new RestError('COMMAND_NOT_FOUND', 'Command not found or access denied'),
    undeletable: () => new RestError('COMMAND_NOT_FOUND', 'Command not found or access denied'),
  },
}

/** The command, if it is on that bot and removable by this application; the shape's refusal otherwise. */
function removableCommand(context: MethodContext, botId: number, commandId: number): SandboxCommand {
  const refuse = REFUSALS[context.settings.answerShape]
  const command = context.state.getCommand(commandId)
  if (!command) throw refuse.missing()
  if (command.botId !== botId) throw refuse.otherBot()
  if (command.appId !== context.appId) throw refuse.otherApp()
  if (command.undeletable) throw refuse.undeletable()
  return command
}

/** imbot.v2.Command.unregister: `{result: true}`. */
export const commandUnregisterV2: MethodDefinition = {
  name: 'imbot.v2.Command.unregister',
  schema: schemaFor('imbot.v2.Command.unregister'),
  webhookToken: 'botToken',
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    // Not an id at all: no command can have it.
    const commandId = requirePositive(params.commandId, 'COMMAND_NOT_FOUND', 'Command not found')
    context.state.removeCommand(removableCommand(context, bot.id, commandId).id)
    return { result: true }
  },
}

/** A {langCode: text} object of strings (title, params of v2 register). */
function textsOf(value: unknown, parameter: string): Record<string, string> {
  if (value === undefined) return {}
  if (!isPlainObject(value) || !Object.values(value).every((text) => typeof text === 'string')) {
    throw new RestError('INVALID_ARG_VALUE', `Parameter "${parameter}" must be an object {langCode: text}`)
  }
  return Object.fromEntries(Object.entries(value).map(([lang, text]) => [lang.toLowerCase(), text as string]))
}

/** imbot.v2.Command.register: registers a command on one of this application's bots. */
export const commandRegisterV2: MethodDefinition = {
  name: 'imbot.v2.Command.register',
  schema: schemaFor('imbot.v2.Command.register'),
  webhookToken: 'botToken',
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const fields = isPlainObject(params.fields) ? params.fields : {}
    const hidden = fields.hidden === true
    const titles = textsOf(fields.title, 'fields[title]')
    if (!hidden && Object.keys(titles).length === 0) {
      throw new RestError('INVALID_ARG_VALUE', 'Parameter "fields[title]" is required for a visible command')
    }
    const stored = context.state.addCommand({
      botId: bot.id,
      appId: context.appId,
      command: normalizeCommand(String(fields.command), 'fields[command]'),
      titles,
      params: textsOf(fields.params, 'fields[params]'),
      common: fields.common === true,
      hidden,
      extranetSupport: fields.extranetSupport === true,
      category: '',
      context: '',
      eventCommandAdd: '',
      undeletable: false,
    })
    return {
      command: {
        id: stored.id,
        botId: stored.botId,
        command: `/${stored.command}`,
        common: stored.common,
        hidden: stored.hidden,
        extranetSupport: stored.extranetSupport,
      },
    }
  },
}
