import { readFileSync } from 'node:fs'
import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CommandsExport } from '../../src/shared/command/on-demand/export-format'
import { seriousViolations } from '../support/axe'
import { undoWindowMs, useE2e } from '../support/e2e-context'

const rowheaders = (frame: Frame) => frame.getByRole('rowheader').allTextContents()

describe('removing many, undo, and export', () => {
  const e2e = useE2e()

  it('removes 120 selected commands in exactly 3 batch requests, with progress and a summary', async () => {
    await e2e.sandbox.seed({ botId: 1, commands: 120 })
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('Generated command')
    await expect.poll(async () => (await rowheaders(frame)).length).toBe(120)
    await frame.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    await frame.getByText('120 selected').waitFor()
    // A little latency, as a real portal has, so that the progress is there to be seen.
    await e2e.sandbox.settings({ latencyMs: 400 })
    await e2e.sandbox.clearLog()

    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    expect(await frame.getByRole('dialog', { name: 'Remove 120 commands?' }).count()).toBe(1)
    // The frame is thousands of pixels tall: the dialog opens where the user is, not in the frame's middle.
    expect(await e2e.onScreen(page, dialog)).toBe(true)
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await frame.getByRole('progressbar').waitFor({ timeout: 15_000 })
    await e2e.screenshot(page, 'bulk-progress')
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary)
    expect(await summary.textContent()).toContain('120 removed')
    await e2e.screenshot(page, 'bulk-summary')

    const log = await e2e.sandbox.log()
    const requests = log.filter((entry) => entry.inBatch === undefined)
    const removalBatches = requests.filter((entry) =>
      log.some((sub) => sub.inBatch === entry.seq && sub.method === 'imbot.command.unregister'),
    )
    expect(removalBatches).toHaveLength(3)
    expect(removalBatches.map((batch) => log.filter((sub) => sub.inBatch === batch.seq).length)).toEqual([
      50, 50, 20,
    ])
    expect(requests.filter((entry) => entry.method === 'imbot.command.unregister')).toEqual([])
    // The list is read again once at the end, not once per command (named, so that a failure says what was sent).
    const others = requests
      .filter((entry) => !removalBatches.includes(entry))
      .map((entry) => `${entry.method} ${JSON.stringify(entry.params)}`)
    expect(others, others.join('\n')).toHaveLength(1)
    await expect.poll(() => rowheaders(frame)).toEqual([])
    expect((await e2e.sandbox.state()).commands.filter((command) => command.botId === 1)).toHaveLength(12)
  })

  it('counts failures by reason, and exactly the failed rows remain, selected, with their messages', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const ids = new Map(
      (await e2e.sandbox.state()).commands.map((command) => [`/${command.command}`, command.id]),
    )
    await e2e.sandbox.fault({
      method: 'imbot.command.unregister',
      code: 'INTERNAL_SERVER_ERROR',
      match: { COMMAND_ID: ids.get('/kb') ?? 0 },
    })
    for (const command of ['/help', '/kb', '/sysinfo', '/quote', '/deal', '/sla']) {
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    }
    await frame.getByRole('button', { name: 'Remove selected' }).click()
    await frame
      .getByRole('dialog', { name: 'Remove 6 commands?' })
      .getByRole('button', { name: 'Remove' })
      .click()
    await e2e.passUndoWindow(page)
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('3 removed')
    expect(text).toContain('3 failed')
    expect(text).toContain('Bitrix24 had an internal error. Try again in a moment. (1)')
    expect(text).toContain(
      'Bitrix24 could not delete this command. Try again; if it keeps failing, contact Bitrix24 support. (1)',
    )
    expect(text).toContain(
      'This command was registered by another application. It can only be removed from that application. (1)',
    )

    // The portal's commands of this application's bots (the seed has bots of another application and of a
    // webhook too, which the app does not list).
    const state = await e2e.sandbox.state()
    const appId = state.bots.find((bot) => bot.name === 'Helpdesk Bot')?.appId
    const ownBots = new Set(state.bots.filter((bot) => bot.appId === appId).map((bot) => bot.id))
    await expect
      .poll(async () => (await rowheaders(frame)).sort())
      .toEqual(
        state.commands
          .filter((command) => ownBots.has(command.botId))
          .map((command) => `/${command.command}`)
          .sort(),
      )
    for (const command of ['/help', '/deal', '/sla']) {
      expect(await frame.getByRole('rowheader', { name: command }).count()).toBe(0)
    }
    for (const [command, words] of [
      ['/kb', 'internal error'],
      ['/sysinfo', 'could not delete this command'],
      ['/quote', 'registered by another application'],
    ] as const) {
      expect(await frame.getByRole('checkbox', { name: `Select ${command}` }).isChecked()).toBe(true)
      const row = frame.getByRole('row', { name: new RegExp(command) })
      // Since 0393ab7 the summary announces the failures of a removal of many once: the rows say theirs
      // without role=alert.
      const notice = row.locator('xpath=following-sibling::tr[1]').locator('.notice__message')
      expect(await notice.textContent()).toContain(words)
    }
    await frame.getByText('3 selected').waitFor()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'bulk-failures')
  })

  it('undo within the window sends nothing and keeps the rows; letting it pass removes them', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const helpId = (await e2e.sandbox.state()).commands.find((command) => command.command === 'help')?.id
    await e2e.sandbox.clearLog()

    await (await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /help' })))
      .getByRole('button', { name: 'Remove' })
      .click()
    const undo = frame.getByRole('row', { name: /\/help/ }).getByRole('button', { name: 'Undo' })
    await undo.waitFor()
    // Focus moved to Undo, where the user was: Enter undoes.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Undo')
    await e2e.screenshot(page, 'undo-window')
    // A moment later (a second Enter at once would be the confirming press again, which Undo ignores).
    await e2e.advance(page, 1000)
    await page.keyboard.press('Enter')
    await frame.getByText('Nothing was removed.').waitFor()

    for (const command of ['/faq', '/kb'])
      await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
    await (await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' })))
      .getByRole('button', { name: 'Remove' })
      .click()
    await frame.getByText('2 commands will be removed.').waitFor()
    // Focus is on the bulk bar's Undo.
    expect(await frame.evaluate(() => document.activeElement?.closest('.bulk') !== null)).toBe(true)
    // Halfway through the window (on the browser's clock) the removal is still held and can be undone.
    await e2e.advance(page, undoWindowMs / 2)
    expect(await frame.getByText('2 commands will be removed.').count()).toBe(1)
    expect(await frame.evaluate(() => document.activeElement?.closest('.bulk') !== null)).toBe(true)
    await page.keyboard.press('Enter')
    // Well past the end of the window: an undone removal never goes out.
    await e2e.advance(page, 2 * undoWindowMs)
    expect(await e2e.sandbox.log()).toEqual([])
    expect(await frame.getByText('Removing…').count()).toBe(0)
    for (const command of ['/help', '/faq', '/kb'])
      expect(await frame.getByRole('rowheader', { name: command }).count()).toBe(1)

    await (await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /help' })))
      .getByRole('button', { name: 'Remove' })
      .click()
    await e2e.passUndoWindow(page)
    await frame.getByText('/help was removed.').waitFor({ timeout: 15_000 })
    // Only this last removal went out, none of the undone ones.
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals.map((entry) => entry.params)).toEqual([{ COMMAND_ID: helpId }])
  })

  it('closing the page during the window removes nothing', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    await (await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove /help' })))
      .getByRole('button', { name: 'Remove' })
      .click()
    await frame.getByRole('button', { name: 'Undo' }).first().waitFor()
    await e2e.sandbox.clearLog()
    // Halfway through the window (on the browser's clock), the page goes away with the removal still held.
    await e2e.advance(page, undoWindowMs / 2)
    expect(await frame.getByRole('button', { name: 'Undo' }).count()).toBeGreaterThan(0)
    await page.close()
    expect(await e2e.sandbox.log()).toEqual([])
    // Opened again, the app reads the list from Bitrix24: /help is still there, and nothing removed anything
    // in the meantime (a request the closing page had sent would have arrived long before this list).
    const again = await e2e.openPortal()
    await again.frame.getByRole('rowheader', { name: '/help' }).waitFor()
    expect((await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')).toEqual(
      [],
    )
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'help')).toBe(true)
  })

  it('exports exactly the listed commands, or the selection, as JSON named after the portal and date', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const download = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        frame.getByRole('button', { name: button }).click(),
      ])
      const path = await file.path()
      return {
        name: file.suggestedFilename(),
        content: JSON.parse(readFileSync(path, 'utf8')) as CommandsExport,
      }
    }
    const all = await download('Export JSON')
    expect(all.name).toMatch(/^bot-commands-127\.0\.0\.1-\d+-\d{4}-\d{2}-\d{2}\.json$/)
    expect(all.content.commands.map((command) => command.command).sort()).toEqual(
      (await rowheaders(frame)).sort(),
    )
    const help = all.content.commands.find((command) => command.command === '/help')
    expect(help).toMatchObject({
      title: 'Show help',
      params: '[topic]',
      common: true,
      bot: { name: 'Helpdesk Bot' },
    })

    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('ticket')
    await expect.poll(async () => (await rowheaders(frame)).length).toBeLessThan(15)
    const filtered = await download('Export JSON')
    expect(filtered.content.commands.map((command) => command.command).sort()).toEqual(
      (await rowheaders(frame)).sort(),
    )

    await frame.getByRole('checkbox', { name: 'Select /ticket' }).check()
    const selected = await download('Export selected')
    expect(selected.content.commands.map((command) => command.command)).toEqual(['/ticket'])
  })
})
