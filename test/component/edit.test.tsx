import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../support/render-app'

/** The page with Helpdesk Bot listed, and its /help open for editing; `before` runs first (a fault to inject). */
async function editHelp(before: (portal: ReturnType<typeof renderApp>['portal']) => void = () => undefined) {
  const user = userEvent.setup()
  const { portal } = renderApp()
  const helpdesk = await screen.findByRole('region', { name: 'Helpdesk Bot' })
  await within(helpdesk).findByText('/help')
  before(portal)
  await user.click(within(helpdesk).getByRole('button', { name: 'Edit /help' }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit /help' })
  return { user, portal, helpdesk, dialog }
}

describe('editing a command', () => {
  it('shows the new trigger at once, and the portal has it', async () => {
    const { user, portal, helpdesk, dialog } = await editHelp()
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
    const { user, helpdesk, dialog } = await editHelp((portal) =>
      portal.injectFault({ method: 'imbot.v2.Command.update', code: 'COMMAND_ALREADY_EXISTS' }),
    )
    await user.clear(within(dialog).getByLabelText('Title'))
    await user.type(within(dialog).getByLabelText('Title'), 'Help me')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const alert = await within(helpdesk).findByRole('alert')
    await waitFor(() => expect(alert.textContent).toContain('already has a command with that name'))
    expect(within(helpdesk).getByText('Show help')).toBeTruthy()
    expect(within(helpdesk).queryByText('Help me')).toBeNull()
  })

  it('says a refused edit was not saved, though the list cannot show what it changed (a title in another language)', async () => {
    const { user, portal, helpdesk, dialog } = await editHelp((portal) =>
      portal.injectFault({ method: 'imbot.v2.Command.update', code: 'INTERNAL_SERVER_ERROR' }),
    )
    await user.selectOptions(within(dialog).getByLabelText('Add another language'), 'fr')
    await user.type(within(dialog).getAllByLabelText('Title')[1] as HTMLElement, 'Aide')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const alert = await within(helpdesk).findByRole('alert')
    await waitFor(() => expect(alert.textContent).toContain('internal error'))
    expect(portal.getState().commands.find((c) => c.command === 'help')?.titles.fr).toBeUndefined()
  })

  it('adds a hint in another language with its title', async () => {
    const { user, portal, dialog } = await editHelp()
    await user.selectOptions(within(dialog).getByLabelText('Add another language'), 'de')
    await user.type(within(dialog).getAllByLabelText('Parameters')[1] as HTMLElement, '[[Thema]')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    // A hint without its title is not sent: the title field of that language says why and takes the focus.
    const germanTitle = within(dialog).getAllByLabelText('Title')[1] as HTMLElement
    await waitFor(() => expect(document.activeElement).toBe(germanTitle))
    expect(germanTitle.getAttribute('aria-invalid')).toBe('true')
    expect(within(dialog).getByRole('alert').textContent).toContain('Add a title in de too')
    await user.type(germanTitle, 'Hilfe anzeigen')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => {
      const help = portal.getState().commands.find((c) => c.command === 'help')
      expect(help?.titles.de).toBe('Hilfe anzeigen')
      expect(help?.params.de).toBe('[Thema]')
    })
    const updates = portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.update')
    expect(updates).toHaveLength(1)
    expect(updates[0]?.params).toMatchObject({
      fields: { title: { de: 'Hilfe anzeigen' }, params: { de: '[Thema]' } },
    })
  })
})

describe('hiding a command on a live portal (which does not list `hidden`)', () => {
  it('shows Hidden on the row once saved, also after the list is read again', async () => {
    const { user, portal, helpdesk, dialog } = await editHelp()
    await user.click(within(dialog).getByRole('checkbox', { name: 'Hidden' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(portal.getState().commands.find((c) => c.command === 'help')?.hidden).toBe(true),
    )
    await waitFor(() =>
      expect(
        portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.list').length,
      ).toBeGreaterThan(2),
    )
    const row = within(helpdesk).getByRole('row', { name: /\/help/ })
    await waitFor(() => expect(within(row).getByText('Hidden')).toBeTruthy())
  })

  it('counts a hide whose answer was lost as saved, and sends it once more to be sure', async () => {
    const { user, portal, helpdesk, dialog } = await editHelp((portal) =>
      portal.injectFault({ method: 'imbot.v2.Command.update', code: 'NETWORK_ERROR', mode: 'drop' }),
    )
    await user.click(within(dialog).getByRole('checkbox', { name: 'Hidden' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const row = within(helpdesk).getByRole('row', { name: /\/help/ })
    await waitFor(() => expect(within(row).getByText('Hidden')).toBeTruthy())
    await waitFor(() =>
      expect(portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.update')).toHaveLength(2),
    )
    expect(within(helpdesk).queryByRole('alert')).toBeNull()
    expect(portal.getState().commands.find((c) => c.command === 'help')?.hidden).toBe(true)
  })
})
