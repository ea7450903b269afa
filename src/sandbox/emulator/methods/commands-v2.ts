import { RestError } from '../errors.ts'
import { schemaFor } from '../spec.ts'
import type { SandboxCommand } from '../types.ts'
import { isPlainObject } from '../validate.ts'
import { localized, type MethodDefinition, normalizeCommand, ownBot, requirePositive } from './context.ts'

function botIdOf(value: unknown): number {
  return requirePositive(value, 'BOT_ID_REQUIRED')
}

/** imbot.v2.Command.list: every command of one of this application's bots, in the portal language. */
export const commandListV2: MethodDefinition = {
  name: 'imbot.v2.Command.list',
  schema: schemaFor('imbot.v2.Command.list'),
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    return {
      commands: context.state.commandsOf(bot.id).map((command) => ({
        id: command.id,
        botId: command.botId,
        command: `/${command.command}`,
        title: localized(command.titles, context.settings.lang),
        params: localized(command.params, context.settings.lang),
        common: command.common,
        hidden: command.hidden,
        extranetSupport: command.extranetSupport,
        category: command.category,
        context: command.context,
      })),
    }
  },
}

/** The command, if it is on that bot and removable by this application. */
function removableCommand(
  botId: number,
  commandId: number,
  appId: string,
  find: (id: number) => SandboxCommand | undefined,
) {
  const command = find(commandId)
  if (!command || command.botId !== botId) throw new RestError('COMMAND_NOT_FOUND')
  if (command.appId !== appId) {
    throw new RestError('BOT_OWNERSHIP_ERROR', 'Command was registered by another application')
  }
  if (command.undeletable) throw new RestError('WRONG_REQUEST')
  return command
}

/** imbot.v2.Command.unregister: `{result: true}`. */
export const commandUnregisterV2: MethodDefinition = {
  name: 'imbot.v2.Command.unregister',
  schema: schemaFor('imbot.v2.Command.unregister'),
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const commandId = requirePositive(params.commandId, 'COMMAND_NOT_FOUND')
    const command = removableCommand(bot.id, commandId, context.appId, (id) => context.state.getCommand(id))
    context.state.removeCommand(command.id)
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
