import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebhookConnect } from '../../src/features/webhook/on-demand/WebhookConnect'
import { I18nProvider, loadDictionary, loadMoreMessages } from '../../src/i18n'
import { stillWaitingAfterMs } from '../../src/ui'
import { sandboxOverHttp } from '../support/sandbox-http'

const sandbox = sandboxOverHttp()

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function renderForm() {
  await Promise.all([loadDictionary('en'), loadMoreMessages('en')])
  const onConnected = vi.fn()
  render(
    <I18nProvider language="en">
      <WebhookConnect onConnected={onConnected} />
    </I18nProvider>,
  )
  return { user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }), onConnected }
}

const urlField = () => screen.getByLabelText(/webhook URL/i) as HTMLInputElement
const tokenField = () => screen.getByLabelText(/bot token/i) as HTMLInputElement

/** Types the sandbox's webhook URL and bot token into the form, and presses Connect. */
async function connectWith(
  user: Awaited<ReturnType<typeof renderForm>>['user'],
  { webhook, token }: ReturnType<typeof sandbox.seeded>,
) {
  await user.type(urlField(), `${webhook.origin}/rest/${webhook.userId}/${webhook.secret}/`)
  await user.type(tokenField(), token)
  await user.click(screen.getByRole('button', { name: 'Connect' }))
}

/** The texts that describe a field (its aria-describedby), as a screen reader reads them with it. */
const description = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)

describe('Connect with a webhook', () => {
  it('asks for both secrets in password fields a screen reader names "webhook" and "token"', async () => {
    await renderForm()
    expect(urlField().getAttribute('type')).toBe('password')
    expect(tokenField().getAttribute('type')).toBe('password')
  })

  it('shows each problem under its own field, all at once, and puts the focus on the first field at fault', async () => {
    const { user, onConnected } = await renderForm()
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const connect = screen.getByRole('button', { name: 'Connect' })
    await user.click(connect)
    expect(description(urlField())).toEqual([
      'https://your-portal.bitrix24.com/rest/1/abc123…/',
      'Paste the inbound webhook URL.',
    ])
    expect(description(tokenField())).toEqual([
      'Enter the bot token your integration registered its bots with.',
    ])
    expect(document.activeElement).toBe(urlField())
    // In the page's order: the URL's problem comes before the token field, the token's after it.
    const [urlProblem, tokenProblem] = screen.getAllByRole('alert')
    expect(urlProblem?.compareDocumentPosition(tokenField())).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
    expect(tokenProblem?.compareDocumentPosition(tokenField())).toBe(Node.DOCUMENT_POSITION_PRECEDING)

    await user.type(urlField(), 'http://acme.bitrix24.com/rest/1/4a3ufk2twk1lm6uq/')
    await user.type(tokenField(), 'x'.repeat(41))
    await user.click(connect)
    expect(description(urlField())[1]).toContain('must start with https://')
    expect(urlField().getAttribute('aria-invalid')).toBe('true')
    expect(description(tokenField())).toEqual([
      'This bot token is longer than 40 characters, the most Bitrix24 takes.',
    ])
    expect(document.activeElement).toBe(urlField())

    // Only the token is at fault now: the focus goes there, and the URL has nothing under it but its hint.
    await user.clear(urlField())
    await user.type(urlField(), 'https://acme.bitrix24.com/rest/1/4a3ufk2twk1lm6uq/')
    await user.clear(tokenField())
    await user.type(tokenField(), 'abc1234')
    await user.click(connect)
    expect(description(urlField())).toEqual(['https://your-portal.bitrix24.com/rest/1/abc123…/'])
    expect(urlField().getAttribute('aria-invalid')).toBeNull()
    expect(description(tokenField())[0]).toMatch(/^This bot token is shorter than 8 characters: /)
    expect(document.activeElement).toBe(tokenField())
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(onConnected).not.toHaveBeenCalled()
  })

  it('refuses a secret too short to hide, under the URL field', async () => {
    const { user } = await renderForm()
    await user.type(urlField(), 'https://acme.bitrix24.com/rest/1/abc/')
    await user.type(tokenField(), 'sandbox-bot-token-1')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(description(urlField())[1]).toMatch(/^The secret in this URL .* is shorter than 8 characters\./)
    expect(tokenField().getAttribute('aria-invalid')).toBeNull()
    expect(document.activeElement).toBe(urlField())
  })
})

describe('connecting to a portal that does not answer', () => {
  it('says after ten seconds that it is still waiting; Stop waiting empties the form and nothing connects later', async () => {
    const { webhook, token } = sandbox.seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'hold' })
    const { user, onConnected } = await renderForm()
    await connectWith(user, { webhook, token })
    expect((screen.getByRole('button', { name: 'Connecting…' }) as HTMLButtonElement).disabled).toBe(true)
    // The way out is there from the start; the notice comes when the portal has kept the request ten seconds.
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy()
    await vi.waitFor(() => expect(sandbox.portal.listFaults()).toEqual([]))
    expect(screen.queryByText(/the app is still waiting/)).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(stillWaitingAfterMs))
    const notice = await screen.findByText(/Bitrix24 has not answered yet; the app is still waiting\./)
    expect(notice.textContent).toContain('nothing of this webhook is kept')

    await user.click(screen.getByRole('button', { name: 'Stop waiting' }))
    await screen.findByText(/You stopped waiting for Bitrix24\. Nothing of the webhook was kept/)
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Stop waiting' })).toBeNull()
    expect([urlField().value, tokenField().value]).toEqual(['', ''])
    expect(document.activeElement).toBe(urlField())

    // The portal answers after all: nothing connects, nothing is shown.
    sandbox.portal.clearFaults()
    await vi.waitFor(() => expect(sandbox.portal.getLog()).toMatchObject([{ status: 200 }]))
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(onConnected).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(sandbox.portal.getLog()).toHaveLength(1)
  })

  it('Cancel, at any moment, does the same', async () => {
    const { webhook, token } = sandbox.seeded()
    sandbox.portal.injectFault({ method: 'imbot.v2.Bot.list', mode: 'hold' })
    const { user, onConnected } = await renderForm()
    await connectWith(user, { webhook, token })
    await vi.waitFor(() => expect(sandbox.portal.listFaults()).toEqual([]))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await screen.findByText(/You stopped waiting for Bitrix24/)
    sandbox.portal.clearFaults()
    await vi.waitFor(() => expect(sandbox.portal.getLog()).toMatchObject([{ status: 200 }]))
    expect(onConnected).not.toHaveBeenCalled()

    // The form works again: the same webhook connects.
    await connectWith(user, { webhook, token })
    await vi.waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1))
    expect(screen.queryByText(/You stopped waiting/)).toBeNull()
  })
})
