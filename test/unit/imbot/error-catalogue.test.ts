import { describe, expect, it } from 'vitest'
import { languages, type MessageKey } from '../../../src/i18n'
import { dictionaryLanguages } from '../../../src/i18n/messages/vite-plugin'
import {
  describeError,
  errorCatalogue,
  operatingLimitEndsAt,
  operatingLimitWindowMs,
  saidByBitrix24,
  unknownErrorEntry,
} from '../../../src/imbot/on-demand/error-catalogue'
import { describeErrorFor } from '../../../src/imbot/on-demand/webhook-wording'
import { translatorOf } from '../../support/messages'
import { referenceErrorCodes } from '../../support/reference-codes'

/** Every language's words (each dictionary file's), English first. */
const translators = languages
  .filter((language) => dictionaryLanguages().includes(language))
  .map((language) => [language, translatorOf(language)] as const)

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
    for (const [language, t] of translators) {
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

/** The words of an entry, in every language. */
function wordsOf(message: string): string[] {
  return translators.map(([language, t]) => {
    const words = t(message as MessageKey)
    expect(words, `${message} in ${language}`).not.toBe(message)
    return words
  })
}

describe('words that match causes', () => {
  // Bitrix24's server code answers these too (rest/lib/oauth/auth.php, rest/lib/apauth/auth.php,
  // rest/lib/restexception.php, rest/lib/licenseexception.php), beyond the reference's tables.
  const serverCodes = [
    'APPLICATION_NOT_FOUND',
    'authorization_error',
    'CONNECTION_ERROR',
    'WRONG_LICENSE',
    'ERROR_CORE',
    'ERROR_ARGUMENT',
  ]

  it('gives the server’s other codes words of their own in every language, not "refused"', () => {
    const all = [...referenceErrorCodes(), ...serverCodes]
    for (const code of serverCodes) {
      const entry = describeError({ code })
      expect(entry, code).not.toBe(unknownErrorEntry)
      for (const words of wordsOf(entry.message)) expect(words).not.toContain(code)
    }
    for (const [language, t] of translators) {
      const messages = all.map((code) => t(describeError({ code }).message as MessageKey))
      expect(new Set(messages).size, language).toBe(all.length)
    }
  })

  it('words ACCESS_DENIED by what Bitrix24 says caused it, "commercial plans" only for the plan', () => {
    const by = (description: string) => describeError({ code: 'ACCESS_DENIED', description }).message
    // The texts of rest/lib/oauth/auth.php, rest/lib/apauth/auth.php and im/classes/general/im_rest.php.
    expect(by('REST is available only on commercial plans.')).toBe('error.ACCESS_DENIED.plan')
    expect(by('REST is available only by subscription.')).toBe('error.ACCESS_DENIED.subscription')
    expect(by("Current user can't be authorized in this context")).toBe('error.ACCESS_DENIED.user')
    expect(by('Access denied! Client ID not specified.')).toBe('error.CLIENT_ID_NOT_SPECIFIED')
    expect(by('Access denied! Application context required')).toBe('error.ACCESS_DENIED')
    expect(describeError({ code: 'ACCESS_DENIED' }).message).toBe('error.ACCESS_DENIED')
    const [general] = wordsOf('error.ACCESS_DENIED')
    expect(general).not.toMatch(/plan/i)
    for (const message of [
      'error.ACCESS_DENIED.plan',
      'error.ACCESS_DENIED.subscription',
      'error.ACCESS_DENIED.user',
    ])
      wordsOf(message)
    // An account that cannot be authorized is fixed by signing in, then reloading.
    expect(describeError({ code: 'ACCESS_DENIED', description: "can't be authorized" }).recovery).toBe(
      'reload',
    )
  })

  it('reads COMMAND_NOT_FOUND "access denied" and "different bot" as another owner’s command, not a stale list', () => {
    const of = (description: string) => describeError({ code: 'COMMAND_NOT_FOUND', description })
    // imbot/lib/V2/Controller/Command.php's three texts.
    for (const description of ['Command not found or access denied', 'Command belongs to a different bot']) {
      expect(of(description)).toMatchObject({
        kind: 'foreign',
        recovery: 'none',
        message: 'error.COMMAND_NOT_FOUND.owner',
      })
    }
    expect(of('Command not found')).toMatchObject({ kind: 'not-found', recovery: 'refresh-list' })
    const [owner] = wordsOf('error.COMMAND_NOT_FOUND.owner')
    expect(owner).toContain('another application or another bot')
    expect(owner).not.toMatch(/refresh/i)
  })

  it('says COMMAND_NAME_INVALID means the trigger was not text, with no rule of letters and digits', () => {
    const words = wordsOf(describeError({ code: 'COMMAND_NAME_INVALID' }).message)
    expect(words[0]).toContain('as text')
    expect(words.join(' ')).not.toMatch(/letters|digits|underscore|букв|цифр|подчёрк|Buchstaben|Ziffern/i)
  })

  it('calls a JavaScript error the app’s, never Bitrix24’s refusal', () => {
    for (const code of ['UNKNOWN_ERROR', 'JSSDK_UNKNOWN_ERROR', 'JSSDK_INTERNAL_ERROR']) {
      expect(describeError({ code }).message, code).toBe('error.UNKNOWN_ERROR')
    }
    expect(wordsOf('error.UNKNOWN_ERROR')[0]).not.toMatch(/refused/)
    for (const code of [
      'UNKNOWN_ERROR',
      'JSSDK_UNKNOWN_ERROR',
      'NOT_BITRIX24_ANSWER',
      'NETWORK_ERROR',
      'ERR_BAD_RESPONSE',
    ]) {
      expect(saidByBitrix24(code), code).toBe(false)
    }
    for (const code of ['ACCESS_DENIED', '', 'SOMETHING_NEW', 'expired_token'])
      expect(saidByBitrix24(code), code).toBe(true)
  })

  it('says an answer that is not Bitrix24’s is one, in its own words, and offers to try again', () => {
    const entry = describeError({ code: 'NOT_BITRIX24_ANSWER' })
    expect(entry).toMatchObject({ kind: 'not-bitrix', recovery: 'retry' })
    const [english] = wordsOf(entry.message)
    expect(english).toContain('does not answer as Bitrix24')
    expect(english).not.toMatch(/refused/)
  })

  it('ends an operating-time pause when Bitrix24 said its count resets, else 10 minutes on', () => {
    const at = 1_800_000_000_000
    expect(operatingLimitEndsAt({ operatingResetAt: 1_800_000_125 }, at)).toBe(1_800_000_125_000)
    expect(operatingLimitEndsAt({}, at)).toBe(at + operatingLimitWindowMs)
    // A time already past when the error came says nothing about this pause.
    expect(operatingLimitEndsAt({ operatingResetAt: 1_799_999_000 }, at)).toBe(at + operatingLimitWindowMs)
  })
})

describe('through a webhook', () => {
  it('reads INVALID_CREDENTIALS (a wrong, deleted or switched-off webhook) as connect again, not a permission', () => {
    const entry = describeErrorFor(
      { code: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' },
      'webhook',
    )
    expect(entry).toMatchObject({ message: 'error.webhook.NO_AUTH_FOUND', recovery: 'reconnect' })
    expect(wordsOf(entry.message)[0]).toContain('switched off')
    // Inside the frame it stays the account's missing permission.
    expect(describeErrorFor({ code: 'INVALID_CREDENTIALS' }, 'frame').message).toBe(
      'error.INVALID_CREDENTIALS',
    )
  })

  it('calls an expired webhook expired, when the portal says so, with its own words', () => {
    for (const code of ['NO_AUTH_FOUND', 'INVALID_CREDENTIALS']) {
      expect(describeErrorFor({ code, description: 'Webhook has expired' }, 'webhook'), code).toMatchObject({
        message: 'error.webhook.expired',
        recovery: 'reconnect',
      })
    }
    expect(
      describeErrorFor({ code: 'NO_AUTH_FOUND', description: 'Wrong authorization data' }, 'webhook').message,
    ).toBe('error.webhook.NO_AUTH_FOUND')
  })

  it('asks for the right webhook address when something else answered, and for the token on v1’s Client ID', () => {
    expect(describeErrorFor({ code: 'NOT_BITRIX24_ANSWER' }, 'webhook')).toMatchObject({
      message: 'error.webhook.NOT_BITRIX24_ANSWER',
      recovery: 'reconnect',
    })
    expect(
      describeErrorFor(
        { code: 'ACCESS_DENIED', description: 'Access denied! Client ID not specified.' },
        'webhook',
      ),
    ).toMatchObject({ message: 'error.webhook.tokenMissing', recovery: 'reconnect' })
  })
})
