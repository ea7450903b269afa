import type enMessages from './messages/en.json'

/** The plural categories of Intl.PluralRules: a plural message has a key per category its language uses. */
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

/**
 * A message key as `t()` takes it. The dictionaries are i18next JSON (v4): a plural message is one key per category,
 * `page.bots_one`, `page.bots_other`, and `t('page.bots', { count })` picks the form.
 */
export type MessageKey = keyof typeof enMessages extends infer Key
  ? Key extends `${infer Base}_${PluralCategory}`
    ? Base
    : Key
  : never

/** A dictionary, or a part of one, as the files hold it: a text per key (plural keys with their category). */
export type Messages = Readonly<Record<string, string>>

export type { Language } from './languages'
