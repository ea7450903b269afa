import { isBitrixLanguage, languageTag } from '../../../portal/on-demand/bitrix-language'

/**
 * A language of titles in words, in the interface's language, with its id ("Russian (ru)"), so that a file's
 * language and the list's can be told apart at a glance. An id that is not Bitrix24's is shown as it is, quoted.
 */
export function languageName(id: string, interfaceLanguage: string): string {
  if (!isBitrixLanguage(id)) return `“${id}”`
  try {
    const name = new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(languageTag(id))
    return name && name !== id ? `${name} (${id})` : id
  } catch {
    return id
  }
}
