import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useE2e } from '../support/e2e-context'

// A removal of many never lies about what happened, even when the connection does: what the summary counts
// and what the table lists match what the portal holds afterwards.

const rowheaders = (frame: Frame) => frame.getByRole('rowheader').allTextContents()

describe('the outcome of a removal of many', () => {
  const e2e = useE2e()

  it('loses a batch’s answer and the network for a while, then matches the portal', async () => {
    const seeded = await e2e.sandbox.seed({ botId: 1, commands: 120 })
    // The second batch (commands 51–100) reaches the portal, which removes them, but its answer is lost.
    await e2e.sandbox.fault({
      method: 'imbot.command.unregister',
      mode: 'drop',
      match: { COMMAND_ID: seeded.commandIds[50] ?? 0 },
    })
    // The browser's clock drives the undo window and the SDK's waits (installed before the page loads).
    const { page, frame } = await e2e.openPortalNow()
    const context = page.context()
    // The network goes down the moment the portal has carried out the second batch, before the browser hears
    // anything. Left to itself, Chromium at once sends a POST again whose kept-alive connection closed without
    // an answer (no timer, no SDK involved): then the app hears the second sending's answer, goes on with
    // the third batch, and whether the network was down by then was a race (half the runs).
    let removalBatches = 0
    await context.route(
      (url) => url.pathname.startsWith('/rest/batch'),
      async (route) => {
        if (!route.request().postData()?.includes('unregister') || ++removalBatches !== 2) {
          return route.continue()
        }
        // The portal removes the 50 and drops the connection; the page sees the connection fail, offline.
        await route.fetch().catch(() => undefined)
        await context.setOffline(true)
        await route.abort('connectionreset')
      },
    )
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    await frame.getByRole('searchbox', { name: 'Search commands' }).fill('Generated command')
    await expect.poll(async () => (await rowheaders(frame)).length).toBe(120)
    await frame.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: 'Remove selected' }))
    // From here time moves only when the test moves it: the SDK's retry after the lost answer waits for it.
    await page.clock.pauseAt((await frame.evaluate(() => Date.now())) + 1000)
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)

    // The portal carried out the second batch, and the network went down with its answer.
    await expect.poll(async () => (await e2e.sandbox.log()).some((entry) => entry.dropped)).toBe(true)
    await expect.poll(() => removalBatches).toBe(2)
    // A minute passes offline, in steps, each after the requests under way have failed.
    await e2e.advanceInSteps(page, 60_000, 5000)
    // Still offline: nothing is counted yet that the app could not check.
    expect(await frame.getByText('Removal finished').count()).toBe(0)
    await context.setOffline(false)
    const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
    await e2e.runUntil(page, summary, { stepMs: 2000 })

    const held = (await e2e.sandbox.state()).commands.filter((command) =>
      seeded.commandIds.includes(command.id),
    )
    expect(held).toHaveLength(20)
    expect(await summary.textContent()).toContain('100 removed')
    // The 20 left were either never sent or sent into the dead network (the SDK may retry the lost batch
    // before the network goes): either way the summary counts them as not removed, never as removed.
    expect(await summary.textContent()).toMatch(/20 failed|20 were not sent/)
    await expect
      .poll(async () => (await rowheaders(frame)).sort())
      .toEqual(held.map((c) => `/${c.command}`).sort())
    await frame.getByText('20 selected').waitFor()
    await e2e.screenshot(page, 'bulk-lost-answer-summary')

    // "Retry the failed ones" sends the 20 at once, and the table and the portal end up empty of them.
    await summary.getByRole('button', { name: 'Retry the 20 failed ones' }).click()
    await expect.poll(async () => (await rowheaders(frame)).length).toBe(0)
    expect((await e2e.sandbox.state()).commands.filter((c) => seeded.commandIds.includes(c.id))).toEqual([])
  })
})
