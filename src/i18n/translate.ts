import type { CoreMessageKey } from './core-keys'
import { lookup, pick } from './dictionaries'
import { type Language, languageTag } from './languages'
import type { MessageKey, Messages } from './types'

export type Values = Record<string, string | number>
/** A `t()` for the given keys: all of them by default; the one at first paint takes core keys only (CoreTranslate). */
export type Translate<Key extends MessageKey = MessageKey> = (key: Key, values?: Values) => string
export type CoreTranslate = Translate<CoreMessageKey>

/**
 * A `t()` for one language, reading the loaded dictionaries (or the one given, in tests). With a number `count`, a
 * plural message takes its form for it (Intl.PluralRules of the language's tag), as i18next's `key_one` does.
 * `{{name}}` is replaced by `values.name`, numbers formatted for the language.
 */
export function createTranslator(language: Language, dictionary?: Messages): Translate {
  const tag = languageTag(language)
  // Made when first needed or the thread is idle: the first Intl objects of a page load the browser's locale data
  // (about 20 ms), which would otherwise hold the module's evaluation, and with it the first request.
  let plurals: Intl.PluralRules | undefined
  let numbers: Intl.NumberFormat | undefined
  const pluralOf = (count: number) => {
    plurals ??= new Intl.PluralRules(tag)
    return plurals.select(count)
  }
  const formatted = (value: number) => {
    numbers ??= new Intl.NumberFormat(tag)
    return numbers.format(value)
  }
  // Made ahead when the thread is next idle (while the first request is on its way), not at the first render. (As
  // ui's whenIdle does: i18n, the bottom layer, imports nothing.)
  ;(globalThis.requestIdleCallback ?? setTimeout)(() => {
    pluralOf(1)
    formatted(1)
  })
  return (key, values = {}) => {
    const category = typeof values.count === 'number' ? pluralOf(values.count) : undefined
    const message = dictionary ? pick(dictionary, key, category) : lookup(language, key, category)
    if (message === undefined) return key
    return message.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
      const value = values[name]
      if (value === undefined) return match
      return typeof value === 'number' ? formatted(value) : value
    })
  }
}
