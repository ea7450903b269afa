import { describe, expect, it } from 'vitest'
import { maskSecrets, secretsPattern } from '../../../src/portal/on-demand/webhook-mask'

// Every spelling in which a portal may repeat a webhook's secret or bot token is masked, and nothing else is.

/** A token with every character that changes between spellings: quote, backslash, slash, space, plus, ä, an emoji. */
const token = 'to"k\\en/ä x+😀'
/** The secret as the app holds it: out of the URL, so percent-encoded where not ASCII (the portal reads "gëheim…"). */
const heldSecret = 'g%C3%ABheim-4a3ufk2t'
const secret = 'gëheim-4a3ufk2t'

const mask = (text: string) => maskSecrets(text, secretsPattern([heldSecret, token]))

/** As PHP's json_encode writes a string: `/` as `\/`, every character not ASCII as `\uXXXX` (its UTF-16 units). */
const phpJson = (value: string) =>
  JSON.stringify(value)
    .replaceAll('/', '\\/')
    .replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** As PHP's urlencode writes it (a form, http_build_query): `+` for a space, everything but [A-Za-z0-9_.-] as %XX. */
const phpUrlencode = (value: string) =>
  encodeURIComponent(value)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+')

describe('masking a webhook’s secret and bot token in what a portal sent back', () => {
  it('masks them as typed, and the secret as the portal decoded it out of the path', () => {
    expect(mask(`Token ${token} refused`)).toBe('Token ••• refused')
    expect(mask(`Webhook ${secret} is not active`)).toBe('Webhook ••• is not active')
    expect(mask(`Webhook ${heldSecret} is not active`)).toBe('Webhook ••• is not active')
  })

  it('masks them URL-encoded: encodeURIComponent, a form (+ for a space), PHP’s urlencode, lower-case hex, twice', () => {
    for (const spelling of [
      encodeURIComponent(token),
      encodeURIComponent(token).replaceAll('%20', '+'),
      new URLSearchParams({ t: token }).toString().slice(2),
      phpUrlencode(token),
      encodeURIComponent(token).toLowerCase(),
      encodeURIComponent(encodeURIComponent(token)),
    ]) {
      expect(spelling).not.toBe(token)
      expect(mask(`botToken=${spelling}&x=1`)).toBe('botToken=•••&x=1')
    }
    for (const spelling of [
      encodeURIComponent(secret),
      encodeURIComponent(heldSecret),
      phpUrlencode(secret),
    ]) {
      expect(mask(`POST /rest/1/${spelling}/imbot.v2.Bot.list`)).toBe('POST /rest/1/•••/imbot.v2.Bot.list')
    }
  })

  it('masks them JSON-escaped: JSON.stringify, PHP’s json_encode (\\/ and \\uXXXX), and escaped twice', () => {
    for (const spelling of [
      JSON.stringify(token).slice(1, -1),
      phpJson(token).slice(1, -1),
      JSON.stringify(JSON.stringify(token)).slice(3, -3),
      phpJson(secret).slice(1, -1),
    ]) {
      expect(mask(`params {"botToken":"${spelling}"}`)).toBe('params {"botToken":"•••"}')
    }
    expect(phpJson(token)).toContain('\\ud83d\\ude00')
  })

  it('masks them HTML-escaped, and in a spelling that mixes the others', () => {
    const html = token.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
    expect(mask(`<p>${html}</p>`)).toBe('<p>•••</p>')
    expect(mask(`<p>${token.replaceAll('"', '&#34;')}</p>`)).toBe('<p>•••</p>')
    // Half URL-encoded, half as typed: the characters are matched one by one.
    const mixed = encodeURIComponent(token.slice(0, 6)) + token.slice(6)
    expect(mask(`got ${mixed}`)).toBe('got •••')
  })

  it('masks a secret in either Unicode normal form', () => {
    expect(mask(`Webhook ${secret.normalize('NFD')} is not active`)).toBe('Webhook ••• is not active')
  })

  it('leaves every other character of the message as it was', () => {
    const text = 'Bot token not specified (botToken is required for webhook auth): "x" \\ / + %20 é'
    expect(mask(text)).toBe(text)
    const plain = maskSecrets('Bad request for sandbox-bot', secretsPattern(['sandbox-bot-token-1']))
    expect(plain).toBe('Bad request for sandbox-bot')
  })

  it('masks a longer secret whole when a shorter one is inside it', () => {
    const pattern = secretsPattern(['abcd1234', 'xxabcd1234yy'])
    expect(maskSecrets('[xxabcd1234yy] [abcd1234]', pattern)).toBe('[•••] [•••]')
  })

  it('masks a run of backslashes in a token in each spelling', () => {
    const slashes = 'ab\\\\cd"1234'
    const pattern = secretsPattern([slashes])
    for (const spelling of [
      slashes,
      JSON.stringify(slashes).slice(1, -1),
      JSON.stringify(JSON.stringify(slashes)).slice(3, -3),
      encodeURIComponent(slashes),
    ]) {
      expect(maskSecrets(`[${spelling}]`, pattern)).toBe('[•••]')
    }
  })

  it('masks quickly whatever a portal sends: a long run of backslashes does not make it slow', () => {
    const text = `${'\\'.repeat(30_000)}"`
    const started = performance.now()
    expect(mask(text)).toBe(text)
    // Matching backslash by backslash took seconds here (the time grows with the square of the run).
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('has nothing to mask without secrets', () => {
    expect(secretsPattern([])).toBeNull()
    expect(maskSecrets('as it is', null)).toBe('as it is')
  })
})
