import { describe, expect, it } from 'vitest'
import { createTranslator, type MessageKey } from '../../../src/i18n'
import { de } from '../../../src/i18n/de'
import { deMore } from '../../../src/i18n/de-more'
import { en } from '../../../src/i18n/en'
import { enMore } from '../../../src/i18n/en-more'
import { ru } from '../../../src/i18n/ru'
import { ruMore } from '../../../src/i18n/ru-more'
import { describeError, errorCatalogue, unknownErrorEntry } from '../../../src/imbot/error-catalogue'
import { referenceErrorCodes } from '../../support/reference-codes'

describe('the error catalogue', () => {
  const codes = referenceErrorCodes()

  it('reads a plausible list of codes from the reference', () => {
    expect(codes).toContain('COMMAND_ID_ERROR')
    expect(codes).toContain('PORTAL_DELETED')
    expect(codes).toContain('BOT_TOKEN_NOT_SPECIFIED')
    // §3's 11 method codes and §4's 16 share the two batch codes; plus ERROR_METHOD_NOT_FOUND.
    expect(codes).toHaveLength(26)
  })

  it('has an entry for every code the reference lists', () => {
    const missing = codes.filter((code) => !Object.hasOwn(errorCatalogue, code))
    expect(missing).toEqual([])
  })

  it('covers what happens without a Bitrix24 answer', () => {
    for (const code of ['NETWORK_ERROR', 'REQUEST_TIMEOUT', 'HANDSHAKE_TIMEOUT', 'MALFORMED_ANSWER']) {
      expect(Object.hasOwn(errorCatalogue, code), code).toBe(true)
    }
    expect(describeError({ code: 'SOMETHING_NEW_FROM_BITRIX' })).toBe(unknownErrorEntry)
    expect(describeError({ code: 'constructor' })).toBe(unknownErrorEntry)
  })

  it('says something different, in words, for every code, in every language', () => {
    for (const [language, dictionary] of [
      ['en', { ...en, ...enMore }],
      ['ru', { ...ru, ...ruMore }],
      ['de', { ...de, ...deMore }],
    ] as const) {
      const t = createTranslator(language, dictionary)
      const messages = codes.map((code) => t(describeError({ code }).message as MessageKey))
      expect(new Set(messages).size, language).toBe(codes.length)
      for (const [index, message] of messages.entries()) {
        expect(message, codes[index]).not.toContain(codes[index])
        expect(message.length).toBeGreaterThan(20)
      }
    }
  })

  it('never retries a command of another application, and waits out a rate limit', () => {
    expect(describeError({ code: 'APP_ID_ERROR' }).recovery).toBe('none')
    expect(describeError({ code: 'APP_ID_ERROR' }).retriesItself).toBe(false)
    expect(describeError({ code: 'QUERY_LIMIT_EXCEEDED' }).retriesItself).toBe(true)
    expect(describeError({ code: 'OPERATION_TIME_LIMIT' }).recovery).toBe('retry-later')
    expect(describeError({ code: 'expired_token' }).recovery).toBe('reload')
    expect(describeError({ code: 'ERROR_METHOD_NOT_FOUND' }).recovery).toBe('remove-by-id')
  })
})
