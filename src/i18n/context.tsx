import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { hasDictionary, hasMoreMessages, loadDictionary, loadMoreMessages } from './dictionaries'
import { createTranslator, type Translate } from './translate'
import type { Language } from './types'

interface I18n {
  language: Language
  t: Translate
}

const I18nContext = createContext<I18n>({ language: 'en', t: createTranslator('en') })

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}

/** Re-renders once `load` has settled; returns whether `ready()` holds now. */
function useLoaded(load: () => Promise<void>, ready: () => boolean, key: string): boolean {
  const [, setLoads] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` loads
  useEffect(() => {
    let current = true
    void load().then(() => current && setLoads((loads) => loads + 1))
    return () => {
      current = false
    }
  }, [key])
  return ready()
}

/** Whether the language's core dictionary is here; loads it if not. */
export function useDictionaryReady(language: Language): boolean {
  return useLoaded(
    () => loadDictionary(language),
    () => hasDictionary(language),
    language,
  )
}

/** Shows its children once the rest of the dictionary (errors, rarer pages, summaries) is here. */
export function MoreMessages({ children }: { children: ReactNode }) {
  const { language } = useI18n()
  return useLoaded(
    () => loadMoreMessages(language),
    () => hasMoreMessages(language),
    language,
  )
    ? children
    : null
}
