import { enShell } from './en-shell'
import type { Language } from './languages'
import type { Messages } from './types'

// A dictionary comes in two parts, split by the build from the language's one file (messages/<id>.json; see
// core-keys.ts and messages/vite-plugin.ts). The core (what the page needs to show the commands) is fetched early
// from the frame's LANG hint; only the skeleton's words ship with the page (en-shell.ts). The rest (errors, the rarer
// pages, summaries) is fetched when first needed, and ahead of need once the commands are visible. Both are plain
// JSON beside the app, one URL pattern for all 20 languages: no table of chunks in the first download.
type Part = 'core' | 'more'

const parts = new Map<string, Messages>([['en:shell', enShell]])
const loading = new Map<string, Promise<void>>()

function load(language: Language, part: Part): Promise<void> {
  const key = `${language}:${part}`
  let promise = loading.get(key)
  if (!promise) {
    promise = fetch(`./i18n/${language}.${part}.json?v=${__MESSAGES_VERSION__}`)
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      // A part that fails to arrive is an empty one, with English's fetched to take its place (see lookup): the
      // page shows English, never a blank.
      .catch(() => (language === 'en' ? {} : load('en', part).then(() => ({}))))
      .then((messages: Messages) => void parts.set(key, messages))
    loading.set(key, promise)
  }
  return promise
}

/** The core dictionary of a language (what the page needs to show the commands). */
export const loadDictionary = (language: Language): Promise<void> => load(language, 'core')

/**
 * The rest of a language's dictionary, with English's as the fallback. Each part is fetched once (load keeps its
 * promise), however often this is called.
 */
export const loadMoreMessages = (language: Language): Promise<unknown> =>
  Promise.all([load(language, 'more'), load('en', 'more')])

export const hasDictionary = (language: Language): boolean => parts.has(`${language}:core`)
export const hasMoreMessages = (language: Language): boolean =>
  parts.has(`${language}:more`) && parts.has('en:more')

/** A key's text in one dictionary: with a plural category its form for it (or `other`), else the plain key's. */
export function pick(messages: Messages, key: string, category?: string): string | undefined {
  return (category && (messages[`${key}_${category}`] ?? messages[`${key}_other`])) || messages[key]
}

/** A message of a language, falling back to English; undefined only if its part is not loaded yet. */
export function lookup(language: Language, key: string, category?: string): string | undefined {
  for (const part of [`${language}:core`, `${language}:more`, 'en:core', 'en:more', 'en:shell']) {
    const message = pick(parts.get(part) ?? {}, key, category)
    if (message) return message
  }
  return undefined
}
