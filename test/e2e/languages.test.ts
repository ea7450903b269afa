import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type Language, languages, languageTag } from '../../src/i18n'
import { readDictionary } from '../../src/i18n/messages/vite-plugin'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'
import { fitted, layoutProblems, loadedFonts } from '../support/layout'
import { translatorOf } from '../support/messages'
import { exportAll, restoreFrom } from '../support/restore-e2e'

// The app in each of Bitrix24's 20 languages, as a user on a portal in that language sees it: the page says its
// language (and Arabic its direction), no English of the app's is left in any state a user meets, nothing is cut,
// covered or sticking out, at the default width and at 360 px, and the text shows in the fonts the app ships.

/** The Noto family each script that Open Sans lacks is shown in (src/ui/script-fonts/vite-plugin.ts). */
const scriptFamily: Partial<Record<Language, string>> = {
  ar: 'Noto Sans Arabic',
  th: 'Noto Sans Thai',
  in: 'Noto Sans Devanagari',
  ja: 'Noto Sans JP',
  sc: 'Noto Sans SC',
  tc: 'Noto Sans TC',
}
const widths = [1280, 360] as const
/** Bitrix24's own words for the refused removal (error_description): the portal's text, not the app's. */
const refusal = "Command can't be deleted"

const pluralSuffix = /_(zero|one|two|few|many|other)$/
/** Letters and digits of the Latin script: an English word found next to one is part of a longer word. */
const latinBoundary = '[\\p{Script=Latin}\\p{N}_]'
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const asWord = (text: string) =>
  new RegExp(`(?<!${latinBoundary})${escapeRegExp(text)}(?!${latinBoundary})`, 'u')
const spaced = (text: string) => text.replace(/\s+/g, ' ')

/**
 * The English texts that must not show on a portal in `lang`: each English message, and each piece of one between
 * its placeholders, trimmed of spaces and punctuation, whose key the language words differently (any of its plural
 * forms), with at least two letters, and that is nowhere in the language's own dictionary (a word such as "JSON" or
 * "Bitrix24" that the language keeps).
 */
function englishLeftovers(lang: Language): string[] {
  const english = readDictionary('en')
  const own = readDictionary(lang)
  const ownForms = new Map<string, string[]>()
  for (const [key, text] of Object.entries(own)) {
    const base = key.replace(pluralSuffix, '')
    ownForms.set(base, [...(ownForms.get(base) ?? []), spaced(text)])
  }
  const ownTexts = Object.values(own).map(spaced)
  const leftovers = new Set<string>()
  for (const [key, message] of Object.entries(english)) {
    if (ownForms.get(key.replace(pluralSuffix, ''))?.includes(spaced(message))) continue
    for (const piece of spaced(message).split(/\{\{\w+\}\}/)) {
      const text = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      if ((text.match(/\p{L}/gu) ?? []).length < 2) continue
      const word = asWord(text)
      if (ownTexts.some((own) => word.test(own))) continue
      leftovers.add(text)
    }
  }
  return [...leftovers]
}

/**
 * What the frame shows a user: the text of every element rendered (a visually hidden one too, which a screen reader
 * reads), whole and with its inline children, and the aria-label, aria-description, placeholder, title and alt of
 * each, the options of a select and the value of a button input. Text a closed <details> holds is not shown.
 */
function shownTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const texts: string[] = []
    for (const element of document.body.querySelectorAll('*')) {
      if (element.matches('script, style, template')) continue
      if (!element.checkVisibility({ visibilityProperty: true })) continue
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      )
      if (ownText || element instanceof HTMLSelectElement) texts.push(element.textContent ?? '')
      for (const name of ['aria-label', 'aria-description', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name)
        if (value) texts.push(value)
      }
      if (element instanceof HTMLInputElement && /^(button|submit|reset)$/.test(element.type))
        texts.push(element.value)
    }
    return texts
  })
}

/**
 * The commands ("/help") the frame shows that read backwards: the slash drawn after the name ("help/"), as a command
 * does in a right-to-left line unless it is set left to right.
 */
function backwardCommands(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const backward = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      if (!node.parentElement?.checkVisibility({ visibilityProperty: true })) continue
      for (const match of text.matchAll(/(?<![\w/])\/\w+/g)) {
        const box = (offset: number) => {
          const range = document.createRange()
          range.setStart(node, offset)
          range.setEnd(node, offset + 1)
          return range.getBoundingClientRect()
        }
        const slash = box(match.index)
        const next = box(match.index + 1)
        // Only where both are drawn on one line (a wrapped line has nothing to compare).
        if (slash.width === 0 || Math.abs(slash.top - next.top) > 2) continue
        if (slash.left > next.left) backward.add(`"${match[0]}" in "${text.trim().slice(0, 80)}"`)
      }
    }
    return [...backward]
  })
}

describe('in each of the 20 languages: the page says it, speaks it throughout, and lays it out', () => {
  const e2e = useE2e()

  for (const lang of languages) {
    it(`${lang} (${languageTag(lang)}): list, edit form, restore preview, removal confirmation, held, error`, async () => {
      const t = translatorOf(lang)
      // The user's language, and so the portal's (its site language follows it unless set).
      await e2e.sandbox.settings({ lang })
      const page = await e2e.newPage({ width: widths[0], height: 900, locale: languageTag(lang) })
      // What the user or the seed data made (bots, commands, titles, hints, categories) and Bitrix24's own words
      // are no words of the app's, whatever language they are in.
      const state = await e2e.sandbox.state()
      const gone = { command: '/help_again', title: 'Show the help again' }
      const theirs = [
        refusal,
        gone.command,
        gone.title,
        ...state.bots.map((bot) => bot.name),
        ...state.commands.flatMap((command) => [
          `/${command.command}`,
          command.command,
          command.category,
          ...Object.values(command.titles),
          ...Object.values(command.params),
        ]),
      ]
        .filter((text) => text.trim() !== '')
        .sort((a, b) => b.length - a.length)
      const leftovers =
        lang === 'en' ? [] : englishLeftovers(lang).map((text) => ({ text, word: asWord(text) }))

      await page.goto(e2e.portalUrl)
      const frame = await appFrame(page)
      const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
      const help = helpdesk.getByRole('rowheader', { name: '/help' })
      await help.waitFor()
      await e2e.settle(page, frame)

      // The page says its language and direction, and its text shows in the fonts the app ships.
      expect(
        await frame.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        })),
      ).toEqual({ lang: languageTag(lang), dir: lang === 'ar' ? 'rtl' : 'ltr' })
      const fonts = await loadedFonts(frame)
      expect(fonts).toContain('Open Sans 400')
      const family = scriptFamily[lang]
      if (family) expect(fonts).toContain(`${family} 400`)

      /** Each English text found, in what, and where (state and width). */
      const english = new Map<string, string[]>()
      const problems: string[] = []
      /** Checks the state at each width, from the default one, and leaves the page at the default width. */
      const check = async (name: string) => {
        for (const width of widths) {
          await page.setViewportSize({ width, height: 900 })
          await fitted(page, frame)
          problems.push(
            ...(await layoutProblems(frame)).map((problem) => `${name} at ${width} px: ${problem}`),
          )
          problems.push(
            ...(await backwardCommands(frame)).map(
              (command) => `${name} at ${width} px: ${command} reads backwards`,
            ),
          )
          if (leftovers.length === 0) continue
          for (let text of await shownTexts(frame)) {
            text = spaced(text)
            for (const made of theirs) text = text.replaceAll(made, '\u241f')
            for (const leftover of leftovers) {
              if (!leftover.word.test(text)) continue
              const found = `"${leftover.text}" in "${text}"`
              english.set(found, [...(english.get(found) ?? []), `${name} at ${width} px`])
            }
          }
        }
        await page.setViewportSize({ width: widths[0], height: 900 })
        await fitted(page, frame)
      }

      await check('list')

      // The edit form of /help.
      const edit = await e2e.openDialog(
        frame,
        helpdesk.getByRole('button', { name: t('row.editLabel', { command: '/help' }) }),
      )
      await edit.getByRole('button', { name: t('edit.save') }).waitFor()
      await check('edit form')
      await edit.getByRole('button', { name: t('action.cancel') }).click()
      await edit.waitFor({ state: 'hidden' })

      // The restore preview of the app's own export, with one command gone and one title differing.
      const { json: exported } = await exportAll(page, frame, t('export.all'))
      const original = exported.commands.find((command: { command: string }) => command.command === '/help')
      exported.commands.push({ ...original, id: 99_001, command: gone.command, title: gone.title })
      original.title = `${original.title} (edited)`
      theirs.unshift(original.title)
      const restore = await restoreFrom(e2e, frame, t, exported, `languages-restore-${lang}`)
      await restore.getByRole('checkbox', { name: /^\/help / }).check()
      await restore
        .getByRole('button', { name: t('restore.unknown.allNo', { flag: t('flag.hidden') }) })
        .waitFor()
      await restore.getByRole('button', { name: t('restore.confirm', { count: 2 }) }).waitFor()
      await check('restore preview')
      await restore.getByRole('button', { name: t('action.cancel') }).click()
      await restore.waitFor({ state: 'hidden' })

      // The removal confirmation of /help.
      const confirm = await e2e.openDialog(
        frame,
        helpdesk.getByRole('button', { name: t('row.removeLabel', { command: '/help' }) }),
      )
      await check('removal confirmation')

      // Confirmed, the removal is held with Undo for as long as the paused clock keeps the window open.
      await page.clock.pauseAt((await frame.evaluate(() => Date.now())) + 1000)
      await confirm.getByRole('button', { name: t('dialog.confirm') }).click()
      await helpdesk
        .getByRole('row')
        .filter({ has: frame.getByRole('rowheader', { name: '/help', exact: true }) })
        .getByRole('button', { name: t('toast.undo') })
        .waitFor()
      await check('removal held')

      // The removal fails: Bitrix24 refuses it, the row says so with its recovery and Details (opened).
      await e2e.sandbox.fault({
        method: 'imbot.command.unregister',
        code: 'WRONG_REQUEST',
        description: refusal,
      })
      await e2e.passUndoWindow(page)
      const alert = helpdesk.getByRole('alert')
      await e2e.runUntil(page, alert.getByRole('button', { name: t('action.retry') }))
      await alert.locator('summary', { hasText: t('error.details') }).click()
      await alert.getByText(refusal).waitFor()
      await check('error')

      expect(
        [...english].map(([found, where]) => `${found}: ${[...new Set(where)].join(', ')}`),
        'English left on the page',
      ).toEqual([])
      expect(problems, 'layout problems').toEqual([])
    })
  }
})
