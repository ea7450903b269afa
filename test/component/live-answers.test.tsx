import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { undoWindowMs } from '../../src/features/removal'
import { renderApp } from '../support/render-app'

// The sandbox answers as live portals do by default (shared/reference/live-portal.md); the docs' shape is a
// setting. The page must show the same commands either way.

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
})

const builtIns = ['/me', '/loud', '/>>', '/rename', '/getDialogId', '/webrtcDebug']
/** Each row's command, title and parameters: what both shapes carry alike (live portals send the bot's name as
 * the category, and never say whether a command is hidden). */
const rowsOf = (section: HTMLElement) =>
  within(within(section).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')]
        .slice(1, 4)
        .map((cell) => cell.textContent)
        .join(' | '),
    )

describe('answers as live portals send them', () => {
  it('lists the bots’ own commands only, with flags read from "Y"/"N" and `extranet`', async () => {
    renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    expect(within(helpdesk).getByText('12 commands')).toBeTruthy()
    for (const command of builtIns) expect(screen.queryByText(command)).toBeNull()
    const help = within(helpdesk).getByRole('row', { name: /\/help/ })
    expect(
      within(help)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['All chats', 'Extranet'])
    // Live portals do not say which commands are hidden, so the app claims it of none.
    expect(screen.queryByText('Hidden')).toBeNull()
  })

  it('shows the same page in the docs’ shape, where hidden commands are marked', async () => {
    const live = renderApp()
    const liveSection = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(liveSection).findByText('/help')
    const liveRows = rowsOf(liveSection)
    live.unmount()

    renderApp({ settings: { answerShape: 'docs' } })
    const docsSection = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(docsSection).findByText('/help')
    const docsRows = rowsOf(docsSection)
    expect(docsRows).toEqual(liveRows)
    expect(within(docsSection).getAllByText('Hidden').length).toBeGreaterThan(0)
  })

  it('lists the readable commands when one entry cannot be read, and says one could not be shown', async () => {
    const { portal } = renderApp()
    portal.injectFault({
      method: 'imbot.v2.Command.list',
      mode: 'add-entry',
      entry: { id: 999, botId: 1, command: '/broken', common: 'maybe', appId: 'customS3CR3T' },
      match: { botId: 1 },
    })
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    expect(within(helpdesk).getByText('12 commands')).toBeTruthy()
    const notice = await within(helpdesk).findByText(/1 entry of this bot’s list could not be shown/)
    const details = notice.closest('.notice') as HTMLElement
    expect(details.textContent).toContain('"/broken"')
    expect(document.body.textContent).not.toContain('S3CR3T')
    expect(within(helpdesk).queryByRole('row', { name: /broken/ })).toBeNull()
  })

  it('lists the readable bots when one bot cannot be read', async () => {
    const { portal } = renderApp()
    portal.injectFault({
      method: 'imbot.v2.Bot.list',
      mode: 'add-entry',
      entry: { id: 'x', code: 'ghost', isHidden: 'N', appId: 'customS3CR3T' },
    })
    await screen.findByRole('region', { name: 'Helpdesk Bot' })
    expect(screen.getByRole('region', { name: 'Sales Assistant' })).toBeTruthy()
    expect(await screen.findByText(/1 bot could not be shown/)).toBeTruthy()
    expect(screen.queryByText('The bots could not be loaded.')).toBeNull()
    expect(document.body.textContent).not.toContain('S3CR3T')
  })

  it('words an error with an empty code by its description', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/ticket')
    portal.injectFault({
      method: 'imbot.command.unregister',
      code: '',
      description: 'Something failed on the portal',
    })
    await user.click(within(helpdesk).getByRole('button', { name: 'Remove /ticket' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }))
    await act(() => vi.advanceTimersByTimeAsync(undoWindowMs))
    const alert = await within(helpdesk).findByRole('alert')
    await waitFor(() =>
      expect(alert.textContent).toContain(
        'Bitrix24 refused the request and said: “Something failed on the portal”.',
      ),
    )
    expect(within(helpdesk).getByText('/ticket')).toBeTruthy()
  })
})
