import { describe, expect, it } from 'vitest'
import { bitrixLanguage } from '../../../src/portal/bitrix-language'

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
