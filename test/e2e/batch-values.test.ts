import { describe, expect, it } from 'vitest'
import { useE2e } from '../support/e2e-context'
import { exportAll, openRestore, removeSelected } from '../support/restore-e2e'

// `batch` rewrites what it carries: every parameter of a batched call that holds `$result[…]`, `$time[…]` (and
// `$error`, `$next`, `$total`) is replaced from the answers of the earlier calls of the same batch
// (rest/classes/general/rest_util.php processBatchElement). The sandbox does it as the server does (its default,
// batchSubstitution); a title or hint written like that must still reach the portal as the admin wrote it.

/** Texts batch would rewrite, once the restore's first call (c0 of its batch) has answered. */
const written = {
  // Inside a longer text: replaced when the path reaches a string or a number (here the c0 command's trigger).
  '/sla': { title: 'Ticket $result[c0][command][command] escalated' },
  // Inside a longer text, a path that reaches an answer's object: the server leaves it as written.
  '/close': { title: 'Costs $result[c0]' },
  // The whole value: it would become c0's whole answer.
  '/faq': { title: '$result[c0]' },
  // The whole hint: it would become the time c0 started at (a number).
  '/kb': { params: '$time[c0][start]' },
} as const

describe('values batch would alter', () => {
  const e2e = useE2e()
  const stored = async (trigger: string) =>
    (await e2e.sandbox.state()).commands.find((command) => command.command === trigger)

  it('restores titles and a hint holding $result[…] and $time[…] exactly as written, and says restored', async () => {
    expect((await e2e.sandbox.settings({})).batchSubstitution).toBe(true)
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { json } = await exportAll(page, frame)
    type Exported = { command: string; title: string; params: string }
    const exported = json.commands as Exported[]
    const byTrigger = (trigger: string) => {
      const command = exported.find((entry) => entry.command === trigger)
      if (!command) throw new Error(`${trigger} is not in the export`)
      return command
    }
    const altered = Object.entries(written).map(([trigger, texts]) => ({ ...byTrigger(trigger), ...texts }))
    // /assign, as exported, comes first: it is c0, whose answer the others' references reach.
    const commands: Exported[] = [
      byTrigger('/assign'),
      ...altered,
      ...exported.filter((entry) => entry.command !== '/assign' && !(entry.command in written)),
    ]
    const file = { ...json, commands }
    const gone = ['/assign', ...Object.keys(written)]
    await removeSelected(e2e, page, frame, gone)
    await e2e.sandbox.clearLog()

    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles({
      name: 'bot-commands-edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    })
    await dialog
      .getByRole('region', { name: 'Helpdesk Bot' })
      .getByText(/Gone: 5 · differ: 0/)
      .waitFor()
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 5 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('5 restored')
    expect(text).not.toMatch(/not restored|not saved|failed/i)
    await e2e.screenshot(page, 'restore-batch-values')

    // What the portal holds: every title and hint as written.
    for (const trigger of gone) {
      const sent = commands.find((entry) => entry.command === trigger) as Exported
      expect(await stored(trigger.slice(1)), trigger).toMatchObject({
        titles: { en: sent.title },
        params: { en: sent.params },
      })
    }
    // Each command was registered once (with one slash more than listed: the server strips two).
    const registers = (await e2e.sandbox.log()).filter(
      (entry) => entry.method === 'imbot.v2.Command.register',
    )
    expect(registers.map((entry) => (entry.params.fields as { command: string }).command).sort()).toEqual(
      [...gone].map((trigger) => `/${trigger}`).sort(),
    )
  })
})
