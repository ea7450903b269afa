// Imported from its file, not the folder's index: only exports, restores and edits need it.
import { bitrixLanguage } from '../../../i18n/on-demand/bitrix-language'
import type { Bot } from '../../../imbot'

/**
 * The language a bot's listed titles and hints are in, and so the one to write and compare them under: the bot's
 * `language` from Bot.list (Im\Bot::getDefaultLanguage, the default site's language, which is also what
 * Command.list falls back to on REST calls). Only when Bot.list leaves it out, the client's language as Bitrix24
 * names languages. Never the frame's getLang() as such: that is the user's interface language, which may differ.
 */
export function titleLanguage(bot: Pick<Bot, 'language'> | null | undefined, clientLang: string): string {
  return bot?.language ?? bitrixLanguage(clientLang)
}
