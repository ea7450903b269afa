import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { undoWindowMs } from '../../src/features/removal'
import { renderApp } from '../support/render-app'

// The removal by id (a portal too old to list commands) goes through the one removal flow: what the user sees of
// each outcome, and what the portal receives.

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
})

async function removeById(id: number) {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
  const input = screen.getByRole('textbox', { name: 'Command id' })
  await user.clear(input)
  await user.type(input, String(id))
  await user.click(screen.getByRole('button', { name: 'Remove command' }))
  const dialog = await screen.findByRole('dialog', { name: `Remove command ${id}?` })
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }))
  await act(() => vi.advanceTimersByTimeAsync(undoWindowMs))
  return user
}

describe('removal by id', () => {
  it('says a removed id is removed, and an id Bitrix24 does not know is gone, with one call each and no list read', async () => {
    const { portal } = renderApp({ settings: { imbotV2: false } })
    await screen.findByRole('heading', { name: 'Remove a command by its id' })
    portal.clearLog()
    await removeById(3)
    expect(await screen.findByText('Command 3 was removed.')).toBeTruthy()
    await removeById(3)
    expect(await screen.findByText(/Bitrix24 has no command 3/)).toBeTruthy()
    expect(screen.queryByText('Command 3 was removed.')).toBeNull()
    expect(portal.getLog().map((entry) => [entry.method, entry.params.COMMAND_ID])).toEqual([
      ['imbot.command.unregister', 3],
      ['imbot.command.unregister', 3],
    ])
  })

  it('shows a failure in Bitrix24’s words, and Try again sends it once more however often it is pressed', async () => {
    const { portal } = renderApp({ settings: { imbotV2: false } })
    await screen.findByRole('heading', { name: 'Remove a command by its id' })
    portal.injectFault({ method: 'imbot.command.unregister', code: 'INTERNAL_SERVER_ERROR', count: 2 })
    portal.clearLog()
    await removeById(4)
    // The page's own notice (too old a portal) is an alert too: the refusal is the one that offers Try again.
    const [retry] = await screen.findAllByRole('button', { name: 'Try again' })
    if (!retry) throw new Error('no Try again')
    act(() => {
      retry.click()
      retry.click()
    })
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(portal.getLog().filter((entry) => entry.method === 'imbot.command.unregister')).toHaveLength(2)
  })
})
