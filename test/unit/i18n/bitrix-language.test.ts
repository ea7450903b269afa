import { describe, expect, it } from 'vitest'
import {
  browserLanguage,
  isLanguage,
  type Language,
  languages,
  languageTag,
  resolveLanguage,
} from '../../../src/i18n/languages'
import { bitrixLanguage } from '../../../src/i18n/on-demand/bitrix-language'

describe('a browser language as Bitrix24 names it', () => {
  it('keeps the language and drops the region', () => {
    expect(['en-US', 'en', 'de-DE', 'ru', 'FR_ca'].map(bitrixLanguage)).toEqual([
      'en',
      'en',
      'de',
      'ru',
      'fr',
    ])
  })

  it('uses Bitrix24’s own ids where they differ from the browser’s', () => {
    expect(
      [
        'uk-UA',
        'be',
        'kk-KZ',
        'vi',
        'pt-BR',
        'zh-CN',
        'zh-Hans-CN',
        'zh-TW',
        'zh-Hant-HK',
        'hi',
        'es-MX',
      ].map(bitrixLanguage),
    ).toEqual(['ua', 'by', 'kz', 'vn', 'br', 'sc', 'sc', 'tc', 'tc', 'in', 'la'])
  })

  it('leaves Bitrix24’s ids as they are, and falls back to English for nothing', () => {
    expect(['ua', 'br', 'sc', 'tc', ''].map(bitrixLanguage)).toEqual(['ua', 'br', 'sc', 'tc', 'en'])
  })
})

describe('one table for both directions', () => {
  it('has Bitrix24’s 20 interface languages, each with a tag Intl reads as that language', () => {
    expect(languages).toHaveLength(20)
    // Each tag comes back to its id: the two directions cannot drift apart.
    for (const id of languages) expect(bitrixLanguage(languageTag(id))).toBe(id)
    expect(['br', 'la', 'sc', 'tc', 'vn', 'ua', 'kz', 'in'].map((id) => languageTag(id as Language))).toEqual(
      ['pt-BR', 'es', 'zh-CN', 'zh-TW', 'vi', 'uk', 'kk', 'hi-IN'],
    )
  })

  it('knows only Bitrix24’s ids as its languages', () => {
    expect(['en', 'ua', 'in', 'sc'].every(isLanguage)).toBe(true)
    expect(['by', 'es', 'uk', 'en-US', 'toString', ''].some(isLanguage)).toBe(false)
  })
})

describe('the interface language', () => {
  it('is the portal’s when the app speaks it, and English for an id it does not know', () => {
    expect(['ru', 'ar', 'in', 'kz', 'TC', 'by', 'xx', '', null, undefined].map(resolveLanguage)).toEqual([
      'ru',
      'ar',
      'in',
      'kz',
      'tc',
      'en',
      'en',
      'en',
      'en',
      'en',
    ])
  })

  it('takes a browser’s tag by its language subtag', () => {
    expect(['de-AT', 'fr-CA', 'ja-JP', 'pt-PT'].map(resolveLanguage)).toEqual(['de', 'fr', 'ja', 'en'])
  })
})

describe('the interface language outside Bitrix24', () => {
  it('reads a browser’s tag by the table’s tags, never as an id', () => {
    expect(
      ['uk-UA', 'pt-BR', 'es-MX', 'vi', 'kk', 'hi-IN', 'zh-CN', 'zh-TW', 'zh-Hant-HK', 'de-AT', 'ar-EG'].map(
        browserLanguage,
      ),
    ).toEqual(['ua', 'br', 'la', 'vn', 'kz', 'in', 'sc', 'tc', 'tc', 'de', 'ar'])
    // Breton, Sardinian and Latin are no interface language, whatever Bitrix24's ids look like.
    expect(['br', 'sc', 'la', 'xx', ''].map(browserLanguage)).toEqual(['en', 'en', 'en', 'en', 'en'])
  })
})
