import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appFrame } from '../support/browser'
import { useE2e } from '../support/e2e-context'

// Issue 22: the bots and their commands come in one request; a portal that does not substitute `$result[…]` in a
// batch still shows every command, after a second request.

const sections = (frame: Frame) => frame.locator('section.bot').evaluateAll((found) => found.length)

describe('opening in one round trip', () => {
  const e2e = useE2e()

  /** Every seeded bot with its seeded commands, as the page shows them; and the requests that reached the portal. */
  async function expectEveryCommand(frame: Frame) {
    const state = await e2e.sandbox.state()
    // The application's bots: the seed's Helpdesk Bot and every bot of the same application (not another's).
    const appId = state.bots.find((bot) => bot.name === 'Helpdesk Bot')?.appId
    const bots = state.bots.filter((bot) => bot.appId === appId)
    for (const bot of bots) {
      const section = frame.getByRole('region', { name: bot.name })
      const seeded = state.commands.filter((command) => command.botId === bot.id).map((c) => `/${c.command}`)
      await section.getByRole('rowheader', { name: seeded[0] }).waitFor()
      expect((await section.getByRole('rowheader').allTextContents()).sort()).toEqual(seeded.sort())
    }
    // No section for a slot past the last bot: one per bot, and nothing else.
    expect(await sections(frame)).toBe(bots.length)
    return (await e2e.sandbox.log())
      .filter((entry) => entry.inBatch === undefined)
      .map((entry) => entry.method)
  }

  it('shows every bot with its commands from one request', async () => {
    const { frame } = await e2e.openPortal()
    expect(await expectEveryCommand(frame)).toEqual(['batch'])
  })

  it('still shows every command on a portal that does not substitute, after a second request', async () => {
    await e2e.sandbox.settings({ batchSubstitution: false })
    const { frame } = await e2e.openPortal()
    expect(await expectEveryCommand(frame)).toEqual(['batch', 'batch'])
  })

  it('shows the bot picker of a page of many bots with the first commands, not after them', async () => {
    // The picker's chunk is fetched while the request is on its way: a request of 500 ms leaves it time, even on a
    // busy machine (from this server the chunk comes in a few ms).
    await e2e.sandbox.seed({ replace: true, bots: 12, commandsPerBot: 3 })
    await e2e.sandbox.settings({ latencyMs: 500 })
    const page = await e2e.newPage()
    // In the frame, from its first script on: what the page held when the first command appeared in it.
    await page.context().addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role=rowheader], th[scope=row]')) return
        observer.disconnect()
        document.documentElement.dataset.pickerWithFirstCommands = String(
          document.querySelector('select') !== null,
        )
      })
      observer.observe(document, { childList: true, subtree: true })
    })
    await page.goto(e2e.portalUrl)
    const frame = await appFrame(page)
    await frame.getByRole('combobox', { name: 'Bot' }).waitFor()
    await frame.getByRole('rowheader').first().waitFor()
    expect(await frame.locator('html').getAttribute('data-picker-with-first-commands')).toBe('true')
  })
})
