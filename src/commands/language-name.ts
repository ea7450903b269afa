import { isBitrixLanguage } from '../imbot/command-rules'

/**
 * Bitrix24's language ids that are not the BCP 47 tag of their language, as Bitrix24 itself turns them into ISO
 * tags (landing/lib/manager.php getLangISO; `kz` is Kazakh): `Intl` would read `br` as Breton, `in` as Indonesian,
 * `sc` as Sardinian.
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

/**
 * A language of titles in words, in the interface's language, with its id ("Russian (ru)"), so that a file's
 * language and the list's can be told apart at a glance. An id that is not Bitrix24's is shown as it is, quoted.
 */
export function languageName(id: string, interfaceLanguage: string): string {
  if (!isBitrixLanguage(id)) return `“${id}”`
  try {
    const name = new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(bcp47[id] ?? id)
    return name && name !== id ? `${name} (${id})` : id
  } catch {
    return id
  }
}
