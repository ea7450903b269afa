/** Bitrix24's language ids where they differ from a browser's language tag (BCP 47, lower-cased). */
const bitrixIds: Readonly<Record<string, string>> = {
  uk: 'ua',
  be: 'by',
  kk: 'kz',
  vi: 'vn',
  pt: 'br',
  'zh-cn': 'sc',
  'zh-sg': 'sc',
  'zh-hans': 'sc',
  zh: 'sc',
  'zh-tw': 'tc',
  'zh-hk': 'tc',
  'zh-hant': 'tc',
}

/**
 * The Bitrix24 language id for a language tag: titles and hints are stored under these ids ("en", "ua", "sc"), and
 * a map keyed "en-US" would be a language no one reads. Tags already in Bitrix24's form come back as they are.
 */
export function bitrixLanguage(tag: string): string {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-')
  if (lower === '') return 'en'
  const [primary = 'en', script] = lower.split('-')
  return bitrixIds[lower] ?? bitrixIds[`${primary}-${script}`] ?? bitrixIds[primary] ?? primary
}
