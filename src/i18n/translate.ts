import { lookup, type MessageKey, type Messages } from './dictionaries'
import type { CoreMessageKey } from './on-demand/en'
import type { Language } from './types'

export type Values = Record<string, string | number>
/** A `t()` for the given keys: all of them by default; the one at first paint takes core keys only (CoreTranslate). */
export type Translate<Key extends MessageKey = MessageKey> = (key: Key, values?: Values) => string
export type CoreTranslate = Translate<CoreMessageKey>

/** The interface language for a portal language: ru, de, or English for anything else. */
export function resolveLanguage(portalLang: string | null | undefined): Language {
  const base = (portalLang ?? '').toLowerCase().slice(0, 2)
  return base === 'ru' || base === 'de' ? base : 'en'
}

/**
 * A `t()` for one language, reading the loaded dictionaries (or the one given, in tests). Plural messages
 * pick their form from `values.count` (Intl.PluralRules).
 */
export function createTranslator(language: Language, dictionary?: Messages): Translate {
  const plurals = new Intl.PluralRules(language)
  const numbers = new Intl.NumberFormat(language)
  return (key, values = {}) => {
    const message = dictionary ? dictionary[key] : lookup(language, key)
    if (message === undefined) return key
    const count = typeof values.count === 'number' ? values.count : 0
    const template = typeof message === 'string' ? message : (message[plurals.select(count)] ?? message.other)
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values[name]
      if (value === undefined) return match
      return typeof value === 'number' ? numbers.format(value) : value
    })
  }
}
