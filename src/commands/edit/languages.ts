import { useQueryClient } from '@tanstack/react-query'
import type { BotListing } from '../../imbot'
import { usePortalClient } from '../../portal'
import { commandKeys } from '../keys'
import { titleLanguage } from '../title-language'

/**
 * The language of the titles and hints the bot's list shows, which the form edits (see titleLanguage): the bot's
 * `language` from Bot.list, read from the page's list of bots. Not the frame's language: that is the user's.
 */
export function useTitleLanguage(botId: number): string {
  const queryClient = useQueryClient()
  const { lang } = usePortalClient()
  const bots = queryClient.getQueryData<BotListing>(commandKeys.bots())
  return titleLanguage(
    bots?.items.find((bot) => bot.id === botId),
    lang,
  )
}

/**
 * Bitrix24's language ids that are not the BCP 47 tag of their language (landing/lib/manager.php getLangISO;
 * `kz` is Kazakh): `Intl` would read `br` as Breton, `in` as Indonesian, `sc` as Sardinian.
 */
const bcp47: Readonly<Record<string, string>> = {
  br: 'pt-BR',
  la: 'es',
  sc: 'zh-Hans',
  tc: 'zh-Hant',
  vn: 'vi',
  ua: 'uk',
  kz: 'kk',
  in: 'hi',
}

/** A Bitrix24 language id in words, in the interface's language, with the id: "German (de)". */
export function languageName(id: string, interfaceLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(bcp47[id] ?? id)
    return name && name !== id ? `${name} (${id})` : id
  } catch {
    return id
  }
}
