import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// The sandbox answers as live portals do unless told otherwise (shared/reference/live-portal.md): built-in
// commands inside every list, "Y"/"N" flags, `extranet`, no `hidden`. The app must show the same page for
// that and for the docs' shape, and keep every readable entry when one cannot be read.

const builtIns = ['/me', '/loud', '/>>', '/rename', '/getDialogId', '/webrtcDebug']
const commandsOf = (frame: Frame, bot: string) =>
  frame.getByRole('region', { name: bot }).getByRole('rowheader').allTextContents()
/** Each row's command, title and parameters: what both shapes carry alike. */
const rowsOf = (frame: Frame, bot: string) =>
  frame
    .getByRole('region', { name: bot })
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) =>
        [...row.querySelectorAll('th, td')]
          .slice(1, 4)
          .map((cell) => cell.textContent)
          .join(' | '),
      ),
    )

describe('answers as live portals send them', () => {
  const e2e = useE2e()

  it('lists the seeded commands without the built-ins, and the docs’ shape shows the same page', async () => {
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/help').waitFor()
    const state = await e2e.sandbox.state()
    const helpdeskId = state.bots.find((bot) => bot.name === 'Helpdesk Bot')?.id
    const seeded = state.commands
      .filter((command) => command.botId === helpdeskId)
      .map((c) => `/${c.command}`)
    expect((await commandsOf(frame, 'Helpdesk Bot')).sort()).toEqual(seeded.sort())
    expect(await helpdesk.getByText(`${seeded.length} commands`).count()).toBe(1)
    const text = (await frame.locator('main').textContent()) ?? ''
    for (const command of builtIns) expect(await frame.getByText(command, { exact: true }).count()).toBe(0)
    expect(text).not.toContain('/webrtcDebug')
    expect(
      await helpdesk
        .getByRole('row', { name: /\/help/ })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['All chats', 'Extranet'])
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'live-shape-list')
    const liveRows = await rowsOf(frame, 'Helpdesk Bot')
    const liveSales = await commandsOf(frame, 'Sales Assistant')

    await e2e.sandbox.settings({ answerShape: 'docs' })
    await page.reload()
    const docs = await appFrame(page)
    await docs.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    expect(await rowsOf(docs, 'Helpdesk Bot')).toEqual(liveRows)
    expect(await commandsOf(docs, 'Sales Assistant')).toEqual(liveSales)
    await e2e.screenshot(page, 'docs-shape-list')
  })

  it('lists the other commands when one entry cannot be read, and says one could not be shown', async () => {
    const state = await e2e.sandbox.state()
    const helpdeskId = state.bots.find((bot) => bot.name === 'Helpdesk Bot')?.id ?? 0
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.list',
      mode: 'add-entry',
      entry: { id: 999, botId: helpdeskId, command: '/broken', common: 'maybe', appId: 'customS3CR3T' },
      match: { botId: helpdeskId },
    })
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/help').waitFor()
    const notice = helpdesk.getByText('1 entry of this bot’s list could not be shown', { exact: false })
    await notice.waitFor()
    expect(await helpdesk.getByText('12 commands').count()).toBe(1)
    expect(await commandsOf(frame, 'Helpdesk Bot')).not.toContain('/broken')
    await helpdesk.getByText('Details').click()
    expect(await helpdesk.locator('pre').textContent()).toContain('"/broken"')
    expect(await frame.locator('body').textContent()).not.toContain('S3CR3T')
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'live-shape-unreadable-entry')
  })

  it('lists the other bots when one bot cannot be read', async () => {
    await e2e.sandbox.fault({
      method: 'imbot.v2.Bot.list',
      mode: 'add-entry',
      entry: { id: 'x', code: 'ghost', isHidden: 'N', appId: 'customS3CR3T' },
    })
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    await frame.getByRole('region', { name: 'Sales Assistant' }).getByText('/quote').waitFor()
    await frame.getByText('1 bot could not be shown', { exact: false }).waitFor()
    expect(await frame.locator('body').textContent()).not.toContain('S3CR3T')
    await e2e.screenshot(page, 'live-shape-unreadable-bot')
  })

  it('words an error with an empty code by what Bitrix24 said', async () => {
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.fault({
      method: 'imbot.command.unregister',
      code: '',
      description: 'Something failed on the portal',
    })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(
      page,
      helpdesk
        .getByRole('alert')
        .getByText('Bitrix24 refused the request and said: “Something failed on the portal”.', {
          exact: false,
        }),
    )
    expect(await commandsOf(frame, 'Helpdesk Bot')).toContain('/ticket')
  })
})

describe('answers as the docs describe them', () => {
  const e2e = useE2e()

  it('lists and removes a command, and marks the hidden ones', async () => {
    await e2e.sandbox.settings({ answerShape: 'docs' })
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/help').waitFor()
    expect(
      await helpdesk
        .getByRole('row', { name: /\/debug/ })
        .getByRole('listitem')
        .allTextContents(),
    ).toContain('Hidden')
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await frame.getByText('/ticket was removed.').waitFor()
    expect(await commandsOf(frame, 'Helpdesk Bot')).not.toContain('/ticket')
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'ticket')).toBe(false)
    await e2e.screenshot(page, 'docs-shape-removed')
  })
})

describe('a session the Bitrix24 page never renews', () => {
  const e2e = useE2e()

  it('says the session could not be renewed and offers to reload, not "Bitrix24 refused"', async () => {
    await e2e.sandbox.settings({ answerRefreshAuth: false })
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/ticket').waitFor()
    await e2e.sandbox.expireTokens()
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    // The SDK's waits (10 s for refreshAuth, then its retries) pass on the browser's clock.
    const renewal = helpdesk.getByRole('alert').getByText('could not be renewed', { exact: false })
    await e2e.runUntil(page, renewal, { stepMs: 2000 })
    expect(await helpdesk.getByRole('alert').getByRole('button', { name: 'Reload the app' }).count()).toBe(1)
    expect(await helpdesk.getByRole('alert').textContent()).not.toContain('Bitrix24 refused')
    expect(await commandsOf(frame, 'Helpdesk Bot')).toContain('/ticket')
    await e2e.screenshot(page, 'session-not-renewed')
  })
})
