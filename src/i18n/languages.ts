// Bitrix24's interface languages, in one table: the 20 ids it speaks (the ids a portal, a bot's language and a
// command's title are given in) and the BCP 47 tag of each, for `Intl` and `<html lang>`. Passed raw, several ids
// mislead `Intl`: `br` is Breton, `in` Indonesian, `sc` Sardinian, and `ua`, `kz`, `vn`, `tc`, `la` are no language
// at all. The tags are Bitrix24's own (landing/lib/manager.php getLangISO; `kz` is Kazakh, `in` Hindi of India, as
// the SDK's B24LangList and Bitrix24's UI kit name it).
const tags = {
  en: 'en',
  ru: 'ru',
  de: 'de',
  la: 'es',
  br: 'pt-BR',
  fr: 'fr',
  it: 'it',
  pl: 'pl',
  ua: 'uk',
  tr: 'tr',
  kz: 'kk',
  ja: 'ja',
  sc: 'zh-CN',
  tc: 'zh-TW',
  vn: 'vi',
  id: 'id',
  ms: 'ms',
  th: 'th',
  ar: 'ar',
  in: 'hi-IN',
} as const

export type Language = keyof typeof tags

/** Bitrix24's interface languages, in the order its own language list gives them. */
export const languages = Object.keys(tags) as readonly Language[]

export const isLanguage = (id: string): id is Language => Object.hasOwn(tags, id)

/** The BCP 47 tag of a Bitrix24 language id, for `Intl` and `<html lang>`. */
export const languageTag = (id: Language): string => tags[id]

/**
 * The interface language for a Bitrix24 language id (a portal's, a bot's) or a browser's tag whose language subtag
 * is one ("de-AT"): English for any other.
 */
export function resolveLanguage(id: string | null | undefined): Language {
  const lower = (id ?? '').toLowerCase()
  const prefix = lower.slice(0, 2)
  return isLanguage(lower) ? lower : isLanguage(prefix) ? prefix : 'en'
}
