import { RestError } from '../errors.ts'
import { schemaFor } from '../spec.ts'
import type { SandboxCommand } from '../types.ts'
import { isPlainObject } from '../validate.ts'
import { type MethodContext, type MethodDefinition, normalizeCommand, requirePositive } from './context.ts'

/** v1 flags are 'Y'/'N' strings. */
function flag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined
  return value === 'Y' || value === true
}

/** The command the calling application may change: COMMAND_ID_ERROR / APP_ID_ERROR otherwise. */
function ownCommand(context: MethodContext, value: unknown): SandboxCommand {
  const id = requirePositive(value, 'COMMAND_ID_ERROR')
  const command = context.state.getCommand(id)
  if (!command) throw new RestError('COMMAND_ID_ERROR')
  if (command.appId !== context.appId) throw new RestError('APP_ID_ERROR')
  return command
}

/** LANG: [{LANGUAGE_ID, TITLE, PARAMS}] → titles and parameter hints per language. */
function languages(list: unknown): { titles: Record<string, string>; params: Record<string, string> } {
  const titles: Record<string, string> = {}
  const params: Record<string, string> = {}
  for (const item of Array.isArray(list) ? list : []) {
    if (!isPlainObject(item)) continue
    const lang = String(item.LANGUAGE_ID).toLowerCase()
    titles[lang] = String(item.TITLE)
    if (typeof item.PARAMS === 'string') params[lang] = item.PARAMS
  }
  return { titles, params }
}

/** imbot.command.unregister: `true`, or COMMAND_ID_ERROR / APP_ID_ERROR / WRONG_REQUEST. */
export const commandUnregisterV1: MethodDefinition = {
  name: 'imbot.command.unregister',
  schema: schemaFor('imbot.command.unregister'),
  webhookToken: 'CLIENT_ID',
  paramErrors: { COMMAND_ID: 'COMMAND_ID_ERROR' },
  run(params, context) {
    const command = ownCommand(context, params.COMMAND_ID)
    if (command.undeletable) throw new RestError('WRONG_REQUEST')
    context.state.removeCommand(command.id)
    return true
  },
}

/** imbot.command.register: the new command's id. */
export const commandRegisterV1: MethodDefinition = {
  name: 'imbot.command.register',
  schema: schemaFor('imbot.command.register'),
  webhookToken: 'CLIENT_ID',
  run(params, context) {
    const botId = requirePositive(params.BOT_ID, 'BOT_ID_ERROR')
    const bot = context.state.getBot(botId)
    if (!bot) throw new RestError('BOT_ID_ERROR')
    if (bot.appId !== context.appId)
      throw new RestError('APP_ID_ERROR', 'Bot was installed by another rest application')
    const { titles, params: hints } = languages(params.LANG)
    const stored = context.state.addCommand({
      botId,
      appId: context.appId,
      command: normalizeCommand(String(params.COMMAND), 'COMMAND'),
      titles,
      params: hints,
      common: flag(params.COMMON) ?? false,
      hidden: flag(params.HIDDEN) ?? false,
      extranetSupport: flag(params.EXTRANET_SUPPORT) ?? false,
      category: '',
      context: '',
      eventCommandAdd: String(params.EVENT_COMMAND_ADD),
      undeletable: false,
    })
    return stored.id
  },
}

/**
 * imbot.command.update: FIELDS as the schema describes it (LANGUAGE_ID, TITLE, PARAMS: one language's texts);
 * the flags and handler of the full v1 method are applied too when present. A command of a bot in fetch mode (the
 * mode imbot.v2.Bot.register gives by default) is refused with FETCH_NOT_SUPPORTED: only v2 changes those.
 */
export const commandUpdateV1: MethodDefinition = {
  name: 'imbot.command.update',
  schema: schemaFor('imbot.command.update'),
  webhookToken: 'CLIENT_ID',
  paramErrors: { COMMAND_ID: 'COMMAND_ID_ERROR' },
  run(params, context) {
    const command = ownCommand(context, params.COMMAND_ID)
    if (context.state.getBot(command.botId)?.eventMode === 'fetch') throw new RestError('FETCH_NOT_SUPPORTED')
    const fields = isPlainObject(params.FIELDS) ? params.FIELDS : {}
    const lang = String(fields.LANGUAGE_ID).toLowerCase()
    command.titles = { ...command.titles, [lang]: String(fields.TITLE) }
    if (typeof fields.PARAMS === 'string') command.params = { ...command.params, [lang]: fields.PARAMS }
    const extra = languages(fields.LANG)
    command.titles = { ...command.titles, ...extra.titles }
    command.params = { ...command.params, ...extra.params }
    command.common = flag(fields.COMMON) ?? command.common
    command.hidden = flag(fields.HIDDEN) ?? command.hidden
    command.extranetSupport = flag(fields.EXTRANET_SUPPORT) ?? command.extranetSupport
    if (typeof fields.EVENT_COMMAND_ADD === 'string') command.eventCommandAdd = fields.EVENT_COMMAND_ADD
    return true
  },
}
