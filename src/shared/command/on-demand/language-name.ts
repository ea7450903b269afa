import { isLanguage, type Language, languageTag } from '../../../i18n'

// Named by script where the region would mislead ("Chinese (China)" for Simplified Chinese, read in Singapore too),
// and without the region where there is one language of it ("Hindi", not "Hindi (India)").
const namedAs: Partial<Record<Language, string>> = { sc: 'zh-Hans', tc: 'zh-Hant', in: 'hi' }

/**
 * A language of titles in words, in the interface's language, with its id ("Russian (ru)"), so that a file's
 * language and the list's can be told apart at a glance. An id that is not Bitrix24's is shown as it is, quoted.
 */
export function languageName(id: string, interfaceLanguage: Language): string {
  if (!isLanguage(id)) return `“${id}”`
  try {
    const name = new Intl.DisplayNames([languageTag(interfaceLanguage)], { type: 'language' }).of(
      namedAs[id] ?? languageTag(id),
    )
    return name && name !== id ? `${name} (${id})` : id
  } catch {
    return id
  }
}
