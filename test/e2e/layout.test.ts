import type { Frame, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { InitData } from '../../src/sandbox/emulator'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'

// No control is ever cut off: long unbroken texts (a URL as a title, a long params hint, command and category)
// wrap inside their cells, the table never grows past its card, and every button, checkbox and link of every
// row state (idle, held with Undo, failed with its reason, removing) is whole, on screen and clickable.

/** A 300-character URL: no space, no hyphen, nowhere a browser would break a line by itself. */
const longTitle = `https://bots.example.com/bitrix24/handlers/${'a1B2c3D4e5'.repeat(30)}`.slice(0, 300)
const longParams = `[${'query_string_parameter_'.repeat(8)}]`
const longCommand = `report${'_quarterly'.repeat(7)}`
const longCategory = `Category${'Unbroken'.repeat(25)}`
/** An entry the portal adds to bot 1's list (live shape): the only way to a category other than the bot's name. */
const categorized = {
  id: 9001,
  botId: 1,
  command: '/categorized',
  category: longCategory,
  common: 'N',
  context: '',
  title: 'Has a long category',
  params: '',
  extranet: 'N',
}

type Lang = 'en' | 'ru' | 'de'
/** Browser widths: the cards (400), the narrowest table (934: a 641 px frame), the issue's two frames. */
const widths = [400, 934, 1000, 1280] as const
const langs: readonly Lang[] = ['en', 'ru', 'de']
/** The screenshots the layout is judged by: width and language of each state. */
const pictured = (state: string, width: number, lang: Lang) =>
  width === 1000 ? lang !== 'de' || state === 'idle' : width === 400 && lang === 'en' && state === 'idle'

/**
 * Inside the app's frame: every control of `main` that the user can see must lie whole within the frame's width
 * and within its bot card, and be what a click at its centre reaches; nothing in a card may be wider than it.
 * Returns what is wrong, one line each.
 */
function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = []
    const viewportWidth = document.documentElement.clientWidth
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`
    const hidden = (element: Element) => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath !== 'none')
          return true
      }
      return false
    }
    const within = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - 0.5 &&
      inner.right <= outer.right + 0.5 &&
      inner.top >= outer.top - 0.5 &&
      inner.bottom <= outer.bottom + 0.5
    const main = document.querySelector('main')
    if (!main) return ['no main']
    const controls = main.querySelectorAll('button, input, select, a[href], summary')
    for (const control of controls) {
      if (hidden(control)) continue
      const box = control.getBoundingClientRect()
      if (box.width < 1 || box.height < 1) problems.push(`${describe(control)} has no size`)
      if (box.left < -0.5 || box.right > viewportWidth + 0.5)
        problems.push(
          `${describe(control)} spans ${Math.round(box.left)}–${Math.round(box.right)}, the frame ${viewportWidth}`,
        )
      const card = control.closest('.bot') ?? main
      const cardBox = card.getBoundingClientRect()
      if (!within(box, cardBox))
        problems.push(
          `${describe(control)} at ${Math.round(box.left)}–${Math.round(box.right)} leaves its card ${Math.round(cardBox.left)}–${Math.round(cardBox.right)}`,
        )
      // Nor may it stick out of the message or status it belongs to.
      const holder = control.parentElement?.closest('.notice, .row__status')
      const holderBox = holder?.getBoundingClientRect()
      if (holder && holderBox && !within(box, holderBox))
        problems.push(
          `${describe(control)} at ${Math.round(box.left)}–${Math.round(box.right)} leaves ${describe(holder)} ${Math.round(holderBox.left)}–${Math.round(holderBox.right)}`,
        )
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      if (
        !hit ||
        !(
          control === hit ||
          control.contains(hit) ||
          (control as HTMLInputElement).labels?.[0]?.contains(hit)
        )
      )
        problems.push(
          `${describe(control)}: a click at its centre reaches ${hit ? describe(hit) : 'nothing'}`,
        )
    }
    for (const card of document.querySelectorAll('.bot')) {
      const cardBox = card.getBoundingClientRect()
      if (card.scrollWidth > card.clientWidth + 1)
        problems.push(`${describe(card)} holds ${card.scrollWidth} px in ${card.clientWidth} px`)
      const outside = (element: Element) => {
        const box = element.getBoundingClientRect()
        return box.left < cardBox.left - 0.5 || box.right > cardBox.right + 0.5
      }
      for (const element of card.querySelectorAll('*')) {
        if (hidden(element)) continue
        const box = element.getBoundingClientRect()
        if (box.width === 0 && box.height === 0) continue
        // The outermost element that sticks out is enough to name.
        if (
          outside(element) &&
          !(element.parentElement && element.parentElement !== card && outside(element.parentElement))
        )
          problems.push(
            `${describe(element)} at ${Math.round(box.left)}–${Math.round(box.right)} is wider than its card ${Math.round(cardBox.left)}–${Math.round(cardBox.right)}`,
          )
      }
    }
    return problems
  })
}

/** Registers bot 1's commands with long unbroken texts through the sandbox's REST endpoint, as an app would. */
async function registerLongCommands(portalUrl: string): Promise<void> {
  const initData = await fetch(new URL('/sandbox/api/frame/init-data', portalUrl), { method: 'POST' })
  const { AUTH_ID: auth } = (await initData.json()) as InitData
  const register = async (command: string, title: string, params: string) => {
    const answer = await fetch(new URL('/rest/imbot.command.register.json', portalUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth,
        BOT_ID: 1,
        COMMAND: command,
        EVENT_COMMAND_ADD: 'https://bots.example.com/bitrix24/command',
        LANG: (['en', 'ru', 'de'] as const).map((lang) => ({
          LANGUAGE_ID: lang,
          TITLE: title,
          PARAMS: params,
        })),
      }),
    })
    expect(answer.status, await answer.clone().text()).toBe(200)
  }
  await register('longtitle', longTitle, longParams)
  await register(longCommand, 'Has a long name', '')
}

/**
 * axe-core on the paused clock: it waits between its rules with setTimeout, so the clock moves a millisecond at a
 * time until it is done (well inside the undo window).
 */
async function seriousViolationsOnClock(page: Page, frame: Frame): Promise<string[]> {
  let done = false
  const violations = seriousViolations(frame).finally(() => {
    done = true
  })
  while (!done) {
    await page.clock.runFor(1)
    await page.waitForTimeout(5)
  }
  return violations
}

/**
 * Until the host page has fitted the frame to the app (e2e.settle waits for nothing to be busy as well, which a
 * removing row always is).
 */
async function fitted(page: Page, frame: Frame): Promise<void> {
  await expect
    .poll(async () => {
      const app = await frame.evaluate(() => document.querySelector('.app')?.getBoundingClientRect().height)
      const box = await page.locator('iframe').boundingBox()
      return app !== undefined && box !== null && Math.abs(box.height - app) <= 1
    })
    .toBe(true)
}

/**
 * Moves the paused clock a millisecond at a time until `locator` is there: for a state that lasts while a
 * request is held back (e2e.runUntil waits for the requests under way to end first).
 */
async function tickUntil(page: Page, locator: Locator): Promise<void> {
  for (let tick = 0; tick < 200 && (await locator.count()) === 0; tick++) {
    await page.clock.runFor(1)
    await page.waitForTimeout(5)
  }
  await locator.first().waitFor({ timeout: 5000 })
}

describe('long texts and row states never cut a control off', () => {
  const e2e = useE2e()

  for (const width of widths) {
    for (const lang of langs) {
      it(`at ${width} px in ${lang}: idle, held with Undo, failed, removing`, async () => {
        await e2e.sandbox.settings({ lang })
        await registerLongCommands(e2e.portalUrl)
        await e2e.sandbox.fault({
          method: 'imbot.v2.Command.list',
          mode: 'add-entry',
          entry: categorized,
          match: { botId: 1 },
          count: 50,
        })
        // The page's clock is installed before it loads; paused below, it holds the undo window open.
        const { page, frame } = await e2e.openPortal({ width, height: 900 })
        const helpdesk = frame.locator('section.bot').first()
        const row = helpdesk.locator('tr.row', { has: frame.getByText('/longtitle', { exact: true }) })
        await row.getByText(longTitle).waitFor()
        await helpdesk.getByText(longCategory).waitFor()
        await helpdesk.getByText(`/${longCommand}`).waitFor()

        const check = async (state: string) => {
          await (state === 'removing' ? fitted(page, frame) : e2e.settle(page, frame))
          expect(await layoutProblems(frame), state).toEqual([])
          const frameBox = await page.locator('iframe').boundingBox()
          expect(frameBox && frameBox.x >= 0 && frameBox.x + frameBox.width <= width, state).toBe(true)
          expect(await seriousViolationsOnClock(page, frame), state).toEqual([])
          if (pictured(state, width, lang)) await e2e.screenshot(page, `layout-${state}-${width}-${lang}`)
        }
        await check('idle')

        // Held: "Removing in a moment…" with Undo, for as long as the paused clock keeps the window open.
        const dialog = await e2e.openDialog(frame, row.locator('.cell--actions .button--danger-outline'))
        await page.clock.pauseAt((await frame.evaluate(() => Date.now())) + 1000)
        await dialog.locator('.button--danger').click()
        await row.locator('.row__status button').waitFor()
        await check('held')

        // Failed: Bitrix24 refuses; the row keeps its reason, Try again, Dismiss and Details (opened).
        await e2e.sandbox.fault({ method: 'imbot.command.unregister', code: 'WRONG_REQUEST' })
        const notice = helpdesk.locator('.row-error .notice')
        await e2e.runUntil(page, notice, { stepMs: 500 })
        await notice.locator('.button--primary').waitFor()
        await notice.locator('.button--link').waitFor()
        await notice.locator('summary').click()
        await check('failed')

        // Removing: Try again, whose request the browser holds back (it never reaches the portal).
        await page
          .context()
          .route(/\/rest\//, (route) =>
            /unregister/.test(`${route.request().url()} ${route.request().postData() ?? ''}`)
              ? undefined
              : route.continue(),
          )
        await notice.locator('.button--primary').click()
        // The query library tells the row on the next tick of the clock.
        await tickUntil(page, row.locator('.row__status .spinner'))
        await check('removing')
      })
    }
  }
})
