import { isLanguage, languages, languageTag } from '../languages'

// A browser's or a file's language tag read as a Bitrix24 id (the table itself is languages.ts).

/** Tags (lower-cased) whose Bitrix24 id is not their language subtag: the table's, and a few regional spellings. */
const idsByTag: Readonly<Record<string, string>> = {
  ...Object.fromEntries(languages.map((id) => [languageTag(id).toLowerCase(), id])),
  pt: 'br',
  hi: 'in',
  zh: 'sc',
  'zh-hans': 'sc',
  'zh-hant': 'tc',
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
  if (isLanguage(lower)) return lower
  const [primary = 'en', script] = lower.split('-')
  return idsByTag[lower] ?? idsByTag[`${primary}-${script}`] ?? idsByTag[primary] ?? primary
}
