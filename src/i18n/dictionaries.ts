import { enShell } from './en-shell'
import type { CoreMessageKey } from './on-demand/en'
import type { MoreMessageKey } from './on-demand/en-more'
import type { Language, Message } from './types'

export type MessageKey = CoreMessageKey | MoreMessageKey
export type Messages = Record<MessageKey, Message>
type Part = Partial<Messages>

// A dictionary comes in two parts. The core (what the page needs to show the commands) is a small chunk per
// language, fetched early from the frame's LANG hint (only the skeleton's words ship with the page, en-shell.ts). The
// rest (errors, the rarer pages, summaries) is a chunk per language, fetched when first needed and ahead of
// need once the commands are visible. The first download stays small; no text is ever missing when shown.
const coreLoaders: Record<Language, () => Promise<Part>> = {
  en: () => import('./on-demand/en').then((module) => module.en),
  ru: () => import('./on-demand/ru').then((module) => module.ru),
  de: () => import('./on-demand/de').then((module) => module.de),
}
const moreLoaders: Record<Language, () => Promise<Part>> = {
  en: () => import('./on-demand/en-more').then((module) => module.enMore),
  ru: () => import('./on-demand/ru-more').then((module) => module.ruMore),
  de: () => import('./on-demand/de-more').then((module) => module.deMore),
}

const parts = new Map<string, Part>([['en:shell', enShell]])
const loading = new Map<string, Promise<void>>()

function load(language: Language, part: 'core' | 'more'): Promise<void> {
  const key = `${language}:${part}`
  let promise = loading.get(key)
  if (!promise) {
    const loader = (part === 'core' ? coreLoaders : moreLoaders)[language]
    promise = loader().then(
      (messages) => void parts.set(key, messages),
      // A chunk that fails to load leaves English in its place (see lookup), never a blank.
      () => (language === 'en' ? undefined : load('en', part)),
    )
    loading.set(key, promise)
  }
  return promise
}

/** The core dictionary of a language (what the page needs to show the commands). */
export const loadDictionary = (language: Language): Promise<void> => load(language, 'core')

const loadedMore = new Set<Language>()

/**
 * The rest of a language's dictionary, with English's as the fallback. Each part is fetched once (load keeps its
 * promise), however often this is called.
 */
export const loadMoreMessages = (language: Language): Promise<void> =>
  Promise.all([load(language, 'more'), load('en', 'more')]).then(() => void loadedMore.add(language))

export const hasDictionary = (language: Language): boolean => parts.has(`${language}:core`)
export const hasMoreMessages = (language: Language): boolean => loadedMore.has(language)

/** A message of a language, falling back to English; undefined only if its part is not loaded yet. */
export function lookup(language: Language, key: MessageKey): Message | undefined {
  return (
    parts.get(`${language}:core`)?.[key] ??
    parts.get(`${language}:more`)?.[key] ??
    parts.get('en:core')?.[key] ??
    parts.get('en:more')?.[key] ??
    parts.get('en:shell')?.[key as keyof typeof enShell]
  )
}
