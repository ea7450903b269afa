import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'
import {
  exportAll,
  holdRegisterBatch,
  openRestore as open,
  removeSelected as removeAll,
} from '../support/restore-e2e'

describe('restore from an exported file', () => {
  const e2e = useE2e()

  const removeSelected = (page: Page, frame: Frame, commands: readonly string[]) =>
    removeAll(e2e, page, frame, commands)
  const openRestore = (frame: Frame) => open(e2e, frame)

  const triggerCount = async (trigger: string) =>
    (await e2e.sandbox.state()).commands.filter((command) => command.command === trigger).length

  it('exports, removes three, and restores them from the downloaded file: preview, progress, summary', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { path, json } = await exportAll(page, frame)
    expect(json).toMatchObject({ format: 'bot-commands-export', version: 2, language: 'en' })
    expect(json.bots.map((bot: { code: string }) => bot.code)).toEqual(['helpdesk_bot', 'sales_assistant'])
    await removeSelected(page, frame, ['/assign', '/close', '/faq'])
    await e2e.sandbox.clearLog()

    const dialog = await openRestore(frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    const helpdesk = dialog.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText(/Gone: 3 · differ: 0 · unchanged: \d+ · cannot be restored: 0/).waitFor()
    for (const trigger of ['/assign', '/close', '/faq']) {
      expect(await helpdesk.getByRole('checkbox', { name: new RegExp(`^${trigger} `) }).isChecked()).toBe(
        true,
      )
    }
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-preview')
    // Nothing was sent but the reading of the lists.
    expect(
      (await e2e.sandbox.log()).some((entry) => entry.method.startsWith('imbot.v2.Command.register')),
    ).toBe(false)

    // A little latency, as a real portal has; the batch of registers is held until the progress has been seen (it
    // would otherwise come and go between two looks).
    await e2e.sandbox.settings({ latencyMs: 400 })
    const held = await holdRegisterBatch(page.context(), 1)
    // The live list does not say which commands are hidden, so neither does the file: the admin says.
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 3 commands' }).click()
    await expect.poll(held.isHeld).toBe(true)
    await dialog.getByText('Restoring 0 of 3…').waitFor()
    await e2e.screenshot(page, 'restore-progress')
    held.release()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    expect(await summary.textContent()).toContain('3 restored')
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-summary')

    const log = await e2e.sandbox.log()
    const registers = log.filter((entry) => entry.method === 'imbot.v2.Command.register')
    expect(registers).toHaveLength(3)
    expect(new Set(registers.map((entry) => entry.inBatch)).size).toBe(1)
    await dialog.getByRole('button', { name: 'Close' }).click()
    for (const trigger of ['/assign', '/close', '/faq']) {
      await frame.getByRole('rowheader', { name: trigger }).waitFor()
      expect(await triggerCount(trigger.slice(1))).toBe(1)
    }
    await e2e.screenshot(page, 'restore-restored')
  })

  it('says what is wrong with a broken file, and sends nothing', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const dialog = await openRestore(frame)
    await e2e.sandbox.clearLog()
    const input = dialog.getByLabel('Choose an exported file')
    await input.setInputFiles({
      name: 'bot-commands.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"bot-commands-export","version":2,"portal":"x","commands":[{"title'),
    })
    const alert = dialog.getByRole('alert')
    await alert.getByText(/This file is not JSON/).waitFor()
    expect(await alert.textContent()).toContain('Nothing was sent.')
    await e2e.screenshot(page, 'restore-broken-file')
    await input.setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'bot-commands-export',
          version: 2,
          portal: 'x',
          commands: [{ command: '/a' }],
        }),
      ),
    })
    await alert.getByText(/command number 1 has a missing or wrong “bot”/).waitFor()
    expect(await e2e.sandbox.log()).toEqual([])
  })

  it('restores a file of another portal: bots found by their code, a bot not here cannot be restored', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { json } = await exportAll(page, frame)
    await removeSelected(page, frame, ['/kb', '/sla'])
    // The same file as another portal would have made it: other host, other bot ids, one bot this portal lacks.
    const other = {
      ...json,
      portal: 'acme.bitrix24.com',
      commands: [
        ...json.commands.map((command: { bot: { id: number } }) => ({
          ...command,
          bot: { ...command.bot, id: command.bot.id + 500 },
        })),
        { ...json.commands[0], command: '/orders', bot: { id: 900, code: 'shop_bot', name: 'Shop Bot' } },
      ],
    }
    const dialog = await openRestore(frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles({
      name: 'bot-commands-acme.bitrix24.com.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    })
    await dialog
      .getByText('This file comes from another portal (acme.bitrix24.com)', { exact: false })
      .waitFor()
    const shop = dialog.getByRole('region', { name: 'Shop Bot' })
    expect(await shop.textContent()).toContain('the bot Shop Bot is not among the bots here')
    await dialog
      .getByRole('region', { name: 'Helpdesk Bot' })
      .getByText(/Gone: 2/)
      .waitFor()
    await e2e.screenshot(page, 'restore-other-portal')
    // The live list does not say which commands are hidden, so neither does the file: the admin says.
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 2 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    expect(await summary.textContent()).toContain('2 restored')
    expect(await triggerCount('kb')).toBe(1)
    expect(await triggerCount('orders')).toBe(0)
  })

  it('gives each command its outcome when one fails in the middle of a batch, and retries only that one', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { path } = await exportAll(page, frame)
    await removeSelected(page, frame, ['/assign', '/close', '/lead', '/deal'])
    // The third register of the four (the first of Sales Assistant's) fails; the batch goes on.
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.register',
      code: 'INTERNAL_SERVER_ERROR',
      count: 1,
      match: { botId: 2 },
    })
    const dialog = await openRestore(frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    // The live list does not say which commands are hidden, so neither does the file: the admin says.
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 4 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    // The failure's words come in a chunk of their own: the end state is the summary with them.
    await e2e.runUntil(page, summary.getByText('Bitrix24 had an internal error. Try again in a moment.'))
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('3 restored')
    expect(text).toContain('1 not restored')
    expect(text).toContain('Bitrix24 had an internal error. Try again in a moment.')
    await e2e.screenshot(page, 'restore-partial-failure')
    const registers = (await e2e.sandbox.log()).filter(
      (entry) => entry.method === 'imbot.v2.Command.register',
    )
    expect(registers).toHaveLength(4)
    expect(new Set(registers.map((entry) => entry.inBatch)).size).toBe(1)

    await dialog.getByRole('button', { name: 'Retry the failed one' }).click()
    // One summary for the file: the retried command joins the three restored before, each on its line.
    const after = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, after.getByText('4 restored'))
    expect(await after.getByText('not restored').count()).toBe(0)
    for (const trigger of ['/assign', '/close', '/lead', '/deal'])
      expect(await after.getByRole('listitem').filter({ hasText: trigger }).textContent()).toContain(
        'restored',
      )
    for (const trigger of ['assign', 'close', 'lead', 'deal']) expect(await triggerCount(trigger)).toBe(1)
  })

  it('restores through an inbound webhook, with the bot token on every register; the app’s bots cannot be reached', async () => {
    const info = (await (await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl))).json()) as {
      url: string
      tokens: string[]
    }
    const { frame: appFrame, page: appPage } = await e2e.openPortal()
    await appFrame.getByRole('rowheader', { name: '/help' }).waitFor()
    const fromApp = await exportAll(appPage, appFrame)

    const page = await e2e.newPage()
    await page.goto(e2e.appUrl)
    await page.getByLabel('Inbound webhook URL').fill(info.url)
    await page.getByLabel('Bot token (CLIENT_ID)').fill(info.tokens[0] ?? '')
    await page.getByRole('button', { name: 'Connect' }).click()
    const frame = page.mainFrame()
    await frame.getByRole('rowheader', { name: '/runbook' }).waitFor()
    const { path } = await exportAll(page, frame)
    await removeSelected(page, frame, ['/runbook', '/page'])
    await e2e.sandbox.clearLog()

    const dialog = await openRestore(frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog
      .getByRole('region', { name: 'Support Webhook Bot' })
      .getByText(/Gone: 2/)
      .waitFor()
    // The live list does not say which commands are hidden, so neither does the file: the admin says.
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 2 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    expect(await summary.textContent()).toContain('2 restored')
    await e2e.screenshot(page, 'restore-webhook-summary')
    const registers = (await e2e.sandbox.log()).filter(
      (entry) => entry.method === 'imbot.v2.Command.register',
    )
    expect(registers).toHaveLength(2)
    for (const entry of registers) {
      expect(entry.via).toBe('webhook')
      expect((entry.params as { botToken?: string }).botToken).toBe('•••')
    }
    const state = await e2e.sandbox.state()
    for (const trigger of ['runbook', 'page']) {
      expect(state.commands.filter((c) => c.command === trigger && c.owner === 'webhook')).toHaveLength(1)
    }

    // The app's own export, opened through the webhook: its bots are not this token's, so nothing can be sent.
    await dialog.getByRole('button', { name: 'Close' }).click()
    const again = await openRestore(frame)
    await again.getByLabel('Choose an exported file').setInputFiles(fromApp.path)
    const helpdesk = again.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByText(/cannot be restored: 12/).waitFor()
    await again
      .getByText(
        'Nothing to restore here: each command of the file is here as the file has it, or cannot be restored (the reason is on its line).',
      )
      .waitFor()
    expect(await again.getByRole('button', { name: /^Restore \d/ }).count()).toBe(0)
  })

  it('fits a 400 px frame: the preview and its buttons whole inside the dialog', async () => {
    const { page, frame } = await e2e.openPortal({ width: 400 })
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { path } = await exportAll(page, frame)
    await removeSelected(page, frame, ['/assign', '/close'])
    const dialog = await openRestore(frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog.getByRole('button', { name: 'Restore 2 commands' }).waitFor()
    const overflow = await dialog.evaluate((element) => {
      const box = element.getBoundingClientRect()
      return [...element.querySelectorAll('*')]
        .filter((inner) => {
          const rect = inner.getBoundingClientRect()
          return rect.width > 0 && (rect.left < box.left - 1 || rect.right > box.right + 1)
        })
        .map((inner) => inner.tagName + (inner.textContent ?? '').slice(0, 30))
    })
    expect(overflow).toEqual([])
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-preview-400')
  })
})
