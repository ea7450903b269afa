import type { Frame, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'
import { layoutProblems } from '../support/layout'
import { translatorOf } from '../support/messages'
import { exportAll, holdRegisterBatch, openRestore } from '../support/restore-e2e'

// A restore on a slow portal can be stopped at any time between batches, says what it waits for, and its summary is
// what the portal holds afterwards.

describe('a restore stopped midway', () => {
  const e2e = useE2e()

  /**
   * 150 commands of Helpdesk Bot exported, then gone (the sandbox reset to its seed); the restore dialog open on the
   * file in a new page, every gone command picked, a little latency on every request.
   */
  async function readyToRestore() {
    await e2e.sandbox.seed({ botId: 1, commands: 150 })
    const first = await e2e.openPortal()
    await first.frame.getByRole('rowheader', { name: '/assign' }).waitFor()
    const { path } = await exportAll(first.page, first.frame)
    await e2e.sandbox.reset()
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/assign' }).waitFor()
    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog
      .getByRole('region', { name: 'Helpdesk Bot' })
      .getByText(/Gone: 150/)
      .waitFor()
    return { page, frame, dialog }
  }

  const registers = async () =>
    (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.v2.Command.register').length

  /** Each line of the summary against the portal: "restored" is there, "not sent" is not. */
  async function summaryMatchesPortal(summary: Locator) {
    const stored = new Set((await e2e.sandbox.state()).commands.map((command) => `/${command.command}`))
    // The lines of commands (the headline's counts are list items too, without a command), read at once.
    const lines = await summary.evaluate((element) =>
      [...element.querySelectorAll('li')].flatMap((line) => {
        const code = line.querySelector(':scope > code')
        return code ? [{ trigger: code.textContent ?? '', text: line.textContent ?? '' }] : []
      }),
    )
    let restored = 0
    let notSent = 0
    for (const { trigger, text } of lines) {
      if (text.includes('not sent: you stopped the restore first')) {
        notSent++
        expect(stored.has(trigger), `${trigger} is said not sent`).toBe(false)
      } else {
        expect(text).toMatch(/: restored: /)
        restored++
        expect(stored.has(trigger), `${trigger} is said restored`).toBe(true)
      }
    }
    return { restored, notSent }
  }

  const focused = (frame: Frame) =>
    frame.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)

  it('says after ten seconds that it still waits, and Stop waiting ends it after the batch on its way: the summary is the portal', async () => {
    const { page, frame, dialog } = await readyToRestore()
    // The preview took the focus from the file picker: its heading, inside the dialog.
    await expect.poll(() => focused(frame)).toBe('H3 The file compared with the bots here now')
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await e2e.sandbox.settings({ latencyMs: 200 })
    const second = await holdRegisterBatch(page.context(), 2)
    await dialog.getByRole('button', { name: 'Restore 150 commands' }).click()
    // The first 50 are restored; the second batch has left and Bitrix24 has not answered it.
    await dialog.getByText('Restoring 50 of 150…').waitFor()
    await expect.poll(second.isHeld).toBe(true)
    // Ten seconds pass on the page's clock, a second at a time; the request stays held, so the notice, once there,
    // stays until the test acts (when it comes, to the second, is the component test's).
    const notice = dialog.getByText('Bitrix24 has not answered yet; the app is still waiting.', {
      exact: false,
    })
    for (let second = 0; second < 15 && (await notice.count()) === 0; second++) await e2e.advance(page, 1000)
    await notice.waitFor()
    expect(await notice.textContent()).toContain('If you stop waiting, nothing more is sent')
    expect(await dialog.getByText(/^\d+ sec elapsed · about \d+ sec left$/).count()).toBe(1)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-still-waiting')
    await dialog.getByRole('button', { name: 'Stop waiting' }).click()
    await dialog.getByText('Stopping: nothing more is sent.', { exact: false }).waitFor()
    second.release()

    const summary = dialog.getByRole('status', { name: 'Restore stopped' })
    await e2e.runUntil(page, summary)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('100 restored')
    expect(text).toContain('50 not sent')
    expect(await summaryMatchesPortal(summary)).toEqual({ restored: 100, notSent: 50 })
    expect(await registers()).toBe(100)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-stopped-summary')

    // What was not sent can be sent now, and then all of it is there.
    await dialog.getByRole('button', { name: 'Restore the 50 not sent' }).click()
    const finished = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, finished.getByText('150 restored'))
    expect(await registers()).toBe(150)
  })

  it('is cancelled between batches by Cancel: the batch on its way ends, nothing more is ever sent', async () => {
    const { page, dialog } = await readyToRestore()
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    const second = await holdRegisterBatch(page.context(), 2)
    await dialog.getByRole('button', { name: 'Restore 150 commands' }).click()
    await dialog.getByText('Restoring 50 of 150…').waitFor()
    await expect.poll(second.isHeld).toBe(true)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.getByText('Stopping: nothing more is sent.', { exact: false }).waitFor()
    second.release()
    const summary = dialog.getByRole('status', { name: 'Restore stopped' })
    await e2e.runUntil(page, summary)
    expect(await summaryMatchesPortal(summary)).toEqual({ restored: 100, notSent: 50 })
    // Long after, still nothing more: the third batch never left.
    await e2e.advanceInSteps(page, 60_000, 10_000)
    expect(await registers()).toBe(100)
    expect(await summaryMatchesPortal(summary)).toEqual({ restored: 100, notSent: 50 })
  })

  it('stops at Escape and closes at the second: the page then lists what was restored', async () => {
    const { page, frame, dialog } = await readyToRestore()
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    const second = await holdRegisterBatch(page.context(), 2)
    await dialog.getByRole('button', { name: 'Restore 150 commands' }).click()
    await dialog.getByText('Restoring 50 of 150…').waitFor()
    await expect.poll(second.isHeld).toBe(true)
    // The focus went to the progress when the run began (the button pressed is disabled now).
    expect(await focused(frame)).toMatch(/^DIV Restoring 50 of 150…/)
    await page.keyboard.press('Escape')
    await dialog.getByText('Stopping: nothing more is sent.', { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => frame.getByRole('dialog').count()).toBe(0)
    second.release()
    await e2e.runUntil(page, frame.getByText('112 commands'))
    expect(await registers()).toBe(100)
  })
})

describe('Disconnect during a restore through a webhook', () => {
  const e2e = useE2e()

  it('is offered in the dialog while the restore runs, forgets the webhook, and nothing more reaches the portal', async () => {
    const info = (await (await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl))).json()) as {
      url: string
      tokens: string[]
    }
    const page: Page = await e2e.newPage()
    await page.goto(e2e.appUrl)
    await page.getByLabel('Inbound webhook URL').fill(info.url)
    await page.getByLabel('Bot token (CLIENT_ID)').fill(info.tokens[0] ?? '')
    await page.getByRole('button', { name: 'Connect' }).click()
    const frame = page.mainFrame()
    await frame.getByRole('rowheader', { name: '/runbook' }).waitFor()
    const { path } = await exportAll(page, frame)
    // Gone: the webhook bot's commands, as the file has them; a reset brings them back, so remove them by hand.
    const state = await e2e.sandbox.state()
    const own = state.commands.filter((command) => command.owner === 'webhook')
    expect(own.length).toBeGreaterThan(1)
    await frame.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    const remove = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    await remove.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(page, frame.getByRole('status').filter({ hasText: 'Removal finished' }))

    // Every batch of registers is held: the restore waits on its first.
    let registerBatches = 0
    await page.context().route(
      (url) => url.pathname.includes('/batch'),
      async (route) => {
        if (route.request().postData()?.includes('imbot.v2.Command.register')) {
          registerBatches++
          return
        }
        await route.continue()
      },
    )
    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: /^Restore \d+ commands$/ }).click()
    await expect.poll(() => registerBatches).toBe(1)
    await dialog.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByLabel('Inbound webhook URL').waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await e2e.advanceInSteps(page, 30_000, 10_000)
    expect(registerBatches).toBe(1)
    expect((await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.v2.Command.register')).toEqual(
      [],
    )
  })
})

describe('a restore waiting and stopped, in a narrow frame', () => {
  const e2e = useE2e()

  for (const lang of ['ru', 'de'] as const) {
    it(`fits 320 px in ${lang}: the progress, the time, still waiting, stopping; nothing cut or sticking out`, async () => {
      const t = translatorOf(lang)
      await e2e.sandbox.settings({ lang })
      await e2e.sandbox.seed({ botId: 1, commands: 150 })
      const first = await e2e.openPortal({ width: 320 })
      await first.frame.getByRole('rowheader', { name: '/assign' }).waitFor()
      const { path } = await exportAll(first.page, first.frame, t('export.all'))
      await e2e.sandbox.reset()
      await e2e.sandbox.settings({ lang })
      const { page, frame } = await e2e.openPortal({ width: 320 })
      await frame.getByRole('rowheader', { name: '/assign' }).waitFor()
      const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: t('restore.open') }))
      await dialog.getByLabel(t('restore.choose')).setInputFiles(path)
      await dialog
        .getByRole('button', { name: t('restore.unknown.allNo', { flag: t('flag.hidden') }) })
        .click()
      const second = await holdRegisterBatch(page.context(), 2)
      await dialog.getByRole('button', { name: t('restore.confirm', { count: 150 }) }).click()
      await dialog.getByText(t('restore.progress', { done: 50, total: 150 })).waitFor()
      await expect.poll(second.isHeld).toBe(true)
      const notice = dialog.getByText(t('waiting.still'), { exact: false })
      for (let s = 0; s < 15 && (await notice.count()) === 0; s++) await e2e.advance(page, 1000)
      await notice.waitFor()
      await dialog.getByText(t('restore.timeLeft', { time: '' }).trim(), { exact: false }).waitFor()
      await e2e.settle(page, frame)
      expect(await layoutProblems(frame)).toEqual([])
      await e2e.screenshot(page, `restore-still-waiting-320-${lang}`)
      await dialog.getByRole('button', { name: t('waiting.stop') }).click()
      await dialog.getByText(t('restore.stopping')).waitFor()
      await e2e.settle(page, frame)
      expect(await layoutProblems(frame)).toEqual([])
      second.release()
      await e2e.runUntil(page, dialog.getByRole('status', { name: t('restore.summary.stoppedTitle') }))
    })
  }
})
