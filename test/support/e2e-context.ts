import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { appFrame, launchChromium } from './browser'
import { type SandboxApi, sandboxApi } from './sandbox-api'

export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots')

export interface E2eContext {
  portalUrl: string
  /** The app's own origin: the same server under another host name, as a third-party app host is. */
  appUrl: string
  sandbox: SandboxApi
  browser: () => Browser
  /** Opens the sandbox portal page and waits for the app's frame. */
  openPortal: (options?: { width?: number; height?: number }) => Promise<{ page: Page; frame: Frame }>
  /** Opens the sandbox portal page without waiting for the app to settle (to see it while it connects). */
  openPortalNow: () => Promise<{ page: Page; frame: Frame }>
  /**
   * Waits until nothing is loading and the frame fits the app: until then the host page may still resize the
   * frame, which resets any scroll inside it and moves what a click aims at.
   */
  settle: (page: Page, frame: Frame) => Promise<void>
  /**
   * Clicks what opens a dialog and returns the dialog. Right after the host page resizes the frame, Chromium
   * may route a click to the <iframe> element of the host page instead of into the app (seen in the probe's
   * journal); such a click never reached the app, so it is repeated.
   */
  openDialog: (frame: Frame, trigger: Locator) => Promise<Locator>
  /** Whether a locator in the app is within the browser's viewport (the user can see it without scrolling). */
  onScreen: (page: Page, locator: Locator) => Promise<boolean>
  /** Saves a screenshot of the page under test-results/screenshots/{name}.png. */
  screenshot: (page: Page, name: string) => Promise<void>
}

async function settle(page: Page, frame: Frame): Promise<void> {
  let stableFor = 0
  for (let attempt = 0; attempt < 200 && stableFor < 3; attempt++) {
    const quiet = await frame
      .evaluate(() => {
        if (document.querySelector('[aria-busy="true"]')) return null
        const loading = [...document.querySelectorAll('[role="status"]')].some((element) =>
          /Loading|Connecting|Загрузка|Подключение/.test(element.textContent ?? ''),
        )
        if (loading) return null
        return document.querySelector('.app')?.getBoundingClientRect().height ?? -1
      })
      .catch(() => null)
    const frameHeight = await page
      .locator('iframe')
      .evaluate((element) => element.getBoundingClientRect().height)
      .catch(() => null)
    const fitted =
      quiet === -1 || (quiet !== null && frameHeight !== null && Math.abs(frameHeight - quiet) <= 1)
    stableFor = fitted ? stableFor + 1 : 0
    if (stableFor < 3) await page.waitForTimeout(50)
  }
}

/** One Chromium per test file, a fresh browser context and a reset sandbox per test. */
export function useE2e(): E2eContext {
  const portalUrl = inject('portalUrl')
  const appUrl = portalUrl.replace('127.0.0.1', 'localhost')
  const sandbox = sandboxApi(portalUrl)
  let browser: Browser | undefined
  let contexts: BrowserContext[] = []
  // What happened in the pages of the current test, written next to the screenshot when it fails.
  let journal: string[] = []
  mkdirSync(screenshotDir, { recursive: true })

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    await sandbox.reset()
  })
  afterEach(async (test) => {
    // A failed test leaves a picture of what the user would have seen.
    if (test.task.result?.state === 'fail') {
      const pages = contexts.flatMap((context) => context.pages())
      for (const [index, page] of pages.entries()) {
        const name = `FAILED-${test.task.name.replace(/[^\w-]+/g, '_').slice(0, 60)}-${index}`
        await page.screenshot({ path: resolve(screenshotDir, `${name}.png`) }).catch(() => undefined)
      }
      const name = `FAILED-${test.task.name.replace(/[^\w-]+/g, '_').slice(0, 60)}`
      writeFileSync(resolve(screenshotDir, `${name}.log`), `${journal.join('\n')}\n`)
    }
    journal = []
    await Promise.all(contexts.map((context) => context.close()))
    contexts = []
  })

  async function open(width: number, height: number): Promise<{ page: Page; frame: Frame }> {
    if (!browser) throw new Error('the browser is not running')
    const context = await browser.newContext({ viewport: { width, height } })
    contexts.push(context)
    // A probe in every frame: what was clicked, and when a dialog opened or closed (for the failure journal).
    await context.addInitScript(() => {
      const describe = (target: EventTarget | null) =>
        target instanceof Element
          ? `${target.tagName} ${target.getAttribute('aria-label') ?? target.textContent?.slice(0, 40)}`
          : String(target)
      document.addEventListener(
        'click',
        (event) =>
          console.debug(`[probe] click ${describe(event.target)} at ${event.clientX},${event.clientY}`),
        true,
      )
      document.addEventListener(
        'close',
        (event) => console.debug(`[probe] close ${describe(event.target)}`),
        true,
      )
      document.addEventListener(
        'cancel',
        (event) => console.debug(`[probe] cancel ${describe(event.target)}`),
        true,
      )
      let dialogOpen = false
      new MutationObserver(() => {
        const open = document.querySelector('dialog[open]') !== null
        if (open !== dialogOpen) console.debug(`[probe] dialog ${open ? 'open' : 'closed'}`)
        dialogOpen = open
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['open'], childList: true })
    })
    const page = await context.newPage()
    const started = Date.now()
    const note = (line: string) => journal.push(`${String(Date.now() - started).padStart(6)} ms ${line}`)
    page.on('framenavigated', (frame) =>
      note(`navigated ${frame === page.mainFrame() ? 'page' : 'frame'} ${frame.url()}`),
    )
    page.on('console', (message) => note(`console.${message.type()} ${message.text()}`))
    page.on('pageerror', (error) => note(`pageerror ${error.message}`))
    await page.goto(portalUrl)
    return { page, frame: await appFrame(page) }
  }

  return {
    portalUrl,
    appUrl,
    sandbox,
    browser: () => {
      if (!browser) throw new Error('the browser is not running')
      return browser
    },
    settle,
    openDialog: async (frame, trigger) => {
      const dialog = frame.getByRole('dialog')
      for (let attempt = 1; ; attempt++) {
        await trigger.click()
        try {
          await dialog.waitFor({ timeout: 3000 })
          return dialog
        } catch (error) {
          if (attempt === 3) throw error
        }
      }
    },
    openPortalNow: () => open(1280, 900),
    onScreen: async (page, locator) => {
      const box = await locator.boundingBox()
      const viewport = page.viewportSize()
      return Boolean(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height)
    },
    openPortal: async ({ width = 1280, height = 900 } = {}) => {
      const opened = await open(width, height)
      await settle(opened.page, opened.frame)
      return opened
    },
    screenshot: async (page, name) => {
      // Chromium rasterizes a cross-origin frame only near the viewport, so a full-page shot would show
      // the frame cut off: grow the viewport to the whole page instead, then put it back.
      const viewport = page.viewportSize()
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      if (viewport)
        await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) })
      await page.screenshot({ path: resolve(screenshotDir, `${name}.png`) })
      if (viewport) await page.setViewportSize(viewport)
    },
  }
}
