import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Frame, Locator, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { appFrame, launchChromium } from './browser'
import { type SandboxApi, sandboxApi } from './sandbox-api'

/**
 * How long a confirmed removal is held, undoable, before anything is sent: the app's `undoWindowMs`
 * (src/features/removal/hold-store.ts). A copy, not an import: the browser tests see the app as a user does, and
 * must not depend on where its code lives.
 */
export const undoWindowMs = 5000

export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots')

export interface E2eContext {
  portalUrl: string
  /** The app's own origin: the same server under another host name, as a third-party app host is. */
  appUrl: string
  sandbox: SandboxApi
  browser: () => Browser
  /**
   * A page in a fresh browser context (closed after the test) whose clock is installed before anything
   * loads, so that every timer of the host page, the app and the SDK runs on it: time flows as usual until a
   * test moves it on with `advance`, `passUndoWindow` or `runUntil`. Navigate it yourself. `locale` is the
   * browser's language (what the app speaks in a plain tab).
   */
  newPage: (options?: { width?: number; height?: number; locale?: string }) => Promise<Page>
  /** Moves the browser's clock on by `ms`, firing every timer due on the way (the SDK's, the app's). */
  advance: (page: Page, ms: number) => Promise<void>
  /** Moves the clock past the undo window of a removal just confirmed: the removal is then sent. */
  passUndoWindow: (page: Page) => Promise<void>
  /**
   * Moves the clock on by `ms` in steps of `stepMs`, as `runUntil` does (each step after the requests under way
   * have ended): for time that must pass while something else holds, e.g. offline.
   */
  advanceInSteps: (page: Page, ms: number, stepMs: number) => Promise<void>
  /**
   * Moves the clock on a step at a time (by default 1 s, at most 3 minutes in all) until `done` holds, for what
   * happens after the SDK's or the app's own waits (retries, back-off, time-outs). Before each step it waits
   * for the requests under way in the browser to end, so that moving the clock never runs out a time-out of
   * something the portal is still answering (the SDK's 10 s for refreshAuth, which the host page answers
   * over HTTP). `done` must be an end state, one that stays once reached; a locator is done when it matches.
   * Fails if it never holds.
   */
  runUntil: (
    page: Page,
    done: Locator | (() => Promise<boolean>),
    options?: { stepMs?: number; maxMs?: number },
  ) => Promise<void>
  /**
   * Starts noting, in the frame, whether `text` ever shows in it; returns a question to ask later. For what
   * comes and goes (a message with a lifetime, a state between two others): a poll could miss it once the
   * clock moves in steps, the frame's own observer cannot.
   */
  watchText: (frame: Frame, text: string) => Promise<() => Promise<boolean>>
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
   *
   * After each click the page's clock moves on 500 ms (in pages of `newPage`, `openPortal` and `openPortalNow`,
   * whose clock is installed): React reveals a part loaded on demand (the dialog's) only after a short delay on
   * that clock (300 ms, its Suspense throttle), which a test need not wait out, and which a paused clock would
   * never end.
   */
  openDialog: (frame: Frame, trigger: Locator) => Promise<Locator>
  /** Whether a locator in the app is within the browser's viewport (the user can see it without scrolling). */
  onScreen: (page: Page, locator: Locator) => Promise<boolean>
  /** Saves a screenshot of the page under test-results/screenshots/{name}.png. */
  screenshot: (page: Page, name: string) => Promise<void>
}

/** The requests under way in one browser context, to wait until none is. */
function requestsUnderWay(context: BrowserContext) {
  const open = new Set<Request>()
  let onIdle: (() => void)[] = []
  const ended = (request: Request) => {
    open.delete(request)
    if (open.size > 0) return
    for (const resolve of onIdle) resolve()
    onIdle = []
  }
  context.on('request', (request) => open.add(request))
  context.on('requestfinished', ended)
  context.on('requestfailed', ended)
  return {
    /** Resolves true once no request is under way, or false after `timeoutMs` if some still are. */
    none: (timeoutMs: number) =>
      new Promise<boolean>((resolve) => {
        if (open.size === 0) return resolve(true)
        const timer = setTimeout(() => resolve(false), timeoutMs)
        onIdle.push(() => {
          clearTimeout(timer)
          resolve(true)
        })
      }),
  }
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

/**
 * Takes a sandbox portal that no other test file is using (global-setup.ts serves one per worker) until `release`:
 * a lock is a directory, whose creation either succeeds or fails at once, whichever worker asks first.
 */
async function leasePortal(): Promise<{ url: string; release: () => void }> {
  const urls = inject('portalUrls')
  const locks = inject('portalLocks')
  for (let attempt = 0; attempt < 600; attempt++) {
    for (const [index, url] of urls.entries()) {
      const lock = join(locks, String(index))
      try {
        mkdirSync(lock)
        return { url, release: () => rmSync(lock, { recursive: true, force: true }) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('no sandbox portal came free within a minute')
}

/** One Chromium and one sandbox portal per test file, a fresh browser context and a reset sandbox per test. */
export function useE2e(): E2eContext {
  // The sandbox portal this file has to itself while it runs (set in beforeAll).
  let portalUrl = ''
  let appUrl = ''
  let sandbox: SandboxApi | undefined
  let releasePortal = () => {}
  const sandboxOf = () => {
    if (!sandbox) throw new Error('no sandbox portal yet: use it inside a test')
    return sandbox
  }
  let browser: Browser | undefined
  let contexts: BrowserContext[] = []
  const requests = new WeakMap<BrowserContext, ReturnType<typeof requestsUnderWay>>()
  /** The contexts of `newPage`, whose clock was installed before anything loaded. */
  const clocked = new WeakSet<BrowserContext>()
  // What happened in the pages of the current test, written next to the screenshot when it fails.
  let journal: string[] = []
  mkdirSync(screenshotDir, { recursive: true })

  beforeAll(async () => {
    const lease = await leasePortal()
    portalUrl = lease.url
    appUrl = portalUrl.replace('127.0.0.1', 'localhost')
    sandbox = sandboxApi(portalUrl)
    releasePortal = lease.release
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    releasePortal()
  })
  beforeEach(async () => {
    await sandboxOf().reset()
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

  async function newPage({
    width = 1280,
    height = 900,
    locale,
  }: {
    width?: number
    height?: number
    locale?: string
  } = {}): Promise<Page> {
    if (!browser) throw new Error('the browser is not running')
    const context = await browser.newContext({ viewport: { width, height }, locale })
    contexts.push(context)
    requests.set(context, requestsUnderWay(context))
    // Installed before any page loads: installed later, it does not reach the timers of the app's
    // cross-origin frame. Until a test moves it, time flows as usual.
    await context.clock.install()
    clocked.add(context)
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
    return page
  }

  async function open(width: number, height: number): Promise<{ page: Page; frame: Frame }> {
    const page = await newPage({ width, height })
    await page.goto(portalUrl)
    return { page, frame: await appFrame(page) }
  }

  async function advance(page: Page, ms: number): Promise<void> {
    journal.push(`clock +${ms} ms`)
    await page.clock.runFor(ms)
  }

  /** Waits for the requests under way in the page's context to end (they answer in real time). */
  async function requestsEnded(page: Page): Promise<void> {
    const underWay = requests.get(page.context())
    if (underWay && !(await underWay.none(15_000))) journal.push('requests still under way after 15 s')
  }

  async function runUntil(
    page: Page,
    done: Locator | (() => Promise<boolean>),
    { stepMs = 1000, maxMs = 180_000 } = {},
  ): Promise<void> {
    const check = typeof done === 'function' ? done : async () => (await done.count()) > 0
    let moved = 0
    for (;;) {
      await requestsEnded(page)
      if (await check()) break
      if (moved >= maxMs) throw new Error(`not reached after moving the clock on ${maxMs} ms`)
      await page.clock.runFor(stepMs)
      moved += stepMs
    }
    journal.push(`clock +${moved} ms (until done)`)
  }

  async function advanceInSteps(page: Page, ms: number, stepMs: number): Promise<void> {
    for (let moved = 0; moved < ms; moved += stepMs) {
      await requestsEnded(page)
      await page.clock.runFor(Math.min(stepMs, ms - moved))
    }
    await requestsEnded(page)
    journal.push(`clock +${ms} ms (in steps)`)
  }

  return {
    get portalUrl() {
      return portalUrl
    },
    get appUrl() {
      return appUrl
    },
    get sandbox() {
      return sandboxOf()
    },
    browser: () => {
      if (!browser) throw new Error('the browser is not running')
      return browser
    },
    newPage,
    advance,
    passUndoWindow: (page) => advance(page, undoWindowMs),
    advanceInSteps,
    runUntil,
    watchText: async (frame, text) => {
      const key = `__seen_${Math.random().toString(36).slice(2)}`
      await frame.evaluate(
        ({ key, text }) => {
          const seen = window as unknown as Record<string, boolean>
          const look = () => {
            if (document.body.textContent?.includes(text)) seen[key] = true
          }
          look()
          new MutationObserver(look).observe(document.body, {
            subtree: true,
            childList: true,
            characterData: true,
          })
        },
        { key, text },
      )
      return () => frame.evaluate((key) => (window as unknown as Record<string, boolean>)[key] === true, key)
    },
    settle,
    openDialog: async (frame, trigger) => {
      const dialog = frame.getByRole('dialog')
      for (let attempt = 1; ; attempt++) {
        await trigger.click()
        if (clocked.has(frame.page().context())) await advance(frame.page(), 500)
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
