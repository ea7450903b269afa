import type { CoreMessageKey } from './core-keys'
import { lookup, pick } from './dictionaries'
import { type Language, languageTag } from './languages'
import type { MessageKey, Messages } from './types'

export type Values = Record<string, string | number>
/** A `t()` for the given keys: all of them by default; the one at first paint takes core keys only (CoreTranslate). */
export type Translate<Key extends MessageKey = MessageKey> = (key: Key, values?: Values) => string
export type CoreTranslate = Translate<CoreMessageKey>

// The first Intl objects of a page load the browser's locale data (about 20 ms): made at their first use, or ahead by
// prepareLanguage (main.tsx, while the first request is on its way), once per tag for every translator.
const pluralRules = new Map<string, Intl.PluralRules>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function pluralOf(tag: string, count: number): Intl.LDMLPluralRule {
  const rules = pluralRules.get(tag) ?? new Intl.PluralRules(tag)
  pluralRules.set(tag, rules)
  return rules.select(count)
}

function formatted(tag: string, value: number): string {
  const format = numberFormats.get(tag) ?? new Intl.NumberFormat(tag)
  numberFormats.set(tag, format)
  return format.format(value)
}

/** Makes the language's Intl objects before the first render that needs them (a count, a number in a message). */
export function prepareLanguage(language: Language): void {
  const tag = languageTag(language)
  pluralOf(tag, 1)
  formatted(tag, 1)
}

/**
 * A `t()` for one language, reading the loaded dictionaries (or the one given, in tests). With a number `count`, a
 * plural message takes its form for it (Intl.PluralRules of the language's tag), as i18next's `key_one` does.
 * `{{name}}` is replaced by `values.name`, numbers formatted for the language.
 */
export function createTranslator(language: Language, dictionary?: Messages): Translate {
  const tag = languageTag(language)
  return (key, values = {}) => {
    const category = typeof values.count === 'number' ? pluralOf(tag, values.count) : undefined
    const message = dictionary ? pick(dictionary, key, category) : lookup(language, key, category)
    if (message === undefined) return key
    return message.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
      const value = values[name]
      if (value === undefined) return match
      return typeof value === 'number' ? formatted(tag, value) : value
    })
  }
}
