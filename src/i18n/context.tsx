import { createContext, type ReactNode, useContext, useEffect, useMemo, useReducer } from 'react'
import { hasDictionary, hasMoreMessages, loadDictionary, loadMoreMessages } from './dictionaries'
import type { Language } from './languages'
import { type CoreTranslate, createTranslator, type Translate, type Values } from './translate'
import type { MessageKey } from './types'

interface I18n {
  language: Language
  /** Core keys only: the rest may not be here yet (see useMoreMessages, MoreMessages, MoreText). */
  t: CoreTranslate
}

const I18nContext = createContext<I18n>({ language: 'en', t: createTranslator('en') })

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language])
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}

/** Re-renders once `load(language)` has settled; returns whether `ready(language)` holds now. */
function useLoaded(
  load: (language: Language) => Promise<unknown>,
  ready: (language: Language) => boolean,
  language: Language,
): boolean {
  // A render more after the language changed or the component left is harmless: `ready` reads the language now.
  const [, rerender] = useReducer((renders: number) => renders + 1, 0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is the same function for every render of a caller
  useEffect(() => void load(language).then(rerender), [language])
  return ready(language)
}

/** Whether the language's core dictionary is here; loads it if not. */
export function useDictionaryReady(language: Language): boolean {
  return useLoaded(loadDictionary, hasDictionary, language)
}

/** The whole dictionary's `t` once the rest of it (errors, rarer pages, summaries) is here, loading it; null until then. */
export function useMoreMessages(): Translate | null {
  const { language, t } = useI18n()
  return useLoaded(loadMoreMessages, hasMoreMessages, language) ? (t as Translate) : null
}

/** What a component under MoreMessages has: the language, and a `t` for every key. */
export interface MoreI18n {
  language: Language
  t: Translate
}

const MoreContext = createContext<MoreI18n | null>(null)

/** One message from the rest of the dictionary, shown once it is here. */
export function MoreText({ id, values }: { id: MessageKey; values?: Values }) {
  // Read here, not by the parent: a parent may have rendered before the messages came.
  return useMoreMessages()?.(id, values)
}

/** Shows its children once the rest of the dictionary is here; under it, useMoreI18n gives a `t` for every key. */
export function MoreMessages({ children }: { children: ReactNode }) {
  const i18n = useI18n()
  return useMoreMessages() && <MoreContext value={i18n as MoreI18n}>{children}</MoreContext>
}

/**
 * The language and a `t` for every key, in a component rendered under MoreMessages (which is what makes every key
 * safe). Outside one there is none, and reading it throws (a TypeError) rather than showing a key later. No check
 * of its own, as this ships in the first download.
 */
export function useMoreI18n(): MoreI18n {
  return useContext(MoreContext) as MoreI18n
}
