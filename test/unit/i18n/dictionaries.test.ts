import { describe, expect, it } from 'vitest'
import { coreKeys } from '../../../src/i18n/core-keys'
import { languages, languageTag } from '../../../src/i18n/languages'
import { dictionaryLanguages, dictionaryPart, readDictionary } from '../../../src/i18n/messages/vite-plugin'

// Every dictionary is complete: every key of English's, a plural message in exactly the forms its language's
// Intl.PluralRules picks from, the same {{placeholders}} as English's. The files are i18next JSON (v4): one file per
// language, a translator's tool reads them as they are.

const english = readDictionary('en')
const pluralSuffix = /_(zero|one|two|few|many|other)$/
const baseKey = (key: string) => key.replace(pluralSuffix, '')
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()
const englishPlurals = new Set(
  Object.keys(english)
    .filter((key) => pluralSuffix.test(key))
    .map(baseKey),
)
const englishKeys = new Set(Object.keys(english).map(baseKey))

/** The keys a language's file must have: each of English's, a plural one in its language's categories. */
function expectedKeys(language: (typeof languages)[number]): string[] {
  const categories = new Intl.PluralRules(languageTag(language)).resolvedOptions().pluralCategories
  return [...englishKeys].flatMap((key) =>
    englishPlurals.has(key) ? categories.map((category) => `${key}_${category}`) : [key],
  )
}

/** The placeholders of an English message (of its `other` form, for a plural one). */
const englishPlaceholders = (key: string) =>
  placeholders(english[key] ?? english[`${baseKey(key)}_other`] ?? '')

describe('the dictionaries', () => {
  it('are one file for each of Bitrix24’s 20 languages, and nothing else', () => {
    expect(dictionaryLanguages()).toEqual([...languages].sort())
  })

  for (const language of languages) {
    it(`${language}: has every key, in the plural forms of ${languageTag(language)}, with English's placeholders`, () => {
      const dictionary = readDictionary(language)
      expect(Object.keys(dictionary).sort()).toEqual(expectedKeys(language).sort())
      for (const [key, text] of Object.entries(dictionary)) {
        expect(typeof text === 'string' && text.trim() !== '', `${language} ${key}: a text`).toBe(true)
        // A braced word that is not a placeholder would show its braces.
        expect(text.replace(/\{\{\w+\}\}/g, ''), `${language} ${key}`).not.toMatch(/[{}]/)
        const wanted = englishPlaceholders(key)
        // A plural form may write its number out ("one command", "a command"), and so leave {{count}} out.
        const have = placeholders(text)
        const withoutCount = (names: (string | undefined)[]) => names.filter((name) => name !== 'count')
        if (pluralSuffix.test(key))
          expect(withoutCount(have), `${language} ${key}`).toEqual(withoutCount(wanted))
        else expect(have, `${language} ${key}`).toEqual(wanted)
      }
    })
  }

  it('split into a core (what the page needs to show the commands) and the rest, losing nothing', () => {
    for (const key of coreKeys) expect(englishKeys, key).toContain(key)
    for (const language of languages) {
      const core = dictionaryPart(language, 'core')
      const more = dictionaryPart(language, 'more')
      expect({ ...core, ...more }).toEqual(readDictionary(language))
      expect(new Set(Object.keys(core).map(baseKey))).toEqual(new Set(coreKeys))
    }
  })
})
