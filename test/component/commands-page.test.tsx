import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { undoWindowMs } from '../../src/features/removal'
import { renderApp } from '../support/render-app'

// Removals wait out an undo window; fake timers (that still advance by themselves) skip it.
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
})

const setupUser = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime })

/** Clicks a row's Remove, confirms, and lets the undo window pass. */
async function removeFromRow(user: ReturnType<typeof setupUser>, section: HTMLElement, command: string) {
  await user.click(within(section).getByRole('button', { name: `Remove ${command}` }))
  await confirmRemoval(user)
}

/** Confirms the open dialog and lets the undo window pass. */
async function confirmRemoval(user: ReturnType<typeof setupUser>, label = 'Remove') {
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: label }))
  await act(() => vi.advanceTimersByTimeAsync(undoWindowMs))
}

const sectionOf = (botName: string) => screen.getByRole('region', { name: botName })
const commandCells = (botName: string) =>
  within(within(sectionOf(botName)).getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)

describe('the commands page', () => {
  it('shows every bot of the app with its commands, titles, hints and flags after one request', async () => {
    const { requests, frame } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    expect(within(helpdesk).getByText('12 commands')).toBeTruthy()
    const help = within(helpdesk).getByRole('row', { name: /\/help/ })
    expect(within(help).getByText('Show help')).toBeTruthy()
    expect(within(help).getByText('[topic]')).toBeTruthy()
    expect(within(help).getByText('All chats')).toBeTruthy()
    expect(within(help).getByText('Extranet')).toBeTruthy()
    const sales = await screen.findByRole('region', { name: 'Sales Assistant' })
    await within(sales).findByText('/quote')
    expect(within(sales).getByText('3 commands')).toBeTruthy()
    // The bots and their commands in one batch: Bitrix24 fills each Command.list's botId from the bots' answer.
    expect(requests).toEqual(['batch'])
    expect(frame.titles).toContain('Bot commands')
  })

  it('shows every bot of many, with the first rows of each, though the first screen renders first', async () => {
    const { portal, requests } = renderApp()
    portal.seed({ replace: true, bots: 12, commandsPerBot: 20 })
    // Twelve sections of ten rows each: far more than a first screen holds, all of them there in the end.
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(12))
    for (const section of screen.getAllByRole('region')) {
      expect(within(section).getAllByRole('rowheader')).toHaveLength(10)
      expect(within(section).getByText('20 commands')).toBeTruthy()
    }
    expect(requests).toEqual(['batch'])
  })

  it('filters by any field and sorts by command both ways', async () => {
    const user = setupUser()
    // The docs' shape says which commands are hidden (live portals do not), so "hidden" finds them.
    renderApp({ settings: { answerShape: 'docs' } })
    await screen.findByText('/help')
    const ascending = commandCells('Helpdesk Bot')
    expect(ascending).toEqual([...ascending].sort())
    await user.click(within(sectionOf('Helpdesk Bot')).getByRole('button', { name: /command/i }))
    expect(commandCells('Helpdesk Bot')).toEqual([...ascending].reverse())

    await user.type(screen.getByRole('searchbox', { name: 'Search commands' }), 'support ticket')
    await waitFor(() => expect(commandCells('Helpdesk Bot')).toEqual(['/ticket']))
    expect(within(sectionOf('Sales Assistant')).getByText(/No command of this bot matches/)).toBeTruthy()

    await user.clear(screen.getByRole('searchbox'))
    await user.type(screen.getByRole('searchbox'), 'hidden')
    await waitFor(() => expect(commandCells('Helpdesk Bot').length).toBeGreaterThan(0))
    for (const row of within(sectionOf('Helpdesk Bot')).getAllByRole('row').slice(1)) {
      expect(within(row).getByText('Hidden')).toBeTruthy()
    }
  })

  it('removes a confirmed command with one imbot.command.unregister call and the row leaves', async () => {
    const user = setupUser()
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/ticket')
    portal.clearLog()

    await user.click(within(helpdesk).getByRole('button', { name: 'Remove /ticket' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove /ticket?' })
    expect(within(dialog).getByText(/Users will no longer be able to call \/ticket/)).toBeTruthy()
    await confirmRemoval(user)

    await waitFor(() => expect(within(helpdesk).queryByText('/ticket')).toBeNull())
    expect(await screen.findByText('/ticket was removed.')).toBeTruthy()
    const removals = portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals).toHaveLength(1)
    const removed = portal.getState().commands.find((command) => command.command === 'ticket')
    expect(removed).toBeUndefined()
    expect(typeof removals[0]?.params.COMMAND_ID).toBe('number')
  })

  it('cancelling the confirmation sends nothing', async () => {
    const user = setupUser()
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    portal.clearLog()
    await user.click(within(helpdesk).getByRole('button', { name: 'Remove /help' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(portal.getLog()).toEqual([])
    expect(within(helpdesk).getByText('/help')).toBeTruthy()
  })

  it('keeps a row Bitrix24 refuses to delete and says so on the row', async () => {
    const user = setupUser()
    renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/sysinfo')
    await removeFromRow(user, helpdesk, '/sysinfo')
    const alert = await within(helpdesk).findByRole('alert')
    expect(alert.textContent).toContain('Bitrix24 could not delete this command')
    expect(within(helpdesk).getByText('/sysinfo')).toBeTruthy()
    expect(within(alert).getByText('WRONG_REQUEST')).toBeTruthy()
  })

  it('is read-only for a user who is not an admin', async () => {
    renderApp({ settings: { isAdmin: false } })
    await screen.findByText('/help')
    expect(
      screen.getByText(
        /left to portal administrators: that is this app's own rule, not a Bitrix24 restriction/,
      ),
    ).toBeTruthy()
    expect(screen.queryAllByRole('button', { name: /^Remove/ })).toEqual([])
  })

  it('speaks the portal language', async () => {
    renderApp({ settings: { lang: 'ru' } })
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('Показать справку')
    expect(within(helpdesk).getByText('12 команд')).toBeTruthy()
    expect(screen.getByRole('searchbox', { name: 'Поиск команд' })).toBeTruthy()
  })

  it('says when the application has no bots', async () => {
    const { portal } = renderApp()
    portal.seed({ replace: true })
    expect(await screen.findByText('This application has no chat bots')).toBeTruthy()
  })
})

describe('a failed removal', () => {
  it('stays on its row until dismissed, with no retry for a command of another application', async () => {
    const user = setupUser()
    renderApp()
    const sales = await screen.findByRole('region', { name: 'Sales Assistant' })
    await within(sales).findByText('/quote')
    await removeFromRow(user, sales, '/quote')
    const alert = await within(sales).findByRole('alert')
    expect(alert.textContent).toContain('registered by another application')
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull()
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(within(sales).queryByRole('alert')).toBeNull())
    expect(within(sales).getByText('/quote')).toBeTruthy()
  })
})

describe('removing many', () => {
  it('removes 120 selected commands in three batch requests, then reads the list once', async () => {
    const user = setupUser()
    const { portal, requests } = renderApp()
    portal.seed({ botId: 1, commands: 120 })
    await screen.findByText('/help')
    await user.type(screen.getByRole('searchbox'), 'Generated command')
    await waitFor(() => expect(commandCells('Helpdesk Bot')).toHaveLength(120))
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown commands' }))
    expect(screen.getByText('120 selected')).toBeTruthy()
    requests.length = 0
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    expect(await screen.findByRole('dialog', { name: 'Remove 120 commands?' })).toBeTruthy()
    await confirmRemoval(user)
    await screen.findByText('Removal finished')
    expect(screen.getByText('120 removed')).toBeTruthy()
    await waitFor(() => expect(requests).toEqual(['batch', 'batch', 'batch', 'batch']))
    const unregisterBatches = portal
      .getLog()
      .filter((entry) => entry.method === 'batch')
      .filter((batch) =>
        portal.getLog().some((sub) => sub.inBatch === batch.seq && sub.method === 'imbot.command.unregister'),
      )
    expect(unregisterBatches).toHaveLength(3)
    expect(portal.getState().commands.filter((command) => command.botId === 1)).toHaveLength(12)
  })

  it('undo within the window sends nothing', async () => {
    const user = setupUser()
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    portal.clearLog()
    await user.click(within(helpdesk).getByRole('button', { name: 'Remove /help' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }))
    const undo = within(helpdesk).getByRole('button', { name: 'Undo' })
    expect(document.activeElement).toBe(undo)
    await user.click(undo)
    expect(screen.getByText('Nothing was removed.')).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(undoWindowMs * 2))
    expect(portal.getLog()).toEqual([])
    expect(within(helpdesk).getByText('/help')).toBeTruthy()
  })
})

describe('texts from the portal', () => {
  it('are shown as text, never as markup', async () => {
    const { portal } = renderApp()
    const auth = portal.initData('portal.test').AUTH_ID
    const markup = '<img src=x onerror="window.hacked=1"><b>bold</b>'
    const answer = portal.handle({
      method: 'imbot.command.register',
      params: {
        auth,
        BOT_ID: 1,
        COMMAND: 'markup',
        EVENT_COMMAND_ADD: 'https://example.com/handler',
        LANG: [{ LANGUAGE_ID: 'en', TITLE: markup, PARAMS: '<script>alert(1)</script>' }],
      },
    })
    expect(answer.status).toBe(200)
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    expect(await within(helpdesk).findByText(markup)).toBeTruthy()
    expect(within(helpdesk).getByText('<script>alert(1)</script>')).toBeTruthy()
    expect(document.querySelector('img, b, script')).toBeNull()
  })
})
