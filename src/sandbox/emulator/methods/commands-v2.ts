import { RestError } from '../errors.ts'
import {
  type LangRow,
  languageRows,
  registerCommand,
  type UpdateFields,
  updateCommand,
} from '../im-command.ts'
import { isIntegerKey } from '../php.ts'
import { portalLanguageOf } from '../settings.ts'
import { schemaFor } from '../spec.ts'
import type { AnswerShape, SandboxCommand } from '../types.ts'
import { isPlainObject, type Params } from '../validate.ts'
import { commandListEntries } from './command-entries.ts'
import { type MethodContext, type MethodDefinition, ownBot, requirePositive } from './context.ts'

function botIdOf(value: unknown): number {
  return requirePositive(value, 'BOT_ID_REQUIRED')
}

/**
 * imbot.v2.Command.list: every command of one of this application's bots, each in ONE language (commandRestLang): the
 * request's, else the portal's default, else its first.
 */
export const commandListV2: MethodDefinition = {
  name: 'imbot.v2.Command.list',
  schema: schemaFor('imbot.v2.Command.list'),
  webhookToken: 'botToken',
  paramErrors: { botId: 'BOT_ID_REQUIRED' },
  listKey: 'commands',
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const language = portalLanguageOf(context.settings)
    const languages = { request: language, fallback: language }
    const commands = context.state.commandsOf(bot.id)
    return { commands: commandListEntries(context.settings.answerShape, bot, commands, languages) }
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

/**
 * `$fields` as the controller reads them. In the live shape the method checks `command`, `title`, `params` and the
 * flags itself, as sent (the controller's own checks; LIVE_AS_SENT); in the docs' shape the schema has checked and
 * coerced them. Legacy flat parameters (`command`, `title`, ... beside `fields`) count when `fields` is empty
 * (resolveRegisterFields), in register only.
 */
function fieldsOf(params: Params, legacy: boolean): Record<string, unknown> {
  const fields = params.fields ?? []
  const empty = Array.isArray(fields)
    ? fields.length === 0
    : isPlainObject(fields) && Object.keys(fields).length === 0
  if (empty) {
    if (!legacy) return {}
    const { command, title, params: hints, common, hidden, extranetSupport } = params
    return { command, title, params: hints, common, hidden, extranetSupport }
  }
  if (!isPlainObject(fields)) throw new RestError('INVALID_ARG_VALUE', 'Parameter "fields" must be an object')
  return fields
}

/** The parameters the live controller reads as sent; the schema checks them only in the docs' shape. */
const LIVE_AS_SENT = ['fields', 'command', 'title', 'params', 'common', 'hidden', 'extranetSupport']

/** BotController::normalizeBooleanVariable: a boolean as is; otherwise "Y", "1" or "TRUE" in any case; else false. */
function flagOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  return ['Y', '1', 'TRUE'].includes(text.toUpperCase())
}

/** `isset($fields[$name])`: sent and not null. */
const isSet = (fields: Record<string, unknown>, name: string) =>
  fields[name] !== undefined && fields[name] !== null

/** A flag of fields, if set. */
function setFlag(fields: Record<string, unknown>, name: string): boolean | undefined {
  return isSet(fields, name) ? flagOf(fields[name]) : undefined
}

/** The trigger, with one leading slash stripped as the controller does: COMMAND_NAME_INVALID if not a string. */
function sentTrigger(value: unknown): string {
  if (typeof value !== 'string') throw new RestError('COMMAND_NAME_INVALID', 'Command name must be a string')
  return value.startsWith('/') ? value.slice(1) : value
}

/**
 * The entries of a `{langCode: text}` map as PHP iterates them: lists and objects alike (a JSON list or `title[0]` is
 * an array with integer keys); anything else is no map. An integer key reaches `mb_strtolower` as an int, which the
 * controller (declare(strict_types=1)) refuses with a TypeError: an error with code "0".
 */
function mapEntries(value: unknown): [string, unknown][] | undefined {
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as [string, unknown])
    : isPlainObject(value)
      ? Object.entries(value)
      : undefined
  if (entries?.some(([key]) => isIntegerKey(key))) {
    throw new RestError('0', 'mb_strtolower(): Argument #1 ($string) must be of type string, int given')
  }
  return entries
}

/** `$normalizedParams`: the hints by lower-cased language, when `params` is a map. */
function hintsOf(value: unknown): Map<string, unknown> {
  return new Map((mapEntries(value) ?? []).map(([language, hint]) => [language.toLowerCase(), hint]))
}

/** What register and update answer: the command's trigger and flags as stored, real booleans, no texts. */
function commandAnswer(command: SandboxCommand) {
  return {
    command: {
      id: command.id,
      botId: command.botId,
      command: `/${command.command}`,
      common: command.common,
      hidden: command.hidden,
      extranetSupport: command.extranetSupport,
    },
  }
}

/** The docs' shape: a title or hint that is no map is refused by the schema, with this code. */
const NOT_A_MAP = (parameter: string, code: string) => ({
  type: {
    code,
    description: `Parameter "${parameter}" must be an object {langCode: text}, e.g. {"en": "Help"}`,
  },
})

/**
 * imbot.v2.Command.register, as imbot/lib/V2/Controller/Command.php registerAction: the trigger (COMMAND_NAME_INVALID
 * if not a string, one slash stripped, COMMAND_REQUIRED if nothing is left), the command this owner has with exactly
 * that trigger on the bot (answered unchanged), one language row per title (null: no row; the hint of that
 * language if sent), COMMAND_TITLE_REQUIRED for a visible command without any, then Im\Command::register
 * (im-command.ts): the bot's command with that trigger whoever registered it, or a new one, or
 * COMMAND_REGISTER_FAILED when the table refuses the trigger (over 255 characters, or "//").
 */
export const commandRegisterV2: MethodDefinition = {
  name: 'imbot.v2.Command.register',
  schema: schemaFor('imbot.v2.Command.register'),
  webhookToken: 'botToken',
  paramErrors: {
    botId: 'BOT_ID_REQUIRED',
    fields: { required: 'COMMAND_REQUIRED' },
    'fields[command]': { required: 'COMMAND_REQUIRED', type: 'COMMAND_NAME_INVALID' },
    'fields[title]': NOT_A_MAP('fields[title]', 'COMMAND_TITLE_REQUIRED'),
    'fields[params]': NOT_A_MAP('fields[params]', 'COMMAND_TITLE_REQUIRED'),
  },
  liveAsSent: LIVE_AS_SENT,
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const fields = fieldsOf(params, true)
    const command = sentTrigger(fields.command ?? '')
    if (command === '') throw new RestError('COMMAND_REQUIRED', 'Command is required')
    const own = context.state
      .commandsOf(bot.id)
      .find((other) => other.command === command && other.appId === context.appId)
    if (own) return commandAnswer(own)
    const rows: LangRow[] = []
    if (isSet(fields, 'title')) {
      const hints = isSet(fields, 'params') ? hintsOf(fields.params) : new Map<string, unknown>()
      // A title that is no map: PHP's foreach warns and does nothing.
      for (const [key, title] of mapEntries(fields.title) ?? []) {
        const language = key.toLowerCase()
        rows.push({ language, title, params: hints.get(language) ?? undefined })
      }
    }
    const hidden = flagOf(fields.hidden ?? 'N')
    if (!hidden && rows.length === 0) {
      throw new RestError('COMMAND_TITLE_REQUIRED', 'Title is required for visible commands')
    }
    const stored = registerCommand(context.state, {
      botId: bot.id,
      appId: context.appId,
      command,
      rows,
      common: flagOf(fields.common ?? 'N'),
      hidden,
      extranetSupport: flagOf(fields.extranetSupport ?? 'N'),
      category: '',
      context: '',
      eventCommandAdd: '',
      undeletable: false,
      rowFails: context.rowFails,
    })
    if (!stored) throw new RestError('COMMAND_REGISTER_FAILED', 'Command registration failed')
    return commandAnswer(stored)
  },
}

/**
 * The new trigger of an update: COMMAND_NAME_INVALID if not a string, one slash stripped, COMMAND_NAME_EMPTY if
 * nothing is left, COMMAND_ALREADY_EXISTS if another command of the bot has exactly it (`===`: case matters; whoever
 * registered it).
 */
function newTrigger(context: MethodContext, command: SandboxCommand, value: unknown): string {
  const trigger = sentTrigger(value)
  if (trigger === '') throw new RestError('COMMAND_NAME_EMPTY', 'Command name cannot be empty')
  const taken = context.state
    .commandsOf(command.botId)
    .some((other) => other.id !== command.id && other.command === trigger)
  if (taken) throw new RestError('COMMAND_ALREADY_EXISTS', 'Command with this name already exists')
  return trigger
}

/**
 * The language rows an update leaves, as updateAction merges them: the command's rows, each language of `title`
 * overriding its row (null: the row goes) with the hint sent for it in `params` (a map; null or none: the row's own
 * hint, or ''); new languages come last. COMMAND_TITLE_INVALID when `title` is no map.
 */
function mergedRows(command: SandboxCommand, title: unknown, hints: unknown): LangRow[] {
  const entries = mapEntries(title)
  if (!entries) throw new RestError('COMMAND_TITLE_INVALID', 'Title must be an object with language keys')
  const sentHints = hintsOf(hints)
  const rows = new Map(languageRows(command).map((row) => [row.language as string, row]))
  for (const [key, text] of entries) {
    const language = key.toLowerCase()
    if (text === null) {
      rows.delete(language)
      continue
    }
    const hint = sentHints.get(language) ?? rows.get(language)?.params ?? ''
    rows.set(language, { language, title: text, params: hint })
  }
  return [...rows.values()]
}

/**
 * imbot.v2.Command.update, as updateAction: the command on that bot (COMMAND_NOT_FOUND otherwise), the new trigger,
 * the flags, the merged language rows, then Im\Command::update (im-command.ts), which refuses another owner's
 * command (COMMAND_NOT_FOUND "… or access denied" live) before changing anything, replaces every language row (a row
 * the table refuses is gone), and saves trigger and flags together or not at all (a trigger over 255 characters: the
 * answer shows the old one). What `fields` leaves out stays.
 */
export const commandUpdateV2: MethodDefinition = {
  name: 'imbot.v2.Command.update',
  schema: schemaFor('imbot.v2.Command.update'),
  webhookToken: 'botToken',
  paramErrors: {
    botId: 'BOT_ID_REQUIRED',
    'fields[command]': { type: 'COMMAND_NAME_INVALID' },
    'fields[title]': NOT_A_MAP('fields[title]', 'COMMAND_TITLE_INVALID'),
    'fields[params]': NOT_A_MAP('fields[params]', 'COMMAND_TITLE_INVALID'),
  },
  liveAsSent: LIVE_AS_SENT,
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const refuse = REFUSALS[context.settings.answerShape]
    const commandId = requirePositive(params.commandId, 'COMMAND_NOT_FOUND', 'Command not found')
    const command = context.state.getCommand(commandId)
    if (!command) throw refuse.missing()
    if (command.botId !== bot.id) throw refuse.otherBot()
    const fields = fieldsOf(params, false)
    const trigger = isSet(fields, 'command') ? newTrigger(context, command, fields.command) : undefined
    const update: UpdateFields = {
      command: trigger,
      common: setFlag(fields, 'common'),
      hidden: setFlag(fields, 'hidden'),
      extranetSupport: setFlag(fields, 'extranetSupport'),
      rowFails: context.rowFails,
    }
    if (isSet(fields, 'title'))
      update.rows = mergedRows(command, fields.title, isSet(fields, 'params') ? fields.params : undefined)
    if (command.appId !== context.appId) throw refuse.otherApp()
    updateCommand(command, update)
    return commandAnswer(command)
  },
}
