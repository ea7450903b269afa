import type { Frame, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Translate } from '../../src/i18n/translate'
import type { InitData } from '../../src/sandbox/emulator'
import { seriousViolations } from '../support/axe'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'
import {
  fitted,
  layoutProblems,
  loadedFonts,
  wideFontFamily,
  wideFontWithTextSpacing,
} from '../support/layout'
import { translatorOf } from '../support/messages'
import { exportAll, restoreFrom } from '../support/restore-e2e'

// Nothing is ever cut, covered or sticking out, in any language (Arabic's mirrored, right-to-left layout too), at
// any width from 320 px (WCAG 2.2 SC 1.4.10) to 1280 px, in every state a user meets: the rows (idle, held with
// Undo, failed, removing), the edit form, the restore preview and summary, and the webhook form. All of it twice:
// in the app's own font (Open Sans, which it ships, with Noto Sans Arabic for Arabic), and in a deliberately wide
// one (DejaVu Sans, which the test serves, Arabic letters included) with WCAG 2.2 SC 1.4.12's text spacing. Neither
// depends on the fonts of the machine the suite runs on.

/**
 * A 255-character URL, the longest title Bitrix24 keeps (a longer one is dropped, commandlang.php): no space, no
 * hyphen, nowhere a browser would break a line by itself.
 */
const longTitle = `https://bots.example.com/bitrix24/handlers/${'a1B2c3D4e5'.repeat(30)}`.slice(0, 255)
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

type Lang = 'en' | 'ru' | 'de' | 'ar'
type Font = 'app' | 'wide'
/** Arabic lays everything out right to left: the same checks, mirrored. */
const langs: readonly Lang[] = ['en', 'ru', 'de', 'ar']
/** Browser widths, the host page's menu and margins around the frame: the last is the one the test acts at. */
const widths = [320, 360, 400, 934, 1000, 1280] as const

/** The screenshots the layout is looked at by: every state in English at 1000 px, the extremes in German. */
const pictured = (font: Font, lang: Lang, state: string, width: number) =>
  font === 'app'
    ? width === 1000 && (lang === 'en' || state === 'idle')
    : lang === 'de' && ((width === 320 && state !== 'removing') || (width === 934 && state === 'held'))
/** axe on every state in English, and on the list in each language: contrast and names change with neither width nor font. */
const axeChecked = (font: Font, lang: Lang, state: string) =>
  font === 'app' && (lang === 'en' || state === 'idle')

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
        LANG: langs.map((lang) => ({ LANGUAGE_ID: lang, TITLE: title, PARAMS: params })),
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

describe('in every language, font and width, nothing is cut, covered or sticking out', () => {
  const e2e = useE2e()

  for (const font of ['app', 'wide'] as const) {
    for (const lang of langs) {
      const fontName = font === 'app' ? 'Open Sans' : 'DejaVu Sans with WCAG text spacing'
      it(`in ${lang}, ${fontName}: rows, edit form, restore, webhook form at ${widths.join(', ')} px`, async () => {
        const t: Translate = translatorOf(lang)
        await e2e.sandbox.settings({ lang })
        await registerLongCommands(e2e.portalUrl)
        await e2e.sandbox.fault({
          method: 'imbot.v2.Command.list',
          mode: 'add-entry',
          entry: categorized,
          match: { botId: 1 },
          count: 100,
        })
        // The page's clock is installed before it loads; paused below, it holds the undo window open.
        const page = await e2e.newPage({ width: 1280, height: 900, locale: lang })
        if (font === 'wide') await wideFontWithTextSpacing(page.context(), e2e.appUrl)
        await page.goto(e2e.portalUrl)
        const frame = await appFrame(page)
        const helpdesk = frame.locator('section.bot').first()
        const rowOf = (command: string) =>
          helpdesk.locator('tr.row', { has: frame.getByText(command, { exact: true }) })
        const row = rowOf('/longtitle')
        await row.getByText(longTitle).waitFor()
        await helpdesk.getByText(longCategory).waitFor()
        await e2e.settle(page, frame)

        // The layout is judged in the font it is meant to be judged in, whatever the machine has.
        // In Arabic, the app's own font is Noto Sans Arabic after Open Sans; DejaVu Sans has Arabic letters too.
        const fonts = await loadedFonts(frame)
        expect(fonts).toEqual(
          expect.arrayContaining(
            font === 'app'
              ? [
                  'Open Sans 400',
                  'Open Sans 600',
                  ...(lang === 'ar' ? ['Noto Sans Arabic 400', 'Noto Sans Arabic 600'] : []),
                ]
              : [`${wideFontFamily} 400`, `${wideFontFamily} 700`],
          ),
        )

        const problems: string[] = []
        /** Checks the state at every width, from the narrowest, and leaves the page at the widest. */
        const check = async (state: string, { settled = true } = {}) => {
          // The state comes to rest first (nothing loading); then each width needs only the frame fitted again.
          if (settled) await e2e.settle(page, frame)
          for (const width of widths) {
            await page.setViewportSize({ width, height: 900 })
            await fitted(page, frame)
            problems.push(
              ...(await layoutProblems(frame)).map((problem) => `${state} at ${width} px: ${problem}`),
            )
            if (pictured(font, lang, state, width))
              await e2e.screenshot(page, `layout-${font}-${lang}-${state}-${width}`)
          }
          if (axeChecked(font, lang, state))
            expect(await seriousViolationsOnClock(page, frame), state).toEqual([])
        }
        await check('idle')
        if (lang === 'ar') {
          // The layout really mirrors: a row's actions are its cell furthest to the left, the table's inline end.
          const leftmost = await row.evaluate(
            (tr) =>
              [...tr.children].reduce((left, cell) =>
                cell.getBoundingClientRect().left < left.getBoundingClientRect().left ? cell : left,
              ).className,
          )
          expect(leftmost).toContain('cell--actions')
        }

        // The edit form of the command with the long name.
        const edit = await e2e.openDialog(
          frame,
          helpdesk.getByRole('button', { name: t('row.editLabel', { command: `/${longCommand}` }) }),
        )
        await edit.getByRole('button', { name: t('edit.save') }).waitFor()
        await check('edit')
        await edit.getByRole('button', { name: t('action.cancel') }).click()
        await edit.waitFor({ state: 'hidden' })

        // Restore from the app's own export, with a long command gone and a long title differing.
        const { json: exported } = await exportAll(page, frame, t('export.all'))
        const original = exported.commands.find(
          (command: { command: string }) => command.command === `/${longCommand}`,
        )
        // Titles as long as Bitrix24 keeps (255), and one longer, which the preview refuses and says why.
        exported.commands.push(
          { ...original, id: 99_001, command: `/${longCommand}_again`, title: longTitle },
          { ...original, id: 99_002, command: `/${longCommand}_too_long`, title: `${longTitle}_too_long` },
        )
        const differing = exported.commands.find(
          (command: { command: string }) => command.command === '/longtitle',
        )
        differing.title = `${longTitle.slice(0, 243)}_in_the_file`
        const restore = await restoreFrom(e2e, frame, t, exported, `layout-restore-${font}-${lang}`)
        // The gone command is picked; the differing one is picked by hand.
        await restore.getByRole('checkbox', { name: /^\/longtitle / }).check()
        // The export does not say whether the gone command is hidden (live lists do not): chosen for all at once.
        await restore
          .getByRole('button', { name: t('restore.unknown.allNo', { flag: t('flag.hidden') }) })
          .click()
        const confirm = restore.getByRole('button', { name: t('restore.confirm', { count: 2 }) })
        await confirm.waitFor()
        await check('restore-preview')
        await confirm.click()
        await e2e.runUntil(page, restore.getByRole('status', { name: t('restore.summary.title') }))
        await check('restore-summary')
        await restore.getByRole('button', { name: t('restore.close') }).click()
        await restore.waitFor({ state: 'hidden' })

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
        await check('removing', { settled: false })

        // The webhook form in a plain tab, in the browser's language, with a problem said under a field.
        // Its clock (the context's, paused above) flows again, so that its parts loaded on demand show.
        await page.clock.resume()
        const tab = await page.context().newPage()
        await tab.goto(e2e.appUrl)
        await tab.getByRole('heading', { name: t('webhook.title') }).waitFor()
        await tab.getByLabel(t('webhook.url')).fill(`http://${longCommand}.example.com/${longTitle}`)
        await tab.getByLabel(t('webhook.token')).fill('abc')
        await tab.getByRole('button', { name: t('webhook.connect') }).click()
        await tab.locator('.field__error').first().waitFor()
        await page.close()
        for (const width of widths) {
          await tab.setViewportSize({ width, height: 900 })
          problems.push(
            ...(await layoutProblems(tab.mainFrame())).map(
              (problem) => `webhook form at ${width} px: ${problem}`,
            ),
          )
          if (pictured(font, lang, 'webhook', width))
            await e2e.screenshot(tab, `layout-${font}-${lang}-webhook-${width}`)
        }

        expect(problems).toEqual([])
      })
    }
  }
})
