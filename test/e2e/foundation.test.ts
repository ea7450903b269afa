import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useE2e } from '../support/e2e-context'

describe('the sandbox portal with the production build inside', () => {
  const e2e = useE2e()

  it('completes the SDK handshake across origins and shows the bots of the app', async () => {
    const { page, frame } = await e2e.openPortal()
    expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin)
    await frame.getByRole('heading', { name: 'Helpdesk Bot' }).waitFor()
    await frame.getByRole('heading', { name: 'Sales Assistant' }).waitFor()
    await e2e.screenshot(page, 'foundation-portal')
    // The REST call crossed from the app's origin to the portal's: the bots and their commands in one batch.
    const methods = (await e2e.sandbox.log())
      .filter((entry) => entry.inBatch === undefined)
      .map((entry) => entry.method)
    expect(methods).toEqual(['batch'])
  })

  it('renews an expired token through the parent page and the call then succeeds', async () => {
    const { page, frame } = await e2e.openPortal()
    // Every list has arrived (a request still in flight would meet the expiry first and renew the token).
    await frame.getByRole('rowheader', { name: '/ticket' }).waitFor()
    await frame.getByRole('rowheader', { name: '/quote' }).waitFor()
    await e2e.sandbox.expireTokens()
    await e2e.sandbox.clearLog()
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /ticket' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await frame.getByText('/ticket was removed.').waitFor()
    const attempts = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(attempts.map((entry) => [entry.status, entry.error])).toEqual([
      [401, 'expired_token'],
      [200, undefined],
    ])
  })

  it('brings an injected error to the app, in words', async () => {
    await e2e.sandbox.fault({ method: 'imbot.v2.Bot.list', code: 'INTERNAL_SERVER_ERROR' })
    const { page, frame } = await e2e.openPortal()
    await frame
      .getByRole('alert')
      .getByText('Bitrix24 had an internal error. Try again in a moment.')
      .waitFor()
    await e2e.screenshot(page, 'foundation-injected-error')
    await frame.getByRole('button', { name: 'Try again' }).click()
    await frame.getByRole('heading', { name: 'Helpdesk Bot' }).waitFor()
  })

  it('never shows, stores, logs or puts in a URL the access token', async () => {
    const page = await e2e.newPage()
    const tokens: string[] = []
    const consoleLines: string[] = []
    const urls: string[] = []
    // Reading a body is asynchronous: keep each read, and wait for all of them before counting.
    const reads: Promise<void>[] = []
    page.on('response', (response) => {
      if (!response.url().includes('/sandbox/api/frame/')) return
      reads.push(
        response
          .json()
          .catch(() => ({}))
          .then((body: { AUTH_ID?: string; REFRESH_ID?: string }) => {
            for (const token of [body.AUTH_ID, body.REFRESH_ID]) if (token) tokens.push(token)
          }),
      )
    })
    page.on('request', (request) => urls.push(request.url()))
    page.on('console', (message) => consoleLines.push(message.text()))
    await page.goto(e2e.portalUrl)
    const frame = await (await page.waitForSelector('iframe')).contentFrame()
    if (!frame) throw new Error('no app frame')
    await frame.getByRole('rowheader', { name: '/quote' }).waitFor()
    // Renew it once through the parent too, and make the app use the new one.
    await e2e.sandbox.expireTokens()
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /sysinfo' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(page, frame.getByRole('alert'))
    await Promise.all(reads)
    expect(tokens.length).toBeGreaterThanOrEqual(4)

    const seen = [
      await page.content(),
      await frame.content(),
      ...urls,
      ...consoleLines,
      JSON.stringify(
        await frame.evaluate(() => {
          // A third-party frame may have no storage at all (the browser blocks it): nothing can be kept there.
          try {
            return { ...localStorage, ...sessionStorage, cookie: document.cookie }
          } catch {
            return { cookie: document.cookie }
          }
        }),
      ),
      JSON.stringify(
        await page.evaluate(() => ({ ...localStorage, ...sessionStorage, cookie: document.cookie })),
      ),
    ].join('\n')
    for (const token of tokens) expect(seen.includes(token), 'a token is visible').toBe(false)
  })

  it('keeps the sandbox out of the production build', () => {
    const dist = resolve(import.meta.dirname, '../../dist')
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => resolve(entry.parentPath, entry.name))
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const marker of ['/sandbox/api', 'Helpdesk Bot', 'Sales Assistant', 'answerHandshake']) {
        expect(text.includes(marker), `${marker} in ${file}`).toBe(false)
      }
    }
  })
})
