import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// Every state usable (issue 11): on screen, focused, patient, and free of small races. Each test drives time
// with the browser's clock, installed before the page loads and paused, so nothing here waits out a delay.

const rowheaders = (frame: Frame) => frame.getByRole('rowheader').allTextContents()

const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const active = document.activeElement
    return active
      ? `${active.tagName} ${active.getAttribute('aria-label') ?? active.textContent?.slice(0, 60)}`
      : ''
  })

describe('every state usable', () => {
  const e2e = useE2e()

  async function open({
    width = 1280,
    height = 800,
    waitForList = true,
  } = {}): Promise<{ page: Page; frame: Frame }> {
    const page = await e2e.newPage({ width, height })
    await page.goto(e2e.portalUrl)
    const frame = await appFrame(page)
    if (waitForList) {
      await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
      await e2e.settle(page, frame)
      await page.clock.pauseAt((await frame.evaluate(() => Date.now())) + 1000)
    }
    return { page, frame }
  }

  it('opens the confirmation and its message wholly inside the visible part of the page', async () => {
    const { page, frame } = await open({ height: 800 })
    const kb = frame.getByRole('button', { name: 'Remove /kb' })
    const box = await kb.boundingBox()
    // The row near the bottom edge of the window, as in the report (y≈768).
    await page.mouse.wheel(0, Math.max(0, (box?.y ?? 0) - 760))
    await expect.poll(async () => (await kb.boundingBox())?.y ?? 0).toBeGreaterThan(700)
    const dialog = await e2e.openDialog(frame, kb)
    await expect.poll(() => e2e.onScreen(page, dialog)).toBe(true)
    expect(await e2e.onScreen(page, dialog.getByRole('button', { name: 'Remove' }))).toBe(true)
    expect(await e2e.onScreen(page, dialog.getByRole('button', { name: 'Cancel' }))).toBe(true)
    await e2e.screenshot(page, 'usable-dialog-last-row')
    await dialog.getByRole('button', { name: 'Remove' }).click()
    const toast = frame.getByText('1 command will be removed.')
    await toast.waitFor()
    await expect.poll(() => e2e.onScreen(page, toast)).toBe(true)
    await e2e.screenshot(page, 'usable-toast-last-row')
  })

  it('opens a dialog where the page was scrolled without scrolling it, clear of its top bar, focus kept inside', async () => {
    const { page, frame } = await open({ height: 800 })
    await page.mouse.wheel(0, 500)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400)
    const scrolled = await page.evaluate(() => window.scrollY)
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /sla' }))
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
    await expect.poll(() => e2e.onScreen(page, dialog)).toBe(true)
    // Bitrix24's top bar (64 px, fixed) lies over the top of the window: nothing of the dialog under it.
    expect((await dialog.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(64)
    await e2e.screenshot(page, 'usable-dialog-scrolled')
    // A click on the dialog's text, then Shift+Tab and Tab: the focus goes round its buttons, never out.
    await dialog.getByRole('heading').click()
    for (const key of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab']) {
      await page.keyboard.press(key)
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
    }
  })

  it('grows a short frame to hold a tall dialog whole', async () => {
    const { page, frame } = await open({ height: 800 })
    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('sla')
    await frame.getByRole('rowheader').filter({ hasText: '/sla' }).waitFor()
    await expect.poll(async () => (await rowheaders(frame)).length).toBe(1)
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Edit /sla' }))
    // Three more languages make the form taller than the frame that holds one row.
    for (const language of ['de', 'fr', 'ua'])
      await dialog.getByLabel('Add another language').selectOption(language)
    const save = dialog.getByRole('button', { name: 'Save' })
    const frameBottom = async () => {
      const box = await page.locator('iframe').boundingBox()
      return (box?.y ?? 0) + (box?.height ?? 0)
    }
    await expect
      .poll(async () => {
        const box = await save.boundingBox()
        return (box?.y ?? Number.POSITIVE_INFINITY) + (box?.height ?? 0) <= (await frameBottom())
      })
      .toBe(true)
    await e2e.screenshot(page, 'usable-edit-short-frame')
  })

  it('keeps the focus inside the dialog, and holding Enter on Confirm never undoes', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /ticket' }))
    for (let press = 0; press < 4; press++) await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
    await dialog.getByRole('button', { name: 'Remove' }).focus()
    // Held down: the first press confirms, the repeats land on Undo, which must ignore them.
    await page.keyboard.down('Enter')
    await page.keyboard.down('Enter')
    await page.keyboard.down('Enter')
    await page.keyboard.up('Enter')
    expect(await helpdesk.getByText('Removing in a moment…').count()).toBe(1)
    await e2e.passUndoWindow(page)
    await helpdesk.getByText('/ticket', { exact: true }).waitFor({ state: 'detached' })
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals).toHaveLength(1)
  })

  it('never undoes on a quick second Enter after Confirm, and undoes on a deliberate one', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /kb' }))
    await dialog.getByRole('button', { name: 'Remove' }).focus()
    // Two separate presses a moment apart (a double tap): the second lands on Undo, which takes it for the first.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    const row = helpdesk.getByRole('row', { name: /\/kb/ })
    expect(await row.getByText('Removing in a moment…').count()).toBe(1)
    expect(await focused(frame)).toContain('Undo')
    // Later, Enter on Undo is meant: it undoes.
    await e2e.advance(page, 1000)
    await page.keyboard.press('Enter')
    await row.getByRole('button', { name: 'Remove /kb' }).waitFor()
    await e2e.passUndoWindow(page)
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals).toHaveLength(0)
  })

  it('puts the focus on the next row when a row leaves, and on the message when a removal fails', async () => {
    const { page, frame } = await open()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    const ordered = await rowheaders(frame)
    const next = ordered[ordered.indexOf('/status') + 1]
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /status' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await helpdesk.getByText('/status', { exact: true }).waitFor({ state: 'detached' })
    await expect.poll(() => focused(frame)).toBe(`BUTTON Remove ${next}`)

    const failing = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /sysinfo' }))
    await failing.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(page, helpdesk.getByRole('alert'))
    await expect.poll(() => focused(frame)).toMatch(/^DIV Bitrix24 could not delete this command/)

    // Dismiss leaves with the message: the focus stays in the row, on its Remove.
    await helpdesk.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => focused(frame)).toBe('BUTTON Remove /sysinfo')
    // So does Undo, on the row and in the message.
    const held = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /kb' }))
    await held.getByRole('button', { name: 'Remove' }).click()
    await helpdesk.getByRole('row', { name: /\/kb/ }).getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => focused(frame)).toBe('BUTTON Remove /kb')
    const toasted = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Remove /kb' }))
    await toasted.getByRole('button', { name: 'Remove' }).click()
    await frame.locator('.toast').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => focused(frame)).toBe('BUTTON Remove /kb')
    await e2e.passUndoWindow(page)
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'kb')).toBe(true)
  })

  it('keeps the focus in the selection bar after the Undo of a removal of many', async () => {
    const { frame } = await open()
    for (const command of ['/assign', '/close']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await frame.locator('.bulk').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => focused(frame)).toMatch(/^BUTTON Remove selected/)
  })

  it('moves the focus to the summary after a removal of many', async () => {
    const { page, frame } = await open()
    for (const command of ['/assign', '/close']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary)
    await expect.poll(() => focused(frame)).toMatch(/^SECTION Removal finished/)
  })

  it('announces a failed removal of many once, in its summary, not once per row', async () => {
    const { page, frame } = await open()
    await e2e.sandbox.fault({ method: 'imbot.command.unregister', code: 'WRONG_REQUEST', count: 3 })
    for (const command of ['/assign', '/close', '/escalate']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary)
    expect(await summary.textContent()).toContain('3 failed')
    await expect
      .poll(() => frame.getByText('Bitrix24 could not delete this command.', { exact: false }).count())
      .toBe(4)
    expect(await frame.getByRole('alert').count()).toBe(0)
  })

  it('holds a confirmation once however it is activated, and keeps a selection made meanwhile', async () => {
    const { page, frame } = await open()
    for (const command of ['/assign', '/close', '/escalate']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    // Activated three times in one moment (a script): held and sent once.
    await dialog.evaluate((element) => {
      const confirm = [...element.querySelectorAll('button')].find(
        (button) => button.textContent === 'Remove',
      )
      confirm?.click()
      confirm?.click()
      confirm?.click()
    })
    // During the undo window the user selects another command: that selection stands afterwards.
    await frame.getByRole('checkbox', { name: 'Select /faq' }).check()
    await e2e.passUndoWindow(page)
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary)
    // The user moved on to another row meanwhile: the focus stays with them.
    expect(await focused(frame)).toBe('INPUT Select /faq')
    expect(await summary.textContent()).toContain('3 removed')
    expect(await frame.getByRole('checkbox', { name: 'Select /faq' }).isChecked()).toBe(true)
    await frame.getByText('1 selected').waitFor()
    const log = await e2e.sandbox.log()
    expect(log.filter((entry) => entry.method === 'imbot.command.unregister')).toHaveLength(3)
  })

  it('says a long request is still waiting, and lets the user stop waiting and try again', async () => {
    await e2e.sandbox.settings({ latencyMs: 30_000 })
    const { page, frame } = await open({ waitForList: false })
    await frame.getByText('Loading commands…').waitFor()
    await e2e.advance(page, 10_000)
    await frame.getByText('the app is still waiting', { exact: false }).waitFor()
    await e2e.screenshot(page, 'usable-still-waiting')
    await frame.getByRole('button', { name: 'Stop waiting' }).click()
    await frame.getByText('You stopped waiting for Bitrix24.').waitFor()
    await e2e.sandbox.settings({ latencyMs: 0 })
    await frame.getByRole('button', { name: 'Try again' }).click()
    await frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help').waitFor()
  })

  it('says once, in the selection bar, that a removal of many is still waiting, and stops waiting for all of it', async () => {
    const { page, frame } = await open()
    for (const command of ['/assign', '/close', '/escalate']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    await e2e.sandbox.settings({ latencyMs: 30_000 })
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.advance(page, 10_000)
    await frame.locator('.bulk').getByText('the app is still waiting', { exact: false }).waitFor()
    // Once for the removal, not once a row.
    expect(await frame.getByText('the app is still waiting', { exact: false }).count()).toBe(1)
    expect(await frame.getByRole('button', { name: 'Stop waiting' }).count()).toBe(1)
    await frame.getByRole('button', { name: 'Stop waiting' }).click()
    for (const command of ['/assign', '/close', '/escalate']) {
      await frame
        .getByRole('row', { name: new RegExp(command) })
        .getByText('Still being removed', { exact: false })
        .waitFor()
    }
    expect(await frame.getByRole('button', { name: 'Remove /assign' }).count()).toBe(0)
  })

  it('takes a handshake that answers after the time-out', async () => {
    await e2e.sandbox.settings({ answerHandshake: false })
    const { page, frame } = await open({ waitForList: false })
    await e2e.advance(page, 6500)
    await frame.getByText('Bitrix24 did not answer').waitFor()
    await e2e.sandbox.settings({ answerHandshake: true })
    // The host page asks its portal again each second (on the same clock) and then answers the handshake.
    await e2e.runUntil(page, frame.getByRole('region', { name: 'Helpdesk Bot' }).getByText('/help'))
    expect(await frame.getByText('Bitrix24 did not answer').count()).toBe(0)
  })
})
