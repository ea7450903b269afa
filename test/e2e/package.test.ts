import { resolve } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { writePackage } from '../../scripts/package.mjs'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// bot-commands.zip as an administrator uploads it: `npm run package`'s own function packages the build the suite
// tests (dist/), and the sandbox serves the archive's files (`appSource: 'package'`) on an origin of their own, as
// Bitrix24 serves a static local application: index.html once installed, install.html before.

interface AppEntry {
  opening: string
  source: string
  origin: string
  path: string
}

const commandsOf = (frame: Frame, bot: string) =>
  frame.getByRole('region', { name: bot }).getByRole('rowheader').allTextContents()

/** The frame's src once it is on `path` (the host page replaces the iframe on every reload). */
async function frameOn(page: Page, path: string): Promise<Frame> {
  await page.waitForFunction(
    (wanted) => {
      const src = document.querySelector('iframe')?.src
      return src !== undefined && new URL(src).pathname === wanted
    },
    path,
    { timeout: 20_000 },
  )
  // The iframe has its src; its document may still be the empty one a new frame starts with.
  const frame = await appFrame(page)
  await frame.waitForURL((url) => url.pathname === path, { waitUntil: 'commit', timeout: 20_000 })
  return frame
}

describe('bot-commands.zip served as a static Bitrix24 application', () => {
  const e2e = useE2e()
  let files: string[] = []

  beforeAll(() => {
    ;({ files } = writePackage({ root: resolve(import.meta.dirname, '../..') }))
  })

  const usePackage = async (patch: { installed?: boolean; isAdmin?: boolean } = {}): Promise<AppEntry> => {
    await e2e.sandbox.settings({ appSource: 'package', ...patch })
    const response = await fetch(new URL('/sandbox/api/app', e2e.portalUrl))
    return (await response.json()) as AppEntry
  }

  it('is the build with index.html and install.html at the root, without maps or the Vite manifest', () => {
    expect(files.slice(0, 2)).toEqual(['index.html', 'install.html'])
    expect(files.filter((name) => name.endsWith('.map') || name.startsWith('.vite'))).toEqual([])
    expect(files.some((name) => name.startsWith('assets/') && name.endsWith('.js'))).toBe(true)
  })

  it('lists the commands and removes one, from index.html on the package origin', async () => {
    const entry = await usePackage()
    const { page, frame } = await e2e.openPortal()
    const frameUrl = new URL(frame.url())
    expect(frameUrl.origin).toBe(entry.origin)
    expect(frameUrl.pathname).toBe('/index.html')
    // Neither the portal's origin nor the sandbox server's own app origin.
    expect(frameUrl.origin).not.toBe(new URL(e2e.portalUrl).origin)
    expect(frameUrl.origin).not.toBe(new URL(e2e.appUrl).origin)

    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText('/ticket').waitFor()
    await frame.getByRole('region', { name: 'Sales Assistant' }).getByText('/quote').waitFor()
    await e2e.screenshot(page, 'package-list')
    const ticket = (await e2e.sandbox.state()).commands.find((command) => command.command === 'ticket')
    await e2e.sandbox.clearLog()

    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await frame.getByText('/ticket was removed.').waitFor()
    await helpdesk.getByText('/ticket', { exact: true }).waitFor({ state: 'detached' })
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals.map((entry) => entry.params)).toEqual([{ COMMAND_ID: ticket?.id }])
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'ticket')).toBe(false)
    expect(await commandsOf(frame, 'Helpdesk Bot')).not.toContain('/ticket')
    // Opened installed, it never told the portal it finished installing.
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(0)
  })

  it('installs from install.html, then opens index.html under a new APP_SID, setInstallFinish sent once', async () => {
    const entry = await usePackage({ installed: false })
    expect(entry).toMatchObject({ opening: 'install', path: '/install.html' })
    const page = await e2e.newPage()
    // The app installs by itself in moments, and the portal then replaces its frame: the frame that opened first is
    // read from the page's navigations as they happen, not looked for afterwards (it may be gone by then).
    const firstFrame = new Promise<Frame>((opened) => {
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame() && new URL(frame.url()).origin === entry.origin) opened(frame)
      })
    })
    await page.goto(e2e.portalUrl)
    const frame = await firstFrame
    expect(new URL(frame.url()).pathname).toBe('/install.html')
    const installingName = frame.name()

    // The app checks its permission and finishes by itself; the portal marks it installed and reloads it.
    const installed = await frameOn(page, '/index.html')
    expect(new URL(installed.url()).origin).toBe(entry.origin)
    expect(await page.locator('iframe').getAttribute('name')).not.toBe(installingName)
    await installed.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/ticket').waitFor()
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(1)
    expect((await e2e.sandbox.settings({})).installed).toBe(true)
  })

  it("shows a user who is no administrator Bitrix24's error page, and no frame, until it is installed", async () => {
    await usePackage({ installed: false, isAdmin: false })
    const page = await e2e.newPage()
    await page.goto(e2e.portalUrl)
    await page.locator('#workarea').getByText('The application is not installed.').waitFor()
    await page.locator('#workarea').getByText('Contact your Bitrix24 administrator.').waitFor()
    expect(await page.locator('iframe').count()).toBe(0)
    await e2e.screenshot(page, 'package-fresh-install-not-admin')
    expect((await e2e.sandbox.state()).installFinishCalls).toBe(0)
  })
})
