import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'
import { layoutProblems } from '../support/layout'

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
  const updates = async () =>
    (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.v2.Command.update')
  /** The words under a field: what its aria-describedby points at. */
  const describedBy = (field: ReturnType<Frame['getByLabel']>) =>
    field.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    )

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
    await rename.waitFor({ state: 'detached' })

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
      .toEqual({
        en: 'Open a support ticket',
        ru: 'Создать обращение',
        de: 'Support-Ticket öffnen',
      })
    expect((await commandNamed('ticket'))?.params).toMatchObject({ de: '<Betreff>' })
    await title.waitFor({ state: 'detached' })

    const hide = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /faq' }))
    await hide.getByRole('checkbox', { name: 'Hidden' }).check()
    await hide.getByRole('button', { name: 'Save' }).click()
    // The form closes once Bitrix24 confirmed the edit (its own "Hidden" is in the row while it is open).
    await hide.waitFor({ state: 'detached' })
    await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').waitFor()
    await expect.poll(async () => (await commandNamed('faq'))?.hidden).toBe(true)
    await e2e.settle(page, frame)
    expect(await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').count()).toBe(1)
    await e2e.screenshot(page, 'edit-done')
  })

  it('edits the title in the language the list is in, says which, and Bitrix24 keeps the other two', async () => {
    // A German user on an English portal: getLang() is the user's language, the list (and Bot.list's language) the
    // portal's. The form edits the English title; the Russian and German ones stay.
    await e2e.sandbox.settings({ lang: 'de', portalLanguage: 'en' })
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: '/help bearbeiten' }))
    await dialog
      .getByText(
        'Titel und Parameter in der Sprache Englisch (en), in der dieses Portal die Befehle auflistet. Titel in anderen Sprachen bleiben, wie sie sind.',
      )
      .waitFor()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-language')
    await dialog.getByLabel('Titel').fill('Get help')
    await dialog.getByRole('button', { name: 'Speichern' }).click()
    await helpdesk
      .getByRole('row', { name: /\/help/ })
      .getByText('Get help')
      .waitFor()
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(async () => (await commandNamed('help'))?.titles)
      .toEqual({
        en: 'Get help',
        ru: 'Показать справку',
        de: 'Hilfe anzeigen',
      })
    expect((await updates()).map((entry) => entry.params.fields)).toEqual([
      { title: { en: 'Get help' }, params: { en: '[topic]' } },
    ])
  })

  it('keeps a refused edit in the form, everything typed, the reason under the field at fault', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.update',
      code: 'COMMAND_ALREADY_EXISTS',
      description: 'Command with this name already exists',
    })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByLabel('Command').fill('helpdesk')
    await dialog.getByLabel('Title').first().fill('Help desk')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const trigger = dialog.getByLabel('Command')
    await expect.poll(() => trigger.getAttribute('aria-invalid')).toBe('true')
    expect(await describedBy(trigger)).toContain('This bot already has a command with that name.')
    expect(await trigger.inputValue()).toBe('helpdesk')
    expect(await dialog.getByLabel('Title').first().inputValue()).toBe('Help desk')
    await helpdesk.getByRole('rowheader', { name: '/help', exact: true }).waitFor()
    expect(await helpdesk.getByRole('rowheader', { name: '/helpdesk' }).count()).toBe(0)
    expect(await commandNamed('help')).toBeDefined()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-refused')
    // Fixed and saved again from the same form.
    await trigger.fill('helpdesk2')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await helpdesk.getByRole('rowheader', { name: '/helpdesk2' }).waitFor()
    await expect.poll(async () => (await commandNamed('helpdesk2'))?.titles.en).toBe('Help desk')
  })

  it('says an edit of a command removed in another tab was not saved, and why', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByLabel('Title').first().fill('Help me')

    // Meanwhile, in another tab, the same admin removes /help.
    const other = await open()
    const otherHelpdesk = other.frame.getByRole('region', { name: 'Helpdesk Bot' })
    const removal = await e2e.openDialog(
      other.frame,
      otherHelpdesk.getByRole('button', { name: 'Remove /help' }),
    )
    await removal.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(other.page)
    await otherHelpdesk.getByRole('rowheader', { name: '/help', exact: true }).waitFor({ state: 'detached' })
    await expect.poll(async () => (await commandNamed('help')) === undefined).toBe(true)

    await dialog.getByRole('button', { name: 'Save' }).click()
    const notice = helpdesk.getByRole('alert')
    await notice
      .getByText(
        'The change to /help was not saved: the command is no longer there. It was removed elsewhere, for example in another tab.',
      )
      .waitFor()
    await helpdesk.getByRole('rowheader', { name: '/help', exact: true }).waitFor({ state: 'detached' })
    expect(await frame.getByRole('dialog').count()).toBe(0)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-gone')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await notice.waitFor({ state: 'detached' })
  })

  it('says Bitrix24 did not save a title it answered success for, and never shows the edit as done', async () => {
    // A database failure while Im\Command re-adds the language rows: it swallows it, answers 200 with the command,
    // and the English row is gone (the sandbox's drop-titles fault). Only the list read again shows it.
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.fault({ method: 'imbot.v2.Command.update', mode: 'drop-titles', language: 'en' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    const title = dialog.getByLabel('Title').first()
    await title.fill('Get help')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true')
    expect(await describedBy(title)).toContain('Bitrix24 did not save the title in English (en).')
    expect(await title.inputValue()).toBe('Get help')
    expect(await updates()).toMatchObject([{ status: 200, fault: 'drop-titles' }])
    expect((await commandNamed('help'))?.titles).toEqual({ ru: 'Показать справку', de: 'Hilfe anzeigen' })
    // The row shows what the portal lists now (no English row: its first one left), never the edit.
    await helpdesk
      .getByRole('row', { name: /\/help/ })
      .getByText('Показать справку')
      .waitFor()
    expect(await helpdesk.getByText('Get help').count()).toBe(0)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-title-not-saved')
    // Saved again from the same form, once the portal stores it.
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await helpdesk
      .getByRole('row', { name: /\/help/ })
      .getByText('Get help')
      .waitFor()
    expect((await commandNamed('help'))?.titles).toEqual({
      ru: 'Показать справку',
      de: 'Hilfe anzeigen',
      en: 'Get help',
    })
  })

  it('refuses before sending what Bitrix24 would not keep, and works by keyboard alone', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await e2e.sandbox.clearLog()
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    const trigger = dialog.getByLabel('Command')
    await trigger.fill('ticket')
    await page.keyboard.press('Enter')
    await dialog.getByText('/ticket is already a command of this bot.').waitFor()
    await trigger.fill('with space')
    await page.keyboard.press('Enter')
    await dialog.getByText('A command cannot contain a space', { exact: false }).waitFor()
    // Over 255 characters Bitrix24 keeps the old trigger without a word: the form says by how much first.
    await trigger.fill('x'.repeat(260))
    await page.keyboard.press('Enter')
    await dialog.getByText('Too long by 5 characters', { exact: false }).waitFor()
    expect(await describedBy(trigger)).toContain('Too long by 5 characters')
    expect(await updates()).toEqual([])
    // Bitrix24 matches with case: /FAQ is a new trigger beside /faq.
    await trigger.fill('FAQ')
    await page.keyboard.press('Enter')
    await helpdesk.getByRole('rowheader', { name: '/FAQ', exact: true }).waitFor()
    await expect.poll(async () => (await commandNamed('FAQ')) !== undefined).toBe(true)
    expect(await commandNamed('faq')).toBeDefined()
  })

  /** The command the focused element's row shows, if the focus is on a row itself (not on a control in it). */
  const focusedRow = (frame: Frame) =>
    frame.evaluate(() => {
      const focused = document.activeElement
      return focused?.matches('tr[data-command-id]') ? focused.querySelector('th')?.textContent : null
    })
  /**
   * Starts counting the dialogs that open in the frame; returns a question to ask later. A form that opens and closes
   * again between two looks would be missed by a look (a held Enter on Edit opens it; the next, in its first field,
   * saves it unchanged and closes it).
   */
  const countOpenings = async (frame: Frame) => {
    const key = `__openings_${Math.random().toString(36).slice(2)}`
    await frame.evaluate((key) => {
      const open = () => document.querySelector('dialog[open]') !== null
      const state = { count: 0, open: open() }
      Object.assign(window, { [key]: state })
      new MutationObserver(() => {
        if (open() && !state.open) state.count++
        state.open = open()
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] })
    }, key)
    return () =>
      frame.evaluate((key) => (window as unknown as Record<string, { count: number }>)[key]?.count, key)
  }

  it('saves on Enter and puts the focus on the row: a second Enter, or a held one, does not open the form again', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByLabel('Title').first().fill('Get help')
    // A double Enter: the second press comes while Bitrix24 answers (the form ignores it), a third once it closed.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await helpdesk
      .getByRole('row', { name: /\/help/ })
      .getByText('Get help')
      .waitFor()
    expect(await focusedRow(frame)).toBe('/help')
    const openings = await countOpenings(frame)
    await page.keyboard.press('Enter')
    // Held down: the keyboard repeats.
    await page.keyboard.down('Enter')
    await page.keyboard.down('Enter')
    await page.keyboard.down('Enter')
    await page.keyboard.up('Enter')
    // A form opened again would be on screen by now (its code is loaded; React's reveal delay is 300 ms).
    await e2e.advance(page, 500)
    expect(await openings()).toBe(0)
    expect(await focusedRow(frame)).toBe('/help')
    expect(await updates()).toHaveLength(1)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-saved-focus-on-row')
  })

  it('gives the focus back to Edit after Cancel, where a held Enter does not open the form again', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    await dialog.getByRole('button', { name: 'Cancel' }).focus()
    await page.keyboard.down('Enter')
    await dialog.waitFor({ state: 'detached' })
    const openings = await countOpenings(frame)
    await page.keyboard.down('Enter')
    await page.keyboard.down('Enter')
    await page.keyboard.up('Enter')
    await e2e.advance(page, 500)
    expect(await openings()).toBe(0)
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit /help')
  })

  it('keeps Hidden set by an edit on the row when the list is read again (live portals do not list it)', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const hide = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /faq' }))
    await hide.getByRole('checkbox', { name: 'Hidden' }).check()
    await hide.getByRole('button', { name: 'Save' }).click()
    await hide.waitFor({ state: 'detached' })
    await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').waitFor()
    await expect.poll(async () => (await commandNamed('faq'))?.hidden).toBe(true)
    // Another edit of the same bot reads its list again: the list says nothing of `hidden`.
    const lists = async () =>
      (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.v2.Command.list').length
    const listsBefore = await lists()
    const rename = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /ticket' }))
    await rename.getByLabel('Title').first().fill('Open a support ticket')
    await rename.getByRole('button', { name: 'Save' }).click()
    await rename.waitFor({ state: 'detached' })
    await helpdesk
      .getByRole('row', { name: /\/ticket/ })
      .getByText('Open a support ticket')
      .waitFor()
    await expect.poll(lists).toBeGreaterThan(listsBefore)
    await e2e.settle(page, frame)
    expect(await helpdesk.getByRole('row', { name: /\/faq/ }).getByText('Hidden').count()).toBe(1)
  })

  it('refuses to clear the title of a command not marked hidden, saying why, and takes it for a hidden one', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Edit /help' }))
    const title = dialog.getByLabel('Title').first()
    await title.fill('')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true')
    expect(await describedBy(title)).toContain(
      'A command that is not hidden needs a title in English (en): without one, Bitrix24 would refuse to register it again, so it could not be restored from an export. Enter a title, or mark the command “Hidden”.',
    )
    expect(await title.evaluate((input) => input === document.activeElement)).toBe(true)
    expect(await updates()).toEqual([])
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'edit-title-required')
    // Hidden, it may go without one.
    await dialog.getByRole('checkbox', { name: 'Hidden' }).check()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    const row = helpdesk.getByRole('row', { name: /\/help/ })
    await row.getByText('No title').waitFor()
    expect(await row.getByText('Hidden').count()).toBe(1)
    await expect.poll(async () => (await commandNamed('help'))?.hidden).toBe(true)
    expect((await commandNamed('help'))?.titles.en).toBe('')
  })

  it('shows a title another tab saved once this tab comes back to the front', async () => {
    const first = await open()
    const helpdesk = first.frame.getByRole('region', { name: 'Helpdesk Bot' })
    // In a second tab, the admin gives /help a new title.
    const second = await open()
    await second.page.bringToFront()
    const otherHelpdesk = second.frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(
      second.frame,
      otherHelpdesk.getByRole('button', { name: 'Edit /help' }),
    )
    await dialog.getByLabel('Title').first().fill('Get help')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await commandNamed('help'))?.titles.en).toBe('Get help')

    // Half a minute later the admin is back in the first tab. (Headless Chromium keeps every page visible, so the
    // switch is told to the frame's document as a browser tells it: hidden, then visible again.)
    await e2e.advance(first.page, 31_000)
    await first.page.bringToFront()
    await first.frame.evaluate(() => {
      for (const state of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' })
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
      }
    })
    await helpdesk
      .getByRole('row', { name: /\/help/ })
      .getByText('Get help')
      .waitFor()
    expect(await helpdesk.getByText('Show help').count()).toBe(0)
  })

  it('fits the form, its notes and the reasons under its fields into a 320 px frame (Russian, the longest words)', async () => {
    await e2e.sandbox.settings({ lang: 'ru' })
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Изменить /help' }))
    await dialog.getByLabel('Команда').fill(`//${'x'.repeat(300)}`)
    await dialog.getByLabel('Параметры').first().fill('😀'.repeat(30))
    await dialog.getByLabel('Добавить язык').selectOption('br')
    await dialog.getByLabel('Параметры').nth(1).fill('[tópico]')
    await dialog.getByRole('button', { name: 'Сохранить' }).click()
    await dialog.getByText('Длиннее допустимого на 45 символов', { exact: false }).first().waitFor()
    await dialog.getByText('Битрикс24 удаляет две косые черты в начале', { exact: false }).waitFor()
    await dialog
      .getByText('Добавьте и название (язык: бразильский португальский (br))', { exact: false })
      .waitFor()
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 900 })
      // The portal page fits the frame to the app (a ResizeObserver, on no clock).
      await expect
        .poll(async () => {
          const app = await frame.evaluate(
            () => document.querySelector('.app')?.getBoundingClientRect().height,
          )
          const box = await page.locator('iframe').boundingBox()
          return app !== undefined && box !== null && Math.abs(box.height - app) <= 1
        })
        .toBe(true)
      expect(await layoutProblems(frame), `${width} px`).toEqual([])
      await e2e.screenshot(page, `edit-problems-ru-${width}`)
    }
    expect(await seriousViolations(frame)).toEqual([])
    expect(await updates()).toEqual([])
  })
})
