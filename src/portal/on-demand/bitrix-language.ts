// Bitrix24's languages, in one table: the 20 ids of its interface (the only keys a command's title or hint is read
// under) and the BCP 47 tag of each, as Bitrix24 itself turns its ids into ISO tags (landing/lib/manager.php
// getLangISO; `kz` is Kazakh). Both directions are read from it: a browser's tag to Bitrix24's id, an id to the
// tag `Intl` understands (which would read `br` as Breton, `in` as Indonesian, `sc` as Sardinian).
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
  sc: 'zh-Hans',
  tc: 'zh-Hant',
  vn: 'vi',
  id: 'id',
  ms: 'ms',
  th: 'th',
  ar: 'ar',
  in: 'hi',
} as const

export type BitrixLanguage = keyof typeof tags

/** Bitrix24's interface languages, in the order its own language list gives them. */
export const bitrixLanguages = Object.keys(tags) as readonly BitrixLanguage[]

export const isBitrixLanguage = (id: string): id is BitrixLanguage => Object.hasOwn(tags, id)

/** The BCP 47 tag of a Bitrix24 language id, for `Intl`. */
export const languageTag = (id: BitrixLanguage): string => tags[id]

/** Tags (lower-cased) whose Bitrix24 id is not their language subtag: the table's, and a few regional spellings. */
const idsByTag: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(tags).map(([id, tag]) => [tag.toLowerCase(), id])),
  pt: 'br',
  zh: 'sc',
  'zh-cn': 'sc',
  'zh-sg': 'sc',
  'zh-tw': 'tc',
  'zh-hk': 'tc',
  // Belarusian: an id Bitrix24 had, not one of its interface languages now.
  be: 'by',
}

/**
 * The Bitrix24 language id for a language tag: titles and hints are stored under these ids ("en", "ua", "sc"), and
 * a map keyed "en-US" would be a language no one reads. Ids already in Bitrix24's form come back as they are.
 */
export function bitrixLanguage(tag: string): string {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-')
  if (lower === '') return 'en'
  if (isBitrixLanguage(lower)) return lower
  const [primary = 'en', script] = lower.split('-')
  return idsByTag[lower] ?? idsByTag[`${primary}-${script}`] ?? idsByTag[primary] ?? primary
}
