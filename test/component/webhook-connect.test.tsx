import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { I18nProvider, loadDictionary, loadMoreMessages } from '../../src/i18n'
import { WebhookConnect } from '../../src/webhook/WebhookConnect'

async function renderForm() {
  await Promise.all([loadDictionary('en'), loadMoreMessages('en')])
  const onConnected = vi.fn()
  render(
    <I18nProvider language="en">
      <WebhookConnect
        onConnected={onConnected}
        renderFailure={(failure) => <p role="alert">{failure.code}</p>}
      />
    </I18nProvider>,
  )
  return { user: userEvent.setup(), onConnected }
}

describe('Connect with a webhook', () => {
  it('asks for both secrets in password fields a screen reader names "webhook" and "token"', async () => {
    await renderForm()
    expect(screen.getByLabelText(/webhook URL/i).getAttribute('type')).toBe('password')
    expect(screen.getByLabelText(/bot token/i).getAttribute('type')).toBe('password')
  })

  it('checks the address and the token before anything is sent, with a message per problem', async () => {
    const { user, onConnected } = await renderForm()
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const connect = screen.getByRole('button', { name: 'Connect' })
    await user.click(connect)
    expect((await screen.findByRole('alert')).textContent).toBe('Paste the inbound webhook URL.')
    await user.type(screen.getByLabelText(/webhook URL/i), 'http://acme.bitrix24.com/rest/1/abc/')
    await user.click(connect)
    expect((await screen.findByRole('alert')).textContent).toContain('must start with https://')
    expect(screen.getByLabelText(/webhook URL/i).getAttribute('aria-invalid')).toBe('true')
    await user.clear(screen.getByLabelText(/webhook URL/i))
    await user.type(screen.getByLabelText(/webhook URL/i), 'https://acme.bitrix24.com/rest/1/abc/')
    await user.click(connect)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the bot token (at most 40 characters).',
    )
    await user.type(screen.getByLabelText(/bot token/i), 'x'.repeat(41))
    await user.click(connect)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the bot token (at most 40 characters).',
    )
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(onConnected).not.toHaveBeenCalled()
  })
})
