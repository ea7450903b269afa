import type { AnswerShape, SandboxBot, SandboxCommand, SandboxLang } from '../types.ts'
import { BUILT_IN_COMMANDS, type BuiltInCommand } from './built-in-commands.ts'
import { localized } from './context.ts'

/**
 * The entries of imbot.v2.Command.list, once per shape. Each shape is described here and only here; both come
 * from the same stored command.
 */

type YesNo = 'Y' | 'N'

/** An entry as the docs (src/sandbox/spec/) show it. */
export interface DocsCommandEntry {
  id: number
  botId: number
  command: string
  title: string
  params: string
  common: boolean
  hidden: boolean
  extranetSupport: boolean
  category: string
  context: string
}

/**
 * An entry as live portals send it (the im module's Command entity, toRestFormat; field order as there): flags
 * as stored, "Y"/"N"; `extranet`, not `extranetSupport`; no `hidden` at all.
 */
export interface LiveCommandEntry {
  /** "defN" for the built-ins. */
  id: number | string
  /** 0 for the built-ins. */
  botId: number
  command: string
  category: string
  common: YesNo
  context: string
  title: string
  params: string
  extranet: YesNo
}

function yesNo(flag: boolean): YesNo {
  return flag ? 'Y' : 'N'
}

export function docsCommandEntry(command: SandboxCommand, lang: SandboxLang): DocsCommandEntry {
  return {
    id: command.id,
    botId: command.botId,
    command: `/${command.command}`,
    title: localized(command.titles, lang),
    params: localized(command.params, lang),
    common: command.common,
    hidden: command.hidden,
    extranetSupport: command.extranetSupport,
    category: command.category,
    context: command.context,
  }
}

/** A bot's own command: a live portal names the bot (its full name) as the category and sends no context. */
export function liveCommandEntry(
  command: SandboxCommand,
  bot: SandboxBot,
  lang: SandboxLang,
): LiveCommandEntry {
  return {
    id: command.id,
    botId: command.botId,
    command: `/${command.command}`,
    category: bot.name,
    common: yesNo(command.common),
    context: '',
    title: localized(command.titles, lang),
    params: localized(command.params, lang),
    extranet: yesNo(command.extranetSupport),
  }
}

function liveBuiltInEntry(builtIn: BuiltInCommand, index: number, lang: SandboxLang): LiveCommandEntry {
  return {
    id: `def${index}`,
    botId: 0,
    command: `/${builtIn.command}`,
    category: builtIn.category[lang],
    common: 'Y',
    context: builtIn.context,
    title: builtIn.title[lang],
    params: builtIn.params[lang],
    extranet: yesNo(builtIn.extranet),
  }
}

/**
 * The `commands` of one bot's list. Live: the portal's built-ins first, then every command of the bot, hidden
 * ones included (unmarked). Docs: the bot's commands only.
 */
export function commandListEntries(
  shape: AnswerShape,
  bot: SandboxBot,
  commands: readonly SandboxCommand[],
  lang: SandboxLang,
): DocsCommandEntry[] | LiveCommandEntry[] {
  if (shape === 'docs') return commands.map((command) => docsCommandEntry(command, lang))
  return [
    ...BUILT_IN_COMMANDS.map((builtIn, index) => liveBuiltInEntry(builtIn, index, lang)),
    ...commands.map((command) => liveCommandEntry(command, bot, lang)),
  ]
}
