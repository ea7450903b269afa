import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reloadWaitMs } from '../../src/features/install/on-demand/InstallStep'
import { renderApp } from '../support/render-app'

// Install mode: Bitrix24 opens a freshly installed local application for an administrator with INSTALL: true and
// considers it not installed until it calls installFinish. The portal answers that by reloading the page, never
// with a message: the emulated frame only records the call.

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the installation step', () => {
  it('checks the imbot permission with a real call, then finishes the installation once, by itself', async () => {
    const { frame, requests } = renderApp({ installMode: true })
    await screen.findByRole('heading', { name: 'Installing Bot Commands' })
    await screen.findByText(/Bitrix24 is finishing the installation and will reload the app/)
    expect(requests).toContain('imbot.bot.list')
    expect(frame.installFinished).toHaveLength(1)
    // Nothing of the commands page while installing.
    expect(screen.queryByRole('region', { name: 'Helpdesk Bot' })).toBeNull()
  })

  it('says which permission is missing and where to add it, and finishes nothing', async () => {
    const { frame, portal } = renderApp({ installMode: true })
    portal.injectFault({ method: 'imbot.bot.list', code: 'insufficient_scope' })
    await screen.findByText(/lacks the “Chat bots \(imbot\)” permission/)
    expect(screen.getByText(/Developer resources → Integrations/)).toBeTruthy()
    expect(frame.installFinished).toEqual([])
    // Once the permission is there, "Check again" finishes the installation.
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(screen.getByRole('button', { name: 'Check again' }))
    await screen.findByText(/Bitrix24 is finishing the installation/)
    expect(frame.installFinished).toHaveLength(1)
  })

  it('says so when Bitrix24 does not reload the app, and offers to finish again', async () => {
    const { frame } = renderApp({ installMode: true })
    await screen.findByText(/Bitrix24 is finishing the installation/)
    expect(screen.queryByText('Bitrix24 has not reloaded the app yet.')).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(reloadWaitMs))
    await screen.findByText('Bitrix24 has not reloaded the app yet.')
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(screen.getByRole('button', { name: 'Finish the installation again' }))
    expect(frame.installFinished).toHaveLength(2)
    expect(screen.queryByText('Bitrix24 has not reloaded the app yet.')).toBeNull()
  })

  it('never finishes an installation when the app is installed', async () => {
    const { frame } = renderApp()
    await screen.findByRole('region', { name: 'Helpdesk Bot' })
    expect(frame.installFinished).toEqual([])
  })
})
