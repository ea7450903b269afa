import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// A fresh install, as Bitrix24 does it for a local application whose installation path is set: the portal opens
// the app for an administrator with INSTALL: true until the app calls installFinish (setInstallFinish), which the
// portal never answers; it marks the app installed and reloads the frame instead.

describe('installing the app', () => {
  const e2e = useE2e()

  /** The app's frame once the host page has loaded it under a new APP_SID (a reload replaces the iframe). */
  async function reloadedFrame(page: Page, before: string): Promise<Frame> {
    await page.waitForFunction((old) => document.querySelector('iframe')?.name !== old, before, {
      timeout: 20_000,
    })
    return appFrame(page)
  }

  it('checks the permission, says what is missing, finishes the installation once, and then lists the commands', async () => {
    await e2e.sandbox.settings({ installed: false })
    // The first check finds no imbot permission; the admin adds it and checks again.
    await e2e.sandbox.fault({ method: 'imbot.bot.list', code: 'insufficient_scope' })
    const { page, frame } = await e2e.openPortalNow()
    await frame.getByRole('heading', { name: 'Installing Bot Commands' }).waitFor()
    await frame.getByText(/lacks the “Chat bots \(imbot\)” permission/).waitFor()
    await frame.getByText(/Developer resources → Integrations/).waitFor()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'install-missing-permission')
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(0)
    // Nothing of the commands page while installing.
    expect(await frame.getByRole('region', { name: 'Helpdesk Bot' }).count()).toBe(0)

    const installing = (await page.locator('iframe').getAttribute('name')) ?? ''
    await frame.getByRole('button', { name: 'Check again' }).click()
    // installFinish by itself, once; the portal reloads the frame, now installed, and the commands show.
    const installed = await reloadedFrame(page, installing)
    await installed.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(1)
    expect((await e2e.sandbox.settings({})).installed).toBe(true)
    expect(await installed.getByRole('heading', { name: 'Installing Bot Commands' }).count()).toBe(0)
    await e2e.settle(page, installed)
    await e2e.screenshot(page, 'install-done')
    const checks = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.bot.list')
    // The permission was checked with a real call, refused once, then granted.
    expect(checks.map((entry) => entry.error ?? entry.status)).toEqual(['insufficient_scope', 200])
  })

  it('never sends installFinish when the app is installed', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
    // Time passes (the install step's wait for a reload would be long over): still nothing sent.
    await e2e.advance(page, 30_000)
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(0)
    expect((await e2e.sandbox.log()).some((entry) => entry.method === 'imbot.bot.list')).toBe(false)
  })
})
