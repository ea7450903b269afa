import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildCommandsExport } from '../../src/features/export/on-demand/export'
import { listBots, listCommands } from '../../src/imbot'
import { registerCommands } from '../../src/imbot/on-demand/register'
import { removeCommands } from '../../src/imbot/on-demand/unregister'
import type { PortalClient } from '../../src/portal'
import { renderApp } from '../support/render-app'

/** What "Export JSON" would save now, and the listed commands. */
async function exportNow(client: PortalClient) {
  const bots = (await listBots(client)).items
  const lists = await listCommands(
    client,
    bots.map((bot) => bot.id),
  )
  const commands = lists.flatMap((list) => (list && 'items' in list ? list.items : []))
  return { json: buildCommandsExport(client.portalHost, bots, commands, new Date(), 'en').json, commands }
}

const jsonFile = (content: string, name = 'bot-commands.json') =>
  new File([content], name, { type: 'application/json' })

async function openRestore(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Restore from file' }))
  return screen.findByRole('dialog', { name: 'Restore commands from a file' })
}

describe('restore from file', () => {
  it('shows per bot what is gone, differs and is unchanged, restores the picked ones and lists them again', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/assign')
    const { json, commands } = await exportNow(client)
    const gone = commands.filter((c) => c.botId === 1 && ['/assign', '/close', '/faq'].includes(c.command))
    await removeCommands(
      client,
      gone.map((c) => c.id),
    )
    // One command differs from the file: the preview shows both values side by side.
    const file = JSON.parse(json)
    const kbInFile = file.commands.find((c: { command: string }) => c.command === '/kb')
    kbInFile.title = 'Title in the file'

    const dialog = await openRestore(user)
    await user.upload(
      within(dialog).getByLabelText('Choose an exported file'),
      jsonFile(JSON.stringify(file)),
    )
    const helpdesk = await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })
    expect(within(helpdesk).getByText(/Gone: 3 · differ: 1 · unchanged: 8/)).toBeTruthy()
    for (const trigger of ['/assign', '/close', '/faq']) {
      const row = within(helpdesk).getByText(trigger).closest('li') as HTMLElement
      expect(within(row).getByText('gone: can be restored')).toBeTruthy()
      expect((within(row).getByRole('checkbox') as HTMLInputElement).checked).toBe(true)
    }
    const kb = within(helpdesk).getByText('/kb').closest('li') as HTMLElement
    expect(within(kb).getByText(/exists, but differs/)).toBeTruthy()
    expect(within(kb).getByText(/now “.+”, in the file “Title in the file”/)).toBeTruthy()
    expect((within(kb).getByRole('checkbox') as HTMLInputElement).checked).toBe(false)
    expect(within(dialog).getByRole('region', { name: 'Sales Assistant' })).toBeTruthy()

    portal.clearLog()
    // "Update the ones that differ": picked, /kb goes through imbot.v2.Command.update.
    await user.click(within(kb).getByRole('checkbox'))
    // The live list does not say which commands are hidden, so the file does not either: the admin says.
    const restore = within(dialog).getByRole('button', { name: 'Restore 4 commands' })
    expect((restore as HTMLButtonElement).disabled).toBe(true)
    expect(
      within(dialog).getByText('First choose the flags the file does not know for 3 picked commands.'),
    ).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Hidden: no for all' }))
    await user.click(restore)
    const summary = await within(dialog).findByRole('status', { name: 'Restore finished' })
    expect(within(summary).getByText('3 restored')).toBeTruthy()
    expect(within(summary).getByText('1 updated')).toBeTruthy()
    const registers = portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.register')
    expect(registers).toHaveLength(3)
    const updates = portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.update')
    expect(updates).toHaveLength(1)
    expect(portal.getState().commands.find((c) => c.botId === 1 && c.command === 'kb')?.titles.en).toBe(
      'Title in the file',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    const section = screen.getByRole('region', { name: 'Helpdesk Bot' })
    await within(section).findByText('/assign')
    await within(section).findByText('/faq')
    const stored = portal.getState().commands.filter((c) => c.botId === 1 && c.command === 'assign')
    expect(stored).toHaveLength(1)
  })

  it('says in words what is wrong with a file and sends nothing', async () => {
    const user = userEvent.setup()
    const { portal } = renderApp()
    await screen.findByText('/help')
    const dialog = await openRestore(user)
    portal.clearLog()
    const input = within(dialog).getByLabelText('Choose an exported file')
    const cases: [string, RegExp][] = [
      ['not json at all', /This file is not JSON/],
      ['{"hello":"world"}', /not an export of Bot Commands/],
      [
        '{"format":"bot-commands-export","version":9,"portal":"x","commands":[]}',
        /newer version of the app \(format 9\)/,
      ],
      [
        '{"format":"bot-commands-export","version":2,"portal":"x","commands":[{"bot":{"id":1,"code":"a"},"title":"x"}]}',
        /command number 1 has a missing or wrong “command”/,
      ],
    ]
    for (const [content, message] of cases) {
      await user.upload(input, jsonFile(content))
      const alert = await within(dialog).findByRole('alert')
      await waitFor(() => expect(alert.textContent).toMatch(message))
      expect(alert.textContent).toContain('Nothing was sent.')
    }
    expect(portal.getLog()).toEqual([])
  })

  it('is an administrator’s action only', async () => {
    renderApp({ isAdmin: false })
    await screen.findByText('/help')
    expect(screen.queryByRole('button', { name: 'Restore from file' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeTruthy()
  })
})

describe('a file dropped on the dialog', () => {
  it('is read as one picked with the file picker', async () => {
    const user = userEvent.setup()
    const { client } = renderApp()
    await screen.findByText('/help')
    const { json } = await exportNow(client)
    const dialog = await openRestore(user)
    const zone = within(dialog).getByLabelText('Choose an exported file').closest('fieldset') as HTMLElement
    const dataTransfer = { files: [jsonFile(json)], types: ['Files'] }
    fireEvent.dragOver(zone, { dataTransfer })
    fireEvent.drop(zone, { dataTransfer })
    const helpdesk = await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })
    expect(within(helpdesk).getByText(/Gone: 0 · differ: 0 · unchanged: 12/)).toBeTruthy()
    // Everything of the file is here as it has it: the dialog says so, and offers no restore of nothing.
    expect(
      within(dialog).getByText(
        'Nothing to restore here: each command of the file is here as the file has it, or cannot be restored (the reason is on its line).',
      ),
    ).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: /^Restore \d/ })).toBeNull()
  })
})

describe('a file dropped beside the drop area', () => {
  it('is read when dropped anywhere in the dialog, and never opened by the browser in place of the app', async () => {
    const user = userEvent.setup()
    const { client } = renderApp()
    await screen.findByText('/help')
    const { json } = await exportNow(client)
    const dialog = await openRestore(user)
    const dataTransfer = { files: [jsonFile(json)], types: ['Files'] }
    // Outside the dialog: the browser's default (showing the file instead of the app) is prevented, nothing is read.
    expect(fireEvent.dragOver(document.body, { dataTransfer })).toBe(false)
    expect(fireEvent.drop(document.body, { dataTransfer })).toBe(false)
    expect(within(dialog).queryByRole('region', { name: 'Helpdesk Bot' })).toBeNull()
    // On the dialog's title, beside the drop area: read as if dropped on it.
    const title = within(dialog).getByRole('heading', { name: 'Restore commands from a file' })
    expect(fireEvent.drop(title, { dataTransfer })).toBe(false)
    expect(await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })).toBeTruthy()
  })
})

describe('files of every kind', () => {
  it('restores from an export of the first format (no format, version, language or bots)', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/help')
    const { json, commands } = await exportNow(client)
    const {
      format: _format,
      version: _version,
      language: _language,
      bots: _bots,
      ...older
    } = JSON.parse(json)
    const sla = commands.find((c) => c.command === '/sla')
    await removeCommands(client, [sla?.id ?? 0])
    const dialog = await openRestore(user)
    await user.upload(
      within(dialog).getByLabelText('Choose an exported file'),
      jsonFile(JSON.stringify(older)),
    )
    await user.click(await within(dialog).findByRole('button', { name: 'Hidden: no for all' }))
    await user.click(within(dialog).getByRole('button', { name: 'Restore 1 command' }))
    const summary = await within(dialog).findByRole('status', { name: 'Restore finished' })
    expect(within(summary).getByText('1 restored')).toBeTruthy()
    expect(portal.getState().commands.find((c) => c.command === 'sla')?.titles).toEqual({ en: sla?.title })
  })

  it('refuses a huge file before reading it', async () => {
    const user = userEvent.setup()
    const { portal } = renderApp()
    await screen.findByText('/help')
    const dialog = await openRestore(user)
    portal.clearLog()
    const huge = jsonFile('{}')
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 })
    await user.upload(within(dialog).getByLabelText('Choose an exported file'), huge)
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('This file is larger than 10 MB')
    expect(portal.getLog()).toEqual([])
  })
})

describe('what a restore can and cannot bring back', () => {
  it('asks whether a command the file does not say is hidden is, and says after what it set', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/help')
    const { json, commands } = await exportNow(client)
    const gone = commands.filter((c) => ['/escalate', '/faq'].includes(c.command))
    await removeCommands(
      client,
      gone.map((c) => c.id),
    )
    const dialog = await openRestore(user)
    await user.upload(within(dialog).getByLabelText('Choose an exported file'), jsonFile(json))
    await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })
    // The export holds one language: the preview says what comes back and what does not.
    expect(
      within(dialog).getByText(
        'Gone commands come back with their titles and parameters in English (en): titles in other languages were not in the export and will not come back.',
      ),
    ).toBeTruthy()
    const escalate = within(dialog).getByText('/escalate').closest('li') as HTMLElement
    const hidden = within(escalate).getByRole('group', { name: 'Hidden: not in the file. Choose:' })
    await user.click(within(hidden).getByRole('radio', { name: 'yes' }))
    const restore = within(dialog).getByRole('button', { name: 'Restore 2 commands' }) as HTMLButtonElement
    // /faq is still undecided: nothing can be sent yet.
    expect(restore.disabled).toBe(true)
    const faq = within(dialog).getByText('/faq').closest('li') as HTMLElement
    await user.click(within(within(faq).getByRole('group')).getByRole('radio', { name: 'no' }))
    await user.click(restore)
    const summary = await within(dialog).findByRole('status', { name: 'Restore finished' })
    expect(within(summary).getByText('2 restored')).toBeTruthy()
    const line = within(summary).getByText('/escalate').closest('li') as HTMLElement
    expect(line.textContent).toContain(
      'restored: title and parameters in English (en); set All chats: no · Hidden: yes (your choice) · Extranet: no',
    )
    const stored = (trigger: string) => portal.getState().commands.find((c) => c.command === trigger)
    expect(stored('escalate')).toMatchObject({ hidden: true, titles: { en: 'Escalate to the second line' } })
    expect(stored('faq')?.hidden).toBe(false)
  })

  it('shows no false difference for a Russian file on an English portal, and claims no update', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/help')
    const { json } = await exportNow(client)
    // The same commands as an export made where Bitrix24 lists them in Russian.
    const file = JSON.parse(json)
    const state = portal.getState()
    file.language = 'ru'
    for (const bot of file.bots) bot.language = 'ru'
    for (const command of file.commands) {
      const inState = state.commands.find((c) => c.id === command.id)
      Object.assign(command, { title: inState?.titles.ru ?? '', params: inState?.params.ru ?? '' })
      command.bot.language = 'ru'
    }
    const dialog = await openRestore(user)
    portal.clearLog()
    await user.upload(
      within(dialog).getByLabelText('Choose an exported file'),
      jsonFile(JSON.stringify(file)),
    )
    const helpdesk = await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })
    expect(within(helpdesk).getByText(/Gone: 0 · differ: 0 · unchanged: 12/)).toBeTruthy()
    expect(
      within(dialog).getByText(/The file’s titles and parameters are in Russian \(ru\), but Bitrix24 lists/),
    ).toBeTruthy()
    expect(within(helpdesk).getAllByText('flags as in the file; titles not compared')).toHaveLength(12)
    expect(within(dialog).queryByRole('button', { name: /^Restore \d/ })).toBeNull()
    expect(portal.getLog().some((entry) => entry.method === 'imbot.v2.Command.update')).toBe(false)
  })

  it('counts a command that is back already as already there, not as restored', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/help')
    const { json, commands } = await exportNow(client)
    const sla = commands.find((c) => c.command === '/sla')
    await removeCommands(client, [sla?.id ?? 0])
    const dialog = await openRestore(user)
    await user.upload(within(dialog).getByLabelText('Choose an exported file'), jsonFile(json))
    await user.click(await within(dialog).findByRole('button', { name: 'Hidden: no for all' }))
    // Another tab brings it back in the meantime, as the file has it.
    await registerCommands(client, [
      {
        botId: 1,
        fields: { command: 'sla', title: { en: sla?.title ?? '' }, params: {}, common: false, hidden: false },
      },
    ])
    portal.clearLog()
    await user.click(within(dialog).getByRole('button', { name: 'Restore 1 command' }))
    const summary = await within(dialog).findByRole('status', { name: 'Restore finished' })
    expect(portal.getLog().some((entry) => entry.method === 'imbot.v2.Command.register')).toBe(false)
    expect(within(summary).getByText('1 already as in the file (nothing sent)')).toBeTruthy()
    expect(within(summary).queryByText(/restored/)).toBeNull()
    expect(summary.textContent).toContain('already there as in the file: nothing sent')
  })

  it('refuses a title Bitrix24 would drop, before sending, saying by how much it is too long', async () => {
    const user = userEvent.setup()
    const { client, portal } = renderApp()
    await screen.findByText('/help')
    const { json, commands } = await exportNow(client)
    const sla = commands.find((c) => c.command === '/sla')
    await removeCommands(client, [sla?.id ?? 0])
    const file = JSON.parse(json)
    const inFile = file.commands.find((c: { command: string }) => c.command === '/sla')
    inFile.title = `${'x'.repeat(250)}😀`
    const dialog = await openRestore(user)
    portal.clearLog()
    await user.upload(
      within(dialog).getByLabelText('Choose an exported file'),
      jsonFile(JSON.stringify(file)),
    )
    const helpdesk = await within(dialog).findByRole('region', { name: 'Helpdesk Bot' })
    const row = within(helpdesk).getByText('/sla').closest('li') as HTMLElement
    expect(row.textContent).toContain('cannot be restored: the title is 5 characters too long.')
    expect(within(row).queryByRole('checkbox')).toBeNull()
    expect(portal.getLog().some((entry) => entry.method === 'imbot.v2.Command.register')).toBe(false)
  })
})

describe('a restore on a slow portal', { timeout: 30_000 }, () => {
  /** Each request takes this long to answer (the emulator waits on the test's clock). */
  const latencyMs = 14_000
  let user: ReturnType<typeof userEvent.setup>

  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /**
   * Moves the clock on a second at a time, as it passes for a user: React renders what each answer brings (and starts
   * the timers of what it renders) at the end of each step, not only at the end of a long jump.
   */
  const advance = async (ms: number) => {
    for (let moved = 0; moved < ms; moved += 1000)
      await act(() => vi.advanceTimersByTimeAsync(Math.min(1000, ms - moved)))
  }

  /** 150 commands exported, then removed; the dialog open on the file, ready to restore them all. */
  async function readyToRestore() {
    const rendered = renderApp()
    const { client, portal } = rendered
    portal.seed({ botId: 1, commands: 150 })
    await screen.findByText('/help')
    const { json, commands } = await exportNow(client)
    const generated = commands.filter((c) => c.title.startsWith('Generated'))
    await removeCommands(
      client,
      generated.map((c) => c.id),
    )
    const dialog = await openRestore(user)
    await user.upload(within(dialog).getByLabelText('Choose an exported file'), jsonFile(json))
    await user.click(await within(dialog).findByRole('button', { name: 'Hidden: no for all' }))
    portal.clearLog()
    portal.updateSettings({ latencyMs })
    return { ...rendered, dialog, generated }
  }
  const registers = (portal: ReturnType<typeof renderApp>['portal']) =>
    portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.register').length
  const restoredTriggers = (portal: ReturnType<typeof renderApp>['portal']) =>
    new Set(portal.getState().commands.map((c) => `/${c.command}`))

  it('can be cancelled between batches: the batch on its way is answered, nothing more is sent, the summary says so', async () => {
    const { dialog, portal, generated } = await readyToRestore()
    await user.click(within(dialog).getByRole('button', { name: 'Restore 150 commands' }))
    // The lists are read first (14 s), then the first 50 go (14 s): the second batch is on its way.
    await advance(2 * latencyMs + 1000)
    await within(dialog).findByText('Restoring 50 of 150…')
    expect(registers(portal)).toBe(50)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await within(dialog).findByText(/^Stopping: nothing more is sent\./)
    // The second batch answers, the lists are read, and no third batch ever leaves.
    await advance(3 * latencyMs)
    const summary = await within(dialog).findByRole('status', { name: 'Restore stopped' })
    await advance(3 * latencyMs)
    expect(registers(portal)).toBe(100)
    expect(within(summary).getByText('100 restored')).toBeTruthy()
    expect(within(summary).getByText('50 not sent')).toBeTruthy()
    // The summary's lines agree with its headline, and with the portal.
    const lines = within(summary)
      .getAllByRole('listitem')
      .filter((item) => item.querySelector('code'))
    const notSent = lines.filter((line) =>
      line.textContent?.includes('not sent: you stopped the restore first'),
    )
    expect(notSent).toHaveLength(50)
    const stored = restoredTriggers(portal)
    for (const line of lines) {
      const trigger = line.querySelector('code')?.textContent ?? ''
      expect(stored.has(trigger)).toBe(!notSent.includes(line))
    }
    expect(lines).toHaveLength(generated.length)
    // What was not sent can be sent now.
    expect(within(dialog).getByRole('button', { name: 'Restore the 50 not sent' })).toBeTruthy()
  })

  it('says after ten seconds without an answer that it is still waiting, and Stop waiting stops after the batch on its way', async () => {
    const { dialog, portal } = await readyToRestore()
    await user.click(within(dialog).getByRole('button', { name: 'Restore 150 commands' }))
    await advance(9_000)
    expect(within(dialog).queryByRole('button', { name: 'Stop waiting' })).toBeNull()
    await advance(1_500)
    // Reading the lists first: stopping then sends nothing.
    expect(
      within(dialog).getByText(/the app is still waiting\. If you stop waiting, nothing is sent\./),
    ).toBeTruthy()
    // The reading answers at 14 s: the wait for the next answer starts again.
    await advance(latencyMs - 10_500 + 1_000)
    expect(within(dialog).queryByRole('button', { name: 'Stop waiting' })).toBeNull()
    // The first batch answers at 28 s; ten seconds later the second has not answered.
    await advance(latencyMs + 10_000)
    await within(dialog).findByText('Restoring 50 of 150…')
    const notice = within(dialog).getByText(
      /the app is still waiting\. If you stop waiting, nothing more is sent/,
    )
    await user.click(within(notice).getByRole('button', { name: 'Stop waiting' }))
    // The focus does not fall to the page: it goes to the progress, which says what stopping does.
    expect(document.activeElement?.closest('dialog')).toBe(dialog)
    await within(dialog).findByText(/^Stopping: nothing more is sent\./)
    await advance(3 * latencyMs)
    const summary = await within(dialog).findByRole('status', { name: 'Restore stopped' })
    expect(within(summary).getByText('100 restored')).toBeTruthy()
    expect(within(summary).getByText('50 not sent')).toBeTruthy()
    expect(registers(portal)).toBe(100)
  })

  it('stops at Escape, and closes at a second Escape; the page reads the lists once the batch on its way ends', async () => {
    const { dialog, portal } = await readyToRestore()
    await user.click(within(dialog).getByRole('button', { name: 'Restore 150 commands' }))
    await advance(2 * latencyMs + 1000)
    await within(dialog).findByText('Restoring 50 of 150…')
    // Escape on a modal dialog is its cancel event (jsdom has no such key binding; Chromium's is in the e2e suite).
    const pressEscape = () => fireEvent(dialog, new Event('cancel', { cancelable: true }))
    pressEscape()
    await within(dialog).findByText(/^Stopping: nothing more is sent\./)
    expect(screen.getByRole('dialog', { name: 'Restore commands from a file' })).toBe(dialog)
    pressEscape()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await advance(4 * latencyMs)
    expect(registers(portal)).toBe(100)
    // The page's lists are read again when the restore ends: the hundred restored are listed.
    portal.updateSettings({ latencyMs: 0 })
    await advance(2 * latencyMs)
    const section = screen.getByRole('region', { name: 'Helpdesk Bot' })
    await waitFor(() => expect(within(section).getByText('112 commands')).toBeTruthy())
  })

  it('shows the time elapsed and, for a long run, about how long is left', async () => {
    const { dialog } = await readyToRestore()
    await user.click(within(dialog).getByRole('button', { name: 'Restore 150 commands' }))
    await advance(2 * latencyMs + 2000)
    await within(dialog).findByText('Restoring 50 of 150…')
    // Two requests took 14 s each; three more (two batches and the reading after) are due, one of them on its way for
    // two seconds now: about 40 s.
    const time = within(dialog).getByText(/elapsed/)
    expect(time.textContent).toMatch(/^3[01] sec elapsed · about (40|45) sec left$/)
    await advance(10_000)
    expect(time.textContent).toMatch(/^4[01] sec elapsed · about (30|35) sec left$/)
  })
})

describe('choosing a file', () => {
  it('moves the focus to the preview’s heading, inside the dialog', async () => {
    const user = userEvent.setup()
    const { client } = renderApp()
    await screen.findByText('/help')
    const { json } = await exportNow(client)
    const dialog = await openRestore(user)
    await user.upload(within(dialog).getByLabelText('Choose an exported file'), jsonFile(json))
    const heading = await within(dialog).findByRole('heading', {
      name: 'The file compared with the bots here now',
    })
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })
})

describe('opening a file on a portal that does not answer', () => {
  it('says after ten seconds it still waits; Stop waiting brings the picker back, and the late answer is not used', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      const { client, portal } = renderApp()
      await screen.findByText('/help')
      const { json } = await exportNow(client)
      const dialog = await openRestore(user)
      portal.updateSettings({ latencyMs: 60_000 })
      const input = within(dialog).getByLabelText('Choose an exported file')
      await user.upload(input, jsonFile(json))
      await within(dialog).findByText('Reading the bots’ commands as they are now…')
      for (let second = 0; second < 11; second++) await act(() => vi.advanceTimersByTimeAsync(1000))
      const notice = within(dialog).getByText(
        /the app is still waiting\. If you stop waiting, nothing is sent\./,
      )
      await user.click(within(notice).getByRole('button', { name: 'Stop waiting' }))
      expect(within(dialog).queryByText('Reading the bots’ commands as they are now…')).toBeNull()
      expect(document.activeElement).toBe(input)
      // The lists answer at last: the preview does not appear in place of the picker.
      for (let second = 0; second < 60; second++) await act(() => vi.advanceTimersByTimeAsync(1000))
      expect(within(dialog).queryByRole('region', { name: 'Helpdesk Bot' })).toBeNull()
      expect(within(dialog).getByLabelText('Choose an exported file')).toBe(input)
      expect(portal.getLog().some((entry) => entry.method === 'imbot.v2.Command.register')).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  }, 30_000)
})
