import { onlineManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { undoWindowMs } from '../../src/features/removal'
import { renderApp } from '../support/render-app'

// A command is never sent twice, however the user goes about it: what the portal receives is counted per command.

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  onlineManager.setOnline(true)
  vi.useRealTimers()
})

const setupUser = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
type User = ReturnType<typeof setupUser>

const passUndoWindow = () => act(() => vi.advanceTimersByTimeAsync(undoWindowMs))
const rowOf = (command: string) => screen.getByRole('row', { name: new RegExp(`${command} `) })

async function openPage() {
  const app = renderApp()
  await screen.findByText('/help')
  // The ids of every seeded command, before any is removed (the log names them by id).
  const names = new Map(app.portal.getState().commands.map((command) => [command.id, `/${command.command}`]))
  const sent = () =>
    app.portal
      .getLog()
      .filter((entry) => entry.method === 'imbot.command.unregister')
      .map((entry) => names.get(Number(entry.params.COMMAND_ID)))
  app.portal.clearLog()
  return { ...app, sent }
}

async function select(user: User, ...commands: string[]) {
  for (const command of commands)
    await user.click(screen.getByRole('checkbox', { name: `Select ${command}` }))
}

async function confirmDialog(user: User, name: string) {
  await user.click(
    within(await screen.findByRole('dialog', { name })).getByRole('button', { name: 'Remove' }),
  )
}

describe('a command is sent once', () => {
  it('"Retry the failed ones" cannot be used again while its retry runs', async () => {
    const user = setupUser()
    const { portal, sent } = await openPage()
    portal.injectFault({ method: 'imbot.command.unregister', code: 'WRONG_REQUEST', count: 2 })
    await select(user, '/assign', '/close')
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 2 commands?')
    await passUndoWindow()
    const retry = await screen.findByRole('button', { name: 'Retry the 2 failed ones' })
    // The retry's request meets "slow down", so it waits a while, the summary of the first one still on screen.
    portal.injectFault({ method: 'batch', code: 'QUERY_LIMIT_EXCEEDED', count: 1 })
    // Clicked twice in one moment (before the page can change), then again while the retry runs.
    act(() => {
      retry.click()
      retry.click()
    })
    expect(retry).toHaveProperty('disabled', true)
    await user.click(retry)
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveProperty('disabled', true)
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    await screen.findByText('2 removed')
    expect(sent().sort()).toEqual(['/assign', '/assign', '/close', '/close'])
    expect(portal.getLog().filter((entry) => entry.error === 'COMMAND_ID_ERROR')).toEqual([])
  })

  it('"Retry the failed ones" waits while the failed ones are held in a new removal of many', async () => {
    const user = setupUser()
    const { sent } = await openPage()
    await select(user, '/sysinfo', '/faq')
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 2 commands?')
    await passUndoWindow()
    const retry = await screen.findByRole('button', { name: 'Retry the failed one' })
    // /sysinfo failed and stays selected: the user removes the selection again, and meanwhile clicks Retry.
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 1 command?')
    expect(retry).toHaveProperty('disabled', true)
    await user.click(retry)
    await passUndoWindow()
    await waitFor(() => expect(sent().sort()).toEqual(['/faq', '/sysinfo', '/sysinfo']))
    await act(() => vi.advanceTimersByTimeAsync(undoWindowMs))
    expect(sent()).toHaveLength(3)
  })

  it('a removal of many leaves out a command already held on its row', async () => {
    const user = setupUser()
    const { sent } = await openPage()
    await select(user, '/ticket', '/help')
    await user.click(within(rowOf('/ticket')).getByRole('button', { name: 'Remove /ticket' }))
    await confirmDialog(user, 'Remove /ticket?')
    // Within the row's undo window, the selection (/ticket among it) is removed too: only /help is asked about.
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 1 command?')
    await passUndoWindow()
    await screen.findByText('Removal finished')
    await waitFor(() => expect(screen.queryByText('/ticket')).toBeNull())
    expect(sent().sort()).toEqual(['/help', '/ticket'])
  })

  it('a removal of many waiting for the connection shows, and cannot be sent again', async () => {
    const user = setupUser()
    const { sent } = await openPage()
    await select(user, '/assign', '/close')
    act(() => onlineManager.setOnline(false))
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 2 commands?')
    await passUndoWindow()
    // Nothing can go out offline; the removal waits, and says so in the bar.
    expect(await screen.findByRole('progressbar')).toBeTruthy()
    expect(screen.getByText('Removing 0 of 2…')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Remove selected' })).toHaveProperty('disabled', true)
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    act(() => onlineManager.setOnline(true))
    await screen.findByText('2 removed')
    expect(sent().sort()).toEqual(['/assign', '/close'])
  })

  it('a removal the user stopped waiting for keeps Remove away, says so, and is left out of a new one', async () => {
    const user = setupUser()
    const { portal, sent } = await openPage()
    portal.updateSettings({ latencyMs: 30_000 })
    await user.click(within(rowOf('/ticket')).getByRole('button', { name: 'Remove /ticket' }))
    await confirmDialog(user, 'Remove /ticket?')
    await passUndoWindow()
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    await user.click(within(rowOf('/ticket')).getByRole('button', { name: 'Stop waiting' }))
    // The row no longer shows the spinner, but the removal is still on its way: no Remove, a line instead.
    expect(
      within(rowOf('/ticket')).getByText('Still being removed: the list will show how it ends.'),
    ).toBeTruthy()
    expect(within(rowOf('/ticket')).queryByRole('button', { name: 'Remove /ticket' })).toBeNull()
    await select(user, '/ticket', '/help')
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 1 command?')
    await passUndoWindow()
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    await screen.findByText('Removal finished')
    await waitFor(() => expect(screen.queryByText('/ticket')).toBeNull())
    expect(sent().sort()).toEqual(['/help', '/ticket'])
  })
})

describe('undo in a removal of many', () => {
  it('on a row takes only that row out; the others are still removed', async () => {
    const user = setupUser()
    const { sent } = await openPage()
    await select(user, '/assign', '/close', '/faq')
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 3 commands?')
    await user.click(within(rowOf('/assign')).getByRole('button', { name: 'Undo' }))
    // The row is back as it was; the selection bar keeps the Undo of the rest.
    expect(within(rowOf('/assign')).getByRole('button', { name: 'Remove /assign' })).toBeTruthy()
    expect(within(rowOf('/close')).getByText('Removing in a moment…')).toBeTruthy()
    expect(document.querySelector('.bulk')?.textContent).toContain('Removing in a moment…')
    await passUndoWindow()
    await screen.findByText('2 removed')
    expect(sent().sort()).toEqual(['/close', '/faq'])
    expect(screen.getByText('/assign')).toBeTruthy()
  })
})

describe('the summary of a removal of many', () => {
  it('retries only what a retry can help: not a command of another application', async () => {
    const user = setupUser()
    const { sent } = await openPage()
    await select(user, '/quote', '/sysinfo')
    await user.click(screen.getByRole('button', { name: 'Remove selected' }))
    await confirmDialog(user, 'Remove 2 commands?')
    await passUndoWindow()
    await screen.findByText('2 failed')
    await user.click(screen.getByRole('button', { name: 'Retry the failed one' }))
    await waitFor(() => expect(sent().sort()).toEqual(['/quote', '/sysinfo', '/sysinfo']))
  })
})

describe('removal by id on a portal too old to list commands', () => {
  async function openLegacy(user: User, id: number) {
    await user.clear(screen.getByRole('textbox', { name: 'Command id' }))
    await user.type(screen.getByRole('textbox', { name: 'Command id' }), String(id))
    await user.click(screen.getByRole('button', { name: 'Remove command' }))
    return within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' })
  }

  it('holds a confirmation once however it is activated, undoable until the window passes', async () => {
    const user = setupUser()
    const { portal } = renderApp({ settings: { imbotV2: false } })
    await screen.findByRole('heading', { name: 'Remove a command by its id' })
    portal.clearLog()
    const confirm = await openLegacy(user, 3)
    // Activated twice in one moment (a double click, a script).
    act(() => {
      confirm.click()
      confirm.click()
    })
    expect(await screen.findByText('Removing in a moment…')).toBeTruthy()
    expect(portal.getLog()).toEqual([])
    await passUndoWindow()
    await screen.findByText('Command 3 was removed.')
    expect(portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')).toHaveLength(1)

    portal.clearLog()
    await user.click(await openLegacy(user, 5))
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText('Nothing was removed.')).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(undoWindowMs * 2))
    expect(portal.getLog()).toEqual([])
    expect(portal.getState().commands.some((command) => command.id === 5)).toBe(true)
  })
})
