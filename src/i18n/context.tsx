import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import type { MessageKey } from './dictionaries'
import { hasDictionary, hasMoreMessages, loadDictionary, loadMoreMessages } from './dictionaries'
import { createTranslator, type Translate, type Values } from './translate'
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

/**
 * One message from the rest of the dictionary, shown once it is here. (Children of MoreMessages are made by
 * their parent, which may have rendered before the messages came: a message must be read inside.)
 */
export function MoreText({ id, values }: { id: MessageKey; values?: Values }) {
  return (
    <MoreMessages>
      <Message id={id} values={values} />
    </MoreMessages>
  )
}

function Message({ id, values }: { id: MessageKey; values?: Values }) {
  return useI18n().t(id, values)
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
