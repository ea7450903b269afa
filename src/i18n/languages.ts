// Bitrix24's interface languages, in one table: the 20 ids it speaks (the ids a portal, a bot's language and a
// command's title are given in) and the BCP 47 tag of each, for `Intl` and `<html lang>`. Passed raw, several ids
// mislead `Intl`: `br` is Breton, `in` Indonesian, `sc` Sardinian, and `ua`, `kz`, `vn`, `tc`, `la` are no language
// at all. The tags are Bitrix24's own (landing/lib/manager.php getLangISO; `kz` is Kazakh, `in` Hindi of India, as
// the SDK's B24LangList and Bitrix24's UI kit name it).
const ids = [
  'en',
  'ru',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'ua',
  'tr',
  'kz',
  'ja',
  'sc',
  'tc',
  'vn',
  'id',
  'ms',
  'th',
  'ar',
  'in',
] as const
/** The tags that are not the id itself. */
const tags: Partial<Record<(typeof ids)[number], string>> = {
  la: 'es',
  br: 'pt-BR',
  ua: 'uk',
  kz: 'kk',
  sc: 'zh-CN',
  tc: 'zh-TW',
  vn: 'vi',
  in: 'hi-IN',
}

export type Language = (typeof ids)[number]

/** Bitrix24's interface languages, in the order its own language list gives them. */
export const languages: readonly Language[] = ids

export const isLanguage = (id: string): id is Language => languages.includes(id as Language)

/** The BCP 47 tag of a Bitrix24 language id, for `Intl` and `<html lang>`. */
export const languageTag = (id: Language): string => tags[id] ?? id

/**
 * The interface language for a Bitrix24 language id (a portal's, a bot's) or a browser's tag whose language subtag
 * is one ("de-AT"): English for any other.
 */
export function resolveLanguage(id: string | null | undefined): Language {
  // Every id is two letters: a browser's tag is read by its first two.
  const prefix = (id ?? '').slice(0, 2).toLowerCase()
  return isLanguage(prefix) ? prefix : 'en'
}

/**
 * The interface language for a browser's language tag (outside Bitrix24, where no portal says one): by the table's
 * tags, never by the ids, which are other languages to a browser (`br` Breton, `sc` Sardinian, `la` Latin).
 * Chinese of Taiwan, Hong Kong and Macao, or written Hant, is Traditional. English for any other.
 */
export function browserLanguage(tag: string): Language {
  const lower = tag.toLowerCase()
  const primary = lower.split('-')[0]
  if (primary === 'zh') return /-(tw|hk|mo|hant)\b/.test(lower) ? 'tc' : 'sc'
  return languages.find((id) => languageTag(id).toLowerCase().split('-')[0] === primary) ?? 'en'
}
