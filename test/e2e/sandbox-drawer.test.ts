import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PORTAL_LANGUAGES } from '../../src/sandbox/emulator/settings'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// The sandbox portal's own drawer: the settings a developer changes by hand reach the emulator and, where the app
// reads them only at start-up, reload it as a portal would.

describe('the sandbox drawer', () => {
  const e2e = useE2e()

  /** The app's frame once the host page has loaded it under a new APP_SID (a reload replaces the iframe). */
  async function reloadedFrame(page: Page, before: string): Promise<Frame> {
    await page.waitForFunction((old) => document.querySelector('iframe')?.name !== old, before, {
      timeout: 20_000,
    })
    return appFrame(page)
  }

  const openDrawer = async (page: Page) => {
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click()
    return page.getByRole('complementary', { name: 'Sandbox controls' })
  }

  it('sets the portal language (the titles the app lists) apart from the user’s, and batch substitution', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('cell', { name: 'Show help' }).waitFor()
    const drawer = await openDrawer(page)
    const portalLanguage = drawer.getByLabel('Portal language')
    // Bitrix24's 20 language ids, exactly those the sandbox accepts, after "as the user's" (null).
    expect(await portalLanguage.inputValue()).toBe('')
    expect(
      await portalLanguage
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual(['', ...PORTAL_LANGUAGES])

    const before = (await page.locator('iframe').getAttribute('name')) ?? ''
    await portalLanguage.selectOption('de')
    // The app reads the bots and their lists anew: German titles, the interface still in the user's English.
    const reloaded = await reloadedFrame(page, before)
    await reloaded.getByRole('cell', { name: 'Hilfe anzeigen' }).waitFor()
    await reloaded.getByRole('button', { name: 'Export JSON' }).waitFor()
    expect(await reloaded.getByRole('cell', { name: 'Show help' }).count()).toBe(0)
    await drawer.getByRole('status').getByText('Saved; the app was reloaded.').waitFor()
    expect(await e2e.sandbox.settings({})).toMatchObject({ portalLanguage: 'de', lang: 'en' })

    const substitution = drawer.getByRole('checkbox', { name: /batch substitutes/ })
    expect(await substitution.isChecked()).toBe(true)
    await substitution.uncheck()
    await drawer.getByRole('status').getByText('Saved.', { exact: true }).waitFor()
    expect((await e2e.sandbox.settings({})).batchSubstitution).toBe(false)

    // Back to "as the user's": null, not an empty language.
    const german = (await page.locator('iframe').getAttribute('name')) ?? ''
    await portalLanguage.selectOption('')
    await (await reloadedFrame(page, german)).getByRole('cell', { name: 'Show help' }).waitFor()
    expect((await e2e.sandbox.settings({})).portalLanguage).toBeNull()

    // Reset shows the defaults again.
    const english = (await page.locator('iframe').getAttribute('name')) ?? ''
    await portalLanguage.selectOption('ru')
    await (await reloadedFrame(page, english)).getByRole('cell', { name: 'Показать справку' }).waitFor()
    await drawer.getByRole('button', { name: 'Reset state' }).click()
    await drawer
      .getByRole('status')
      .getByText(/were reset/)
      .waitFor()
    expect(await portalLanguage.inputValue()).toBe('')
    expect(await substitution.isChecked()).toBe(true)
  })

  it('keeps every control of the Portal panel inside the drawer at 320 px', async () => {
    const { page } = await e2e.openPortal({ width: 320, height: 800 })
    const drawer = await openDrawer(page)
    await drawer.getByLabel('Portal language').waitFor()
    const outside = await page.evaluate(() => {
      const box = document.getElementById('sandbox-drawer')?.getBoundingClientRect()
      const form = document.getElementById('settings-form')
      if (!box || !form) return ['no drawer']
      return [...form.querySelectorAll('label, input, select, .hint')]
        .filter((element) => {
          const rect = element.getBoundingClientRect()
          return rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.width === 0
        })
        .map((element) => element.getAttribute('name') ?? element.textContent?.trim().slice(0, 40) ?? '')
    })
    expect(outside).toEqual([])
    // Nothing wider than the drawer: no sideways scrolling.
    expect(
      await drawer.evaluate(
        (element) => element.scrollWidth <= element.clientWidth && element.clientWidth <= 320,
      ),
    ).toBe(true)
    await e2e.screenshot(page, 'sandbox-drawer-320')
  })
})
