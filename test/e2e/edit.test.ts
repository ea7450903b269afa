import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'

// Editing a command in place, in the production build inside the sandbox portal, through imbot.v2.Command.update.

describe('editing a command', () => {
  const e2e = useE2e()

  /** The portal page with the app, on the browser's clock like every page of the suite. */
  async function open(): Promise<{ page: Page; frame: Frame }> {
    const { page, frame } = await e2e.openPortalNow()
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    await e2e.settle(page, frame)
    return { page, frame }
  }

  const commandNamed = async (name: string) =>
    (await e2e.sandbox.state()).commands.find((command) => command.command === name)

  it('renames a command, fixes a title, adds a German title and hint, and hides a command (live answers)', async () => {
    // The sandbox answers as live portals do: `hidden` is not listed, and the row still shows what the edit set.
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })

    const rename = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-form')
    await rename.getByLabel('Command').fill('/support')
    await rename.getByRole('button', { name: 'Save' }).click()
    await helpdesk.getByRole('rowheader', { name: '/support' }).waitFor()
    await expect.poll(async () => (await commandNamed('support'))?.titles.en).toBe('Show help')
    expect(await commandNamed('help')).toBeUndefined()

    const title = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /ticket' }))
    await title.getByLabel('Title').first().fill('Open a support ticket')
    await title.getByLabel('Add another language').selectOption('de')
    await title.getByLabel('Title').nth(1).fill('Support-Ticket öffnen')
    await title.getByLabel('Parameters').nth(1).fill('<Betreff>')
    await title.getByRole('button', { name: 'Save' }).click()
    await helpdesk
      .getByRole('row', { name: /\/ticket/ })
      .getByText('Open a support ticket')
      .waitFor()
    await expect
      .poll(async () => (await commandNamed('ticket'))?.titles)
      .toMatchObject({
        en: 'Open a support ticket',
        de: 'Support-Ticket öffnen',
      })
    expect((await commandNamed('ticket'))?.params).toMatchObject({ de: '<Betreff>' })

    const hide = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /faq' }))
    await hide.getByRole('checkbox', { name: 'Hidden' }).check()
    await hide.getByRole('button', { name: 'Save' }).click()
    await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').waitFor()
    await expect.poll(async () => (await commandNamed('faq'))?.hidden).toBe(true)
    await e2e.settle(page, frame)
    expect(await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').count()).toBe(1)
    await e2e.screenshot(page, 'edit-done')
  })

  it('rolls a refused rename back, with the reason on the row', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.fault({ method: 'imbot.v2.Command.update', code: 'COMMAND_ALREADY_EXISTS' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByLabel('Command').fill('helpdesk')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const alert = helpdesk.getByRole('alert')
    await alert.getByText('The change was not saved', { exact: false }).waitFor()
    await helpdesk.getByRole('rowheader', { name: '/help', exact: true }).waitFor()
    expect(await helpdesk.getByRole('rowheader', { name: '/helpdesk' }).count()).toBe(0)
    expect(await commandNamed('help')).toBeDefined()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-refused')
  })

  it('says a trigger is taken before sending, and works by keyboard alone', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.clearLog()
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByLabel('Command').fill('ticket')
    await page.keyboard.press('Enter')
    await dialog.getByText('/ticket is already a command of this bot.').waitFor()
    await dialog.getByLabel('Command').fill('with space')
    await page.keyboard.press('Enter')
    await dialog.getByText('A command has no spaces', { exact: false }).waitFor()
    expect((await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.v2.Command.update')).toEqual(
      [],
    )
    await dialog.getByLabel('Command').fill('assist')
    await page.keyboard.press('Enter')
    await helpdesk.getByRole('rowheader', { name: '/assist' }).waitFor()
    await expect.poll(async () => (await commandNamed('assist')) !== undefined).toBe(true)
  })
})
