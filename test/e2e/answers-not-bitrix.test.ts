import type { Frame, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { type E2eContext, useE2e } from '../support/e2e-context'

// Answers that are not Bitrix24's (a web page where a REST answer was due), and inbound webhooks that no longer
// work (revoked, expired), as a person meets them: in the app's words, with the way out that helps.

/** Removes `command` from its row, confirms, and lets the undo window pass: the removal is then sent. */
async function removeFromRow(e2e: E2eContext, page: Page, frame: Frame, command: string) {
  const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: `Remove ${command}` }))
  await dialog.getByRole('button', { name: 'Remove' }).click()
  await e2e.passUndoWindow(page)
}

/** What "Details" of an error notice holds, term by term. */
async function detailsOf(alert: Locator): Promise<Record<string, string>> {
  await alert.getByText('Details').click()
  const terms = await alert.locator('dt').allTextContents()
  const values = await alert.locator('dd').allTextContents()
  return Object.fromEntries(terms.map((term, index) => [term, values[index] ?? '']))
}

async function webhookControl(e2e: E2eContext, patch: Record<string, boolean>) {
  const response = await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  })
  expect(response.ok).toBe(true)
}

describe('answers that are not Bitrix24’s, and webhooks that no longer work', () => {
  const e2e = useE2e()

  it('a web page in place of the answer: “this address does not answer as Bitrix24”, never a JavaScript error', async () => {
    const { page, frame } = await e2e.openPortal()
    const bot = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await bot.getByRole('rowheader', { name: '/report' }).waitFor()
    // A proxy's sign-in page, HTTP 200, where Bitrix24's answer to the removal was due.
    await e2e.sandbox.fault({ method: 'imbot.command.unregister', mode: 'not-bitrix', answer: 'html' })
    await removeFromRow(e2e, page, frame, '/report')

    const alert = bot.getByRole('alert')
    await e2e.runUntil(page, alert)
    await e2e.settle(page, frame)
    const message = (await alert.locator('.notice__message').textContent()) ?? ''
    expect(message).toContain('This address does not answer as Bitrix24')
    expect(message).not.toContain('refused')
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    const details = await detailsOf(alert)
    expect(details).toMatchObject({
      Code: 'NOT_BITRIX24_ANSWER',
      'HTTP status': '200',
      'Content type of the answer': 'text/html; charset=utf-8',
    })
    expect(details).not.toHaveProperty('Bitrix24 said')
    expect(await alert.textContent()).not.toMatch(/destructure|TypeError|Sign in/)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'answer-not-bitrix-row')

    // The portal never saw the call: the command is still there, and still listed.
    const log = await e2e.sandbox.log()
    expect(
      log.filter((entry) => entry.method === 'imbot.command.unregister').map((entry) => entry.fault),
    ).toEqual(['not-bitrix'])
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'report')).toBe(true)
    expect(await bot.getByRole('rowheader', { name: '/report' }).count()).toBe(1)

    // Once the portal answers as Bitrix24 again, trying again removes it.
    await alert.getByRole('button', { name: 'Try again' }).click()
    await e2e.runUntil(
      page,
      async () => (await bot.getByRole('rowheader', { name: '/report' }).count()) === 0,
    )
  })

  /** The app in a plain tab, connected with the sandbox's webhook; the Support Webhook Bot's region. */
  async function connected(): Promise<{ page: Page; bot: Locator }> {
    const info = (await (await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl))).json()) as {
      url: string
      tokens: string[]
    }
    const page = await e2e.newPage()
    await page.goto(e2e.appUrl)
    await page.getByLabel('Inbound webhook URL').fill(info.url)
    await page.getByLabel('Bot token (CLIENT_ID)').fill(info.tokens[0] ?? '')
    await page.getByRole('button', { name: 'Connect' }).click()
    const bot = page.getByRole('region', { name: 'Support Webhook Bot' })
    await bot.getByRole('rowheader', { name: '/runbook' }).waitFor()
    return { page, bot }
  }

  it('a revoked webhook: Bitrix24’s INVALID_CREDENTIALS says the webhook is not accepted, and offers to connect again', async () => {
    // The sandbox's default, as rest/lib/apauth/auth.php answers a wrong, deleted or switched-off webhook: 401
    // INVALID_CREDENTIALS.
    const { page, bot } = await connected()
    await webhookControl(e2e, { revoked: true })
    await removeFromRow(e2e, page, page.mainFrame(), '/runbook')
    const alert = bot.getByRole('alert')
    await e2e.runUntil(page, alert)
    const message = (await alert.locator('.notice__message').textContent()) ?? ''
    expect(message).toContain('Bitrix24 does not accept this webhook')
    expect(message).not.toContain('permission')
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    expect(await detailsOf(alert)).toMatchObject({ Code: 'INVALID_CREDENTIALS', 'HTTP status': '401' })
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-revoked')

    await alert.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByRole('heading', { name: 'Connect with a webhook' }).waitFor()
    expect(await page.getByLabel('Inbound webhook URL').inputValue()).toBe('')
  })

  it('an expired webhook: says it expired and how to get a new one, not “wrong or deleted”', async () => {
    // Live portals cannot tell an expired webhook apart (no end date in the server code); the docs' NO_AUTH_FOUND
    // variant of the sandbox words it "Webhook has expired", and the app must then say so.
    await e2e.sandbox.settings({ webhookAuthError: 'NO_AUTH_FOUND' })
    const { page, bot } = await connected()
    await webhookControl(e2e, { expired: true })
    await removeFromRow(e2e, page, page.mainFrame(), '/runbook')
    const alert = bot.getByRole('alert')
    await e2e.runUntil(page, alert)
    const message = (await alert.locator('.notice__message').textContent()) ?? ''
    expect(message).toContain('This webhook has expired')
    expect(message).not.toContain('deleted')
    expect(await alert.getByRole('button', { name: 'Disconnect' }).count()).toBe(1)
    expect((await detailsOf(alert))['Bitrix24 said']).toBe('Webhook has expired')
    await e2e.screenshot(page, 'webhook-expired')
  })
})
