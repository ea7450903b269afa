import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

const commandsOf = (frame: Frame, bot: string) =>
  frame.getByRole('region', { name: bot }).getByRole('rowheader').allTextContents()

describe('listing the commands and removing one', () => {
  const e2e = useE2e()

  const expectAccessible = async (frame: Frame, state: string) => {
    expect(await seriousViolations(frame), state).toEqual([])
  }

  it('shows every seeded command with its title, hint and flags; search and sort work', async () => {
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/help').waitFor()
    const state = await e2e.sandbox.state()
    for (const bot of [
      { id: state.bots[0]?.id, name: 'Helpdesk Bot' },
      { id: state.bots[1]?.id, name: 'Sales Assistant' },
    ]) {
      const expected = state.commands
        .filter((command) => command.botId === bot.id)
        .map((command) => `/${command.command}`)
      expect((await commandsOf(frame, bot.name)).sort()).toEqual(expected.sort())
    }
    const help = helpdesk.getByRole('row', { name: /\/help/ })
    expect(await help.textContent()).toContain('Show help')
    expect(await help.textContent()).toContain('[topic]')
    expect(await help.getByRole('listitem').allTextContents()).toEqual(['All chats', 'Extranet'])
    await expectAccessible(frame, 'list')
    await e2e.screenshot(page, 'core-list-1280')

    const ascending = await commandsOf(frame, 'Helpdesk Bot')
    await helpdesk.getByRole('button', { name: 'Command' }).click()
    expect(await commandsOf(frame, 'Helpdesk Bot')).toEqual([...ascending].reverse())

    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('support ticket')
    await expect.poll(() => commandsOf(frame, 'Helpdesk Bot')).toEqual(['/ticket'])
    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('zzz-nothing')
    await helpdesk.getByText('No command of this bot matches “zzz-nothing”.').waitFor()
    await expectAccessible(frame, 'no matches')
  })

  it('removes a command with exactly one call, the row leaves, and it stays gone after a reload', async () => {
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/ticket').waitFor()
    const ticket = (await e2e.sandbox.state()).commands.find((command) => command.command === 'ticket')
    await e2e.sandbox.clearLog()

    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy()
    await frame.getByRole('dialog', { name: 'Remove /ticket?' }).waitFor()
    expect(await dialog.textContent()).toContain(
      'Only the application that registered it can register it again',
    )
    await expectAccessible(frame, 'confirmation dialog')
    await e2e.screenshot(page, 'core-confirm')
    // Focus is trapped in the dialog: Escape cancels and focus returns to the row's button.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Remove /ticket',
    )

    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Remove' }).dblclick()
    await e2e.passUndoWindow(page)
    await frame.getByText('/ticket was removed.').waitFor()
    expect(await e2e.onScreen(page, frame.getByText('/ticket was removed.'))).toBe(true)
    await helpdesk.getByText('/ticket', { exact: true }).waitFor({ state: 'detached' })
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals.map((entry) => entry.params)).toEqual([{ COMMAND_ID: ticket?.id }])
    await e2e.screenshot(page, 'core-removed')

    await page.reload()
    const reloaded = await appFrame(page)
    await reloaded.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    expect(await commandsOf(reloaded, 'Helpdesk Bot')).not.toContain('/ticket')
  })

  it('shows a failed removal on its row and keeps the row', async () => {
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /sysinfo' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    const alert = helpdesk.getByRole('alert')
    await e2e.runUntil(page, alert.getByText('Bitrix24 could not delete this command.', { exact: false }))
    expect(await commandsOf(frame, 'Helpdesk Bot')).toContain('/sysinfo')
    await expectAccessible(frame, 'row error')
    await e2e.screenshot(page, 'core-row-error')
  })

  it('is read-only for a non-admin, and Russian for a Russian portal', async () => {
    await e2e.sandbox.settings({ isAdmin: false, lang: 'ru' })
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('Показать справку').waitFor()
    await frame
      .getByText('так решило само приложение, это не ограничение Битрикс24', { exact: false })
      .waitFor()
    expect(await frame.getByRole('button', { name: /Удалить/ }).count()).toBe(0)
    expect(await frame.getByRole('searchbox', { name: 'Поиск команд' }).count()).toBe(1)
    expect(await page.locator('#pagetitle').textContent()).toBe('Команды ботов')
    await expectAccessible(frame, 'non-admin, ru')
    await e2e.screenshot(page, 'core-readonly-ru')
  })

  it('fits the frame to the content and sets the page title', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('region', { name: 'Sales Assistant' }).getByText('/quote').waitFor()
    await expect.poll(() => page.locator('#pagetitle').textContent()).toBe('Bot commands')
    const fits = async () => {
      const frameHeight = await page
        .locator('iframe')
        .evaluate((element) => element.getBoundingClientRect().height)
      const content = await frame.evaluate(() => ({
        app: document.querySelector('.app')?.getBoundingClientRect().height ?? 0,
        inner: document.documentElement.scrollHeight - window.innerHeight,
      }))
      return Math.abs(frameHeight - content.app) <= 1 && content.inner <= 0
    }
    await expect.poll(fits).toBe(true)
    // A layout change (the search hides most rows) resizes the frame again.
    const before = await page.locator('iframe').evaluate((element) => element.getBoundingClientRect().height)
    await frame.getByRole('searchbox').fill('/help')
    await expect
      .poll(() => page.locator('iframe').evaluate((element) => element.getBoundingClientRect().height))
      .toBeLessThan(before)
    await expect.poll(fits).toBe(true)
  })

  it('reads well at 1000 px', async () => {
    const { page, frame } = await e2e.openPortal({ width: 1000, height: 800 })
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    await expectAccessible(frame, '1000 px')
    await e2e.screenshot(page, 'core-list-1000')
  })

  it('reads well at 400 px', async () => {
    const { page, frame } = await e2e.openPortal({ width: 400, height: 800 })
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    await expectAccessible(frame, '400 px')
    await e2e.screenshot(page, 'core-list-400')
  })

  it('says when the application has no bots', async () => {
    await e2e.sandbox.seed({ replace: true })
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('heading', { name: 'This application has no chat bots' }).waitFor()
    await expectAccessible(frame, 'no bots')
    await e2e.screenshot(page, 'core-no-bots')
  })

  it('explains itself when opened outside Bitrix24', async () => {
    const page = await e2e.newPage()
    await page.goto(e2e.appUrl)
    await page.getByRole('heading', { name: 'Bot Commands is a Bitrix24 app' }).waitFor()
    expect(await page.textContent('body')).toContain('npm ci && npm start')
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'core-outside')
  })

  it('tells the user when the portal never answers the handshake', async () => {
    await e2e.sandbox.settings({ answerHandshake: false })
    const { page, frame } = await e2e.openPortalNow()
    // The skeleton, while connecting, is accessible too.
    await frame.getByRole('status').getByText('Connecting to Bitrix24…').waitFor({ state: 'attached' })
    await expectAccessible(frame, 'skeleton')
    // The app gives the handshake 6 s (on the browser's clock, moved on here rather than waited out).
    await e2e.runUntil(page, frame.getByRole('heading', { name: 'Bitrix24 did not answer' }))
    await frame.getByRole('button', { name: 'Reload the app' }).waitFor()
    await expectAccessible(frame, 'handshake timeout')
    await e2e.screenshot(page, 'core-handshake-timeout')
  })
})
