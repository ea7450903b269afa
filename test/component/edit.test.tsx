import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../support/render-app'

describe('editing a command', () => {
  it('shows the new trigger at once, and the portal has it', async () => {
    const user = userEvent.setup()
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    await user.click(within(helpdesk).getByRole('button', { name: 'Edit /help' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit /help' })
    await user.clear(within(dialog).getByLabelText('Command'))
    await user.type(within(dialog).getByLabelText('Command'), 'support')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(helpdesk).findByText('/support')).toBeTruthy()
    await waitFor(() => expect(portal.getState().commands.some((c) => c.command === 'support')).toBe(true))
    const updates = portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.update')
    expect(updates).toHaveLength(1)
    expect(updates[0]?.params).toMatchObject({ fields: { command: 'support' } })
  })

  it('takes the old values back when Bitrix24 refuses, and says why on the row', async () => {
    const user = userEvent.setup()
    const { portal } = renderApp()
    const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
    await within(helpdesk).findByText('/help')
    portal.injectFault({ method: 'imbot.v2.Command.update', code: 'COMMAND_ALREADY_EXISTS' })
    await user.click(within(helpdesk).getByRole('button', { name: 'Edit /help' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit /help' })
    await user.clear(within(dialog).getByLabelText('Title'))
    await user.type(within(dialog).getByLabelText('Title'), 'Help me')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const alert = await within(helpdesk).findByRole('alert')
    await waitFor(() => expect(alert.textContent).toContain('already has a command with that name'))
    expect(within(helpdesk).getByText('Show help')).toBeTruthy()
    expect(within(helpdesk).queryByText('Help me')).toBeNull()
  })
})
