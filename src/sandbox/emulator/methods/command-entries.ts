import { listedTexts } from '../im-command.ts'
import type { AnswerShape, PortalLanguage, SandboxBot, SandboxCommand } from '../types.ts'
import { BUILT_IN_COMMANDS, type BuiltInCommand, type BuiltInLanguage } from './built-in-commands.ts'

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

/**
 * The languages a list reads its texts in (commandRestLang): the request's (a REST request runs in the portal's site
 * language), then the portal's default language (Im\Bot::getDefaultLanguage: the default site's). The sandbox's
 * portal has one site, so both are its `portalLanguage`.
 */
export interface ListLanguages {
  request: PortalLanguage
  fallback: PortalLanguage
}

/** A command with an empty title in the list's language is hidden in the list's data: the docs' `hidden` says so. */
export function docsCommandEntry(command: SandboxCommand, languages: ListLanguages): DocsCommandEntry {
  const texts = listedTexts(command, languages.request, languages.fallback)
  return {
    id: command.id,
    botId: command.botId,
    command: `/${command.command}`,
    title: texts.title,
    params: texts.params,
    common: command.common,
    hidden: texts.hidden,
    extranetSupport: command.extranetSupport,
    category: command.category,
    context: command.context,
  }
}

/**
 * A bot's own command: a live portal names the bot (its full name) as the category and sends no context. An empty
 * title marks the command hidden, but toRestFormat sends no `hidden`: it is listed as any other, its title ''.
 */
export function liveCommandEntry(
  command: SandboxCommand,
  bot: SandboxBot,
  languages: ListLanguages,
): LiveCommandEntry {
  const texts = listedTexts(command, languages.request, languages.fallback)
  return {
    id: command.id,
    botId: command.botId,
    command: `/${command.command}`,
    category: bot.name,
    common: yesNo(command.common),
    context: '',
    title: texts.title,
    params: texts.params,
    extranet: yesNo(command.extranetSupport),
  }
}

/** The built-ins' texts come from the im module's language files: English where the sandbox has no words. */
function builtInLanguage(language: PortalLanguage): BuiltInLanguage {
  return language === 'ru' || language === 'de' ? language : 'en'
}

function liveBuiltInEntry(
  builtIn: BuiltInCommand,
  index: number,
  language: PortalLanguage,
): LiveCommandEntry {
  const lang = builtInLanguage(language)
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
  languages: ListLanguages,
): DocsCommandEntry[] | LiveCommandEntry[] {
  if (shape === 'docs') return commands.map((command) => docsCommandEntry(command, languages))
  return [
    ...BUILT_IN_COMMANDS.map((builtIn, index) => liveBuiltInEntry(builtIn, index, languages.request)),
    ...commands.map((command) => liveCommandEntry(command, bot, languages)),
  ]
}
