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

/** Texts by language as sent: `null` (update only) removes the language. */
type LanguageMap = Record<string, string | null>

/**
 * A {langCode: text} map (fields[title], fields[params]), language ids lower-cased as the controller does; numbers
 * read as text. The map itself was checked by the schema (a plain string is COMMAND_TITLE_REQUIRED there).
 */
function languageMap(value: unknown, parameter: string, nulls: 'remove' | 'skip'): LanguageMap {
  if (!isPlainObject(value)) return {}
  const map: LanguageMap = {}
  for (const [lang, text] of Object.entries(value)) {
    if (text === null) {
      if (nulls === 'remove') map[lang.toLowerCase()] = null
      continue
    }
    if (typeof text !== 'string' && typeof text !== 'number') {
      throw new RestError(
        'INVALID_ARG_VALUE',
        `Parameter "${parameter}[${lang}]" must be a string${nulls === 'remove' ? ' or null' : ''}`,
      )
    }
    map[lang.toLowerCase()] = String(text)
  }
  return map
}

/** A title or hint sent as a plain string (or a list) instead of a map by language. */
const NOT_A_MAP = (parameter: string) => ({
  type: {
    code: 'COMMAND_TITLE_REQUIRED',
    description: `Parameter "${parameter}" must be an object {langCode: text}, e.g. {"en": "Help"}`,
  },
})

/** The parameter errors register and update share: the controller's own codes for its fields. */
const FIELD_ERRORS = {
  botId: 'BOT_ID_REQUIRED',
  'fields[title]': NOT_A_MAP('fields[title]'),
  'fields[params]': NOT_A_MAP('fields[params]'),
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

/** A flag of fields, coerced by the schema ("Y", "N", true, 1, ...); undefined when not sent. */
function flagOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

/**
 * imbot.v2.Command.register: registers a command on one of the caller's bots. Idempotent: the same bot, command and
 * owner again answers the command already there, unchanged. Live portals keep a hint only for a language that has
 * a title (the controller builds one row per title language); the docs' shape keeps every hint sent.
 */
export const commandRegisterV2: MethodDefinition = {
  name: 'imbot.v2.Command.register',
  schema: schemaFor('imbot.v2.Command.register'),
  webhookToken: 'botToken',
  paramErrors: { ...FIELD_ERRORS, 'fields[command]': { required: 'COMMAND_NAME_EMPTY' } },
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const fields = isPlainObject(params.fields) ? params.fields : {}
    const command = normalizeCommand(String(fields.command), 'fields[command]', 'COMMAND_NAME_EMPTY')
    const existing = context.state
      .commandsOf(bot.id)
      .find((candidate) => candidate.command === command && candidate.appId === context.appId)
    if (existing) return commandAnswer(existing)
    const hidden = flagOf(fields.hidden) ?? false
    const titles = languageMap(fields.title, 'fields[title]', 'skip') as Record<string, string>
    if (!hidden && Object.keys(titles).length === 0) throw new RestError('COMMAND_TITLE_REQUIRED')
    const hints = languageMap(fields.params, 'fields[params]', 'skip') as Record<string, string>
    const live = context.settings.answerShape === 'live'
    const stored = context.state.addCommand({
      botId: bot.id,
      appId: context.appId,
      command,
      titles,
      params: live
        ? Object.fromEntries(Object.entries(hints).filter(([lang]) => Object.hasOwn(titles, lang)))
        : hints,
      common: flagOf(fields.common) ?? false,
      hidden,
      extranetSupport: flagOf(fields.extranetSupport) ?? false,
      category: '',
      context: '',
      eventCommandAdd: '',
      undeletable: false,
    })
    return commandAnswer(stored)
  },
}

/** The trigger an update renames to: COMMAND_NAME_EMPTY, or COMMAND_ALREADY_EXISTS naming the command that has it. */
function newTrigger(context: MethodContext, command: SandboxCommand, value: string): string {
  const trigger = normalizeCommand(value, 'fields[command]', 'COMMAND_NAME_EMPTY')
  const taken = context.state
    .commandsOf(command.botId)
    .find((other) => other.id !== command.id && other.command.toLowerCase() === trigger.toLowerCase())
  if (taken) {
    throw new RestError(
      'COMMAND_ALREADY_EXISTS',
      `Command with this name already exists: /${taken.command} (command ${taken.id})`,
    )
  }
  return trigger
}

/**
 * New titles and hints. A title language set to text takes the hint sent for it, or keeps its own ('' if none); set
 * to null it goes, hint and all. Live portals read `params` only for the languages of `title` (a hint sent alone
 * is ignored, and a null hint keeps the old one); the docs' shape applies every hint on its own, null removing it.
 */
function updatedTexts(
  command: SandboxCommand,
  title: LanguageMap,
  hints: LanguageMap,
  shape: AnswerShape,
): Pick<SandboxCommand, 'titles' | 'params'> {
  const titles = { ...command.titles }
  const params = { ...command.params }
  for (const [lang, text] of Object.entries(title)) {
    if (text === null) {
      delete titles[lang]
      delete params[lang]
      continue
    }
    titles[lang] = text
    params[lang] = hints[lang] ?? params[lang] ?? ''
  }
  if (shape === 'docs') {
    for (const [lang, hint] of Object.entries(hints)) {
      if (hint === null) delete params[lang]
      else params[lang] = hint
    }
  }
  return { titles, params }
}

/**
 * imbot.v2.Command.update: changes a command of one of the caller's bots; what `fields` leaves out stays. Checks in
 * the controller's order: the bot, the command on it, the new trigger, the texts, and last the command's owner.
 */
export const commandUpdateV2: MethodDefinition = {
  name: 'imbot.v2.Command.update',
  schema: schemaFor('imbot.v2.Command.update'),
  webhookToken: 'botToken',
  paramErrors: FIELD_ERRORS,
  run(params, context) {
    const bot = ownBot(context, botIdOf(params.botId))
    const refuse = REFUSALS[context.settings.answerShape]
    const commandId = requirePositive(params.commandId, 'COMMAND_NOT_FOUND', 'Command not found')
    const command = context.state.getCommand(commandId)
    if (!command) throw refuse.missing()
    if (command.botId !== bot.id) throw refuse.otherBot()
    const fields = isPlainObject(params.fields) ? params.fields : {}
    const trigger =
      typeof fields.command === 'string' ? newTrigger(context, command, fields.command) : undefined
    const texts = updatedTexts(
      command,
      languageMap(fields.title, 'fields[title]', 'remove'),
      languageMap(fields.params, 'fields[params]', 'remove'),
      context.settings.answerShape,
    )
    if (command.appId !== context.appId) throw refuse.otherApp()
    command.command = trigger ?? command.command
    command.titles = texts.titles
    command.params = texts.params
    command.common = flagOf(fields.common) ?? command.common
    command.hidden = flagOf(fields.hidden) ?? command.hidden
    command.extranetSupport = flagOf(fields.extranetSupport) ?? command.extranetSupport
    return commandAnswer(command)
  },
}
