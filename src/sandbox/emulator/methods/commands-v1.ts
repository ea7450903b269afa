import { RestError } from '../errors.ts'
import { type LangRow, languageRows, registerCommand, updateCommand } from '../im-command.ts'
import { schemaFor } from '../spec.ts'
import type { SandboxCommand } from '../types.ts'
import { isPlainObject } from '../validate.ts'
import { type MethodContext, type MethodDefinition, requirePositive } from './context.ts'

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

/** LANG: [{LANGUAGE_ID, TITLE, PARAMS}] → the language rows Im\Command adds (im-command.ts storedTexts). */
function languages(list: unknown): LangRow[] {
  return (Array.isArray(list) ? list : [])
    .filter(isPlainObject)
    .map((item) => ({ language: item.LANGUAGE_ID, title: item.TITLE, params: item.PARAMS }))
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
    // Im\Command::register: the bot's command with that trigger if there is one, rows that fit, any trigger the
    // table takes (WRONG_REQUEST "Command can't be created" when it does not).
    const stored = registerCommand(context.state, {
      botId,
      appId: context.appId,
      command: String(params.COMMAND),
      rows: languages(params.LANG),
      common: flag(params.COMMON) ?? false,
      hidden: flag(params.HIDDEN) ?? false,
      extranetSupport: flag(params.EXTRANET_SUPPORT) ?? false,
      category: '',
      context: '',
      eventCommandAdd: String(params.EVENT_COMMAND_ADD),
      undeletable: false,
    })
    if (!stored) throw new RestError('WRONG_REQUEST', "Command can't be created")
    return stored.id
  },
}

/**
 * imbot.command.update: FIELDS as the schema describes it (LANGUAGE_ID, TITLE, PARAMS: one language's texts, merged
 * into the others), or FIELDS[LANG] as im_rest.php passes it to Im\Command::update (every language row replaced by
 * the ones sent); the flags and handler of the full v1 method are applied too when present. A command of a bot in
 * fetch mode (the mode imbot.v2.Bot.register gives by default) is refused with FETCH_NOT_SUPPORTED: only v2 changes
 * those.
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
    const sent = languages(fields.LANG)
    const language = String(fields.LANGUAGE_ID).toLowerCase()
    const one: LangRow = { language, title: fields.TITLE, params: fields.PARAMS ?? command.params[language] }
    const rows = languageRows(command)
    const at = rows.findIndex((row) => row.language === language)
    if (at === -1) rows.push(one)
    else rows[at] = one
    updateCommand(command, {
      rows: sent.length > 0 ? sent : rows,
      common: flag(fields.COMMON),
      hidden: flag(fields.HIDDEN),
      extranetSupport: flag(fields.EXTRANET_SUPPORT),
    })
    if (typeof fields.EVENT_COMMAND_ADD === 'string') command.eventCommandAdd = fields.EVENT_COMMAND_ADD
    return true
  },
}
