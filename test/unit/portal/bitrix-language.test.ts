import { describe, expect, it } from 'vitest'
import {
  type BitrixLanguage,
  bitrixLanguage,
  bitrixLanguages,
  isBitrixLanguage,
  languageTag,
} from '../../../src/portal/on-demand/bitrix-language'

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
      ['uk-UA', 'be', 'kk-KZ', 'vi', 'pt-BR', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'zh-Hant-HK'].map(
        bitrixLanguage,
      ),
    ).toEqual(['ua', 'by', 'kz', 'vn', 'br', 'sc', 'sc', 'tc', 'tc'])
  })

  it('leaves Bitrix24’s ids as they are, and falls back to English for nothing', () => {
    expect(['ua', 'br', 'sc', 'tc', ''].map(bitrixLanguage)).toEqual(['ua', 'br', 'sc', 'tc', 'en'])
  })
})

describe('one table for both directions', () => {
  it('has Bitrix24’s 20 interface languages, each with a tag Intl reads as that language', () => {
    expect(bitrixLanguages).toHaveLength(20)
    // Each tag comes back to its id: the two directions cannot drift apart.
    for (const id of bitrixLanguages) expect(bitrixLanguage(languageTag(id))).toBe(id)
    expect(
      ['br', 'la', 'sc', 'tc', 'vn', 'ua', 'kz', 'in'].map((id) => languageTag(id as BitrixLanguage)),
    ).toEqual(['pt-BR', 'es', 'zh-Hans', 'zh-Hant', 'vi', 'uk', 'kk', 'hi'])
  })

  it('knows only Bitrix24’s ids as its languages', () => {
    expect(['en', 'ua', 'in', 'sc'].every(isBitrixLanguage)).toBe(true)
    expect(['by', 'es', 'uk', 'en-US', 'toString', ''].some(isBitrixLanguage)).toBe(false)
  })
})
