import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'
import { exportAll, openRestore, removeSelected } from '../support/restore-e2e'

// A restore brings back what the file holds, as the file holds it, and claims nothing more (issue 19): the hidden
// flag a live export cannot know, the one language an export holds, a file in another language than the portal's
// lists, Bitrix24 asking to slow down, a title Bitrix24 would drop.

describe('a restore that loses nothing and claims nothing', () => {
  const e2e = useE2e()
  const stored = async (trigger: string) =>
    (await e2e.sandbox.state()).commands.find((command) => command.command === trigger)

  it('brings back a hidden command with three languages as hidden, with the one language the file had', async () => {
    const before = await stored('escalate')
    expect(before).toMatchObject({ hidden: true })
    expect(Object.keys(before?.titles ?? {}).sort()).toEqual(['de', 'en', 'ru'])
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/escalate' }).waitFor()
    const { path, json } = await exportAll(page, frame)
    // Live lists do not say which commands are hidden: the export cannot either.
    const inFile = json.commands.find((command: { command: string }) => command.command === '/escalate')
    expect(inFile).toMatchObject({ hidden: null, title: 'Escalate to the second line' })
    await removeSelected(e2e, page, frame, ['/escalate', '/kb'])

    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog
      .getByText(
        'Gone commands come back with their titles and parameters in English (en): titles in other languages were not in the export and will not come back.',
      )
      .waitFor()
    await dialog.getByText('The file does not say “Hidden” for 2 commands', { exact: false }).waitFor()
    const restore = dialog.getByRole('button', { name: 'Restore 2 commands' })
    expect(await restore.isDisabled()).toBe(true)
    const escalate = dialog.getByRole('listitem').filter({ hasText: '/escalate' })
    await escalate
      .getByRole('group', { name: 'Hidden: not in the file. Choose:' })
      .getByRole('radio', { name: 'yes' })
      .check()
    const kb = dialog.getByRole('listitem').filter({ hasText: '/kb' })
    await kb.getByRole('group').getByRole('radio', { name: 'no' }).check()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-unknown-hidden')
    await e2e.sandbox.clearLog()
    await restore.click()

    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('2 restored')
    expect(await summary.getByRole('listitem').filter({ hasText: '/escalate' }).textContent()).toContain(
      'set All chats: no · Hidden: yes (your choice) · Extranet: no',
    )
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'restore-unknown-hidden-summary')
    // What the portal holds now: hidden as chosen, the language the file had (the others were never in it).
    const after = await stored('escalate')
    expect(after).toMatchObject({ hidden: true, titles: { en: 'Escalate to the second line' } })
    expect(Object.keys(after?.titles ?? {})).toEqual(['en'])
    expect(await stored('kb')).toMatchObject({ hidden: false })
  })

  it('shows no false differences for a Russian file on an English portal, and claims no update', async () => {
    await e2e.sandbox.settings({ lang: 'ru' })
    const russian = await e2e.openPortal()
    await russian.frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { path, json } = await exportAll(russian.page, russian.frame, 'Экспорт в JSON')
    // Written under the bots' language (the one their lists are in), with the Russian titles.
    expect(json.language).toBe('ru')
    expect(json.commands.find((c: { command: string }) => c.command === '/help')?.title).toBe(
      'Показать справку',
    )
    await russian.page.close()

    await e2e.sandbox.settings({ lang: 'en' })
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    await removeSelected(e2e, page, frame, ['/sla', '/faq'])
    await e2e.sandbox.clearLog()
    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    const helpdesk = dialog.getByRole('region', { name: 'Helpdesk Bot' })
    // The titles differ only in language: not a difference.
    await helpdesk.getByText('Gone: 2 · differ: 0 · unchanged: 10 · cannot be restored: 0').waitFor()
    await dialog
      .getByText(
        'The file’s titles and parameters are in Russian (ru), but Bitrix24 lists this portal’s commands in English (en), and an app cannot read them in another language.',
        { exact: false },
      )
      .waitFor()
    expect(await helpdesk.getByText('flags as in the file; titles not compared').count()).toBe(10)
    await e2e.screenshot(page, 'restore-russian-file')
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 2 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('2 restored')
    expect(text).not.toContain('updated')
    expect(text).toContain('title and parameters in Russian (ru)')
    const log = await e2e.sandbox.log()
    expect(log.filter((entry) => entry.method === 'imbot.v2.Command.update')).toEqual([])
    expect(log.filter((entry) => entry.method === 'imbot.v2.Command.register')).toHaveLength(2)
    // Every title that was there stays; the gone ones come back with the Russian texts the file had.
    expect(Object.keys((await stored('help'))?.titles ?? {}).sort()).toEqual(['de', 'en', 'ru'])
    expect((await stored('sla'))?.titles).toEqual({ ru: 'Обзор SLA' })
    expect((await stored('faq'))?.titles).toEqual({ ru: 'Поиск по частым вопросам' })
  })

  it('waits when Bitrix24 asks to slow down, says so, and completes the restore', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { path } = await exportAll(page, frame)
    await removeSelected(e2e, page, frame, ['/assign', '/close'])
    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles(path)
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    // Both registers of the first request are refused with QUERY_LIMIT_EXCEEDED.
    await e2e.sandbox.fault({ method: 'imbot.v2.Command.register', code: 'QUERY_LIMIT_EXCEEDED', count: 2 })
    await e2e.sandbox.clearLog()
    const sawWaiting = await e2e.watchText(
      frame,
      'Bitrix24 asked to slow down: the app waits a moment, then sends the rest again.',
    )
    await dialog.getByRole('button', { name: 'Restore 2 commands' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    // The app's own wait runs on the browser's clock.
    await e2e.runUntil(page, summary)
    expect(await sawWaiting()).toBe(true)
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('2 restored')
    expect(text).not.toContain('not restored')
    const registers = (await e2e.sandbox.log()).filter(
      (entry) => entry.method === 'imbot.v2.Command.register',
    )
    expect(registers.map((entry) => entry.error ?? null)).toEqual([
      'QUERY_LIMIT_EXCEEDED',
      'QUERY_LIMIT_EXCEEDED',
      null,
      null,
    ])
    for (const trigger of ['assign', 'close']) expect(await stored(trigger)).toBeTruthy()
  })

  it('refuses a title too long for Bitrix24 before sending anything, saying by how much', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    const { json } = await exportAll(page, frame)
    await removeSelected(e2e, page, frame, ['/sla', '/kb'])
    const sla = json.commands.find((command: { command: string }) => command.command === '/sla')
    sla.title = 'x'.repeat(256)
    await e2e.sandbox.clearLog()
    const dialog = await openRestore(e2e, frame)
    await dialog.getByLabel('Choose an exported file').setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    })
    const row = dialog.getByRole('listitem').filter({ hasText: '/sla' })
    await row.getByText('cannot be restored: the title is 1 character too long.', { exact: false }).waitFor()
    expect(await row.getByRole('checkbox').count()).toBe(0)
    await e2e.screenshot(page, 'restore-title-too-long')
    await dialog.getByRole('button', { name: 'Hidden: no for all' }).click()
    await dialog.getByRole('button', { name: 'Restore 1 command' }).click()
    const summary = dialog.getByRole('status', { name: 'Restore finished' })
    await e2e.runUntil(page, summary)
    const registers = (await e2e.sandbox.log()).filter(
      (entry) => entry.method === 'imbot.v2.Command.register',
    )
    expect(registers).toHaveLength(1)
    expect(await stored('sla')).toBeUndefined()
    expect(await stored('kb')).toBeTruthy()
  })
})
