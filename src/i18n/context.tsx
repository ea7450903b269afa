import { createContext, type ReactNode, useContext, useMemo } from 'react'
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
