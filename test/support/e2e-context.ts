import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
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
  /** Saves a screenshot of the page under test-results/screenshots/{name}.png. */
  screenshot: (page: Page, name: string) => Promise<void>
}

/** One Chromium per test file, a fresh browser context and a reset sandbox per test. */
export function useE2e(): E2eContext {
  const portalUrl = inject('portalUrl')
  const appUrl = portalUrl.replace('127.0.0.1', 'localhost')
  const sandbox = sandboxApi(portalUrl)
  let browser: Browser | undefined
  let contexts: BrowserContext[] = []
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
    }
    await Promise.all(contexts.map((context) => context.close()))
    contexts = []
  })

  return {
    portalUrl,
    appUrl,
    sandbox,
    browser: () => {
      if (!browser) throw new Error('the browser is not running')
      return browser
    },
    openPortal: async ({ width = 1280, height = 900 } = {}) => {
      if (!browser) throw new Error('the browser is not running')
      const context = await browser.newContext({ viewport: { width, height } })
      contexts.push(context)
      const page = await context.newPage()
      await page.goto(portalUrl)
      return { page, frame: await appFrame(page) }
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
