import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { I18nProvider, loadDictionary, loadMoreMessages } from '../../src/i18n'
import { type PortalClient, PortalClientProvider, type PortalErrorShape } from '../../src/portal'
import { ErrorNoticeView } from '../../src/shared/feedback/on-demand/ErrorNoticeView'

beforeAll(async () => {
  await Promise.all([loadDictionary('en'), loadMoreMessages('en')])
})

const webhookClient = { mode: 'webhook' } as PortalClient

/** The notice of one error, as a person finds it: its alert, and what "Details" holds, term by term. */
async function showNotice(
  error: PortalErrorShape,
  { at, disconnect }: { at?: number; disconnect?: () => void } = {},
) {
  const notice = <ErrorNoticeView error={error} at={at} onRetry={() => undefined} />
  const { unmount } = render(
    <I18nProvider language="en">
      {disconnect ? (
        <PortalClientProvider client={webhookClient} disconnect={disconnect}>
          {notice}
        </PortalClientProvider>
      ) : (
        notice
      )}
    </I18nProvider>,
  )
  const alert = await screen.findByRole('alert')
  const terms = [...alert.querySelectorAll('dt')].map((term) => [
    term.textContent,
    term.nextElementSibling?.textContent,
  ])
  return {
    alert,
    unmount,
    message: alert.querySelector('.notice__message')?.textContent ?? '',
    details: Object.fromEntries(terms),
  }
}

describe('the error notice', () => {
  it('says an answer that is not Bitrix24’s is not, and shows only what kind it was under Details', async () => {
    const { alert, message, details } = await showNotice({
      code: 'NOT_BITRIX24_ANSWER',
      status: 200,
      description: 'text/html; charset=utf-8',
      method: 'imbot.v2.Bot.list',
    })
    expect(message).toContain('This address does not answer as Bitrix24')
    expect(message).not.toContain('refused')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
    expect(details).toMatchObject({
      'Content type of the answer': 'text/html; charset=utf-8',
      'HTTP status': '200',
    })
    expect(details).not.toHaveProperty('Bitrix24 said')
  })

  it('never shows a JavaScript error as Bitrix24’s words', async () => {
    const { message, details } = await showNotice({
      code: 'JSSDK_UNKNOWN_ERROR',
      status: 0,
      description: "Cannot destructure property 'operating' of 'n' as it is undefined.",
      method: 'batch',
    })
    expect(message).toContain('Something went wrong inside the app')
    expect(details).not.toHaveProperty('Bitrix24 said')
    expect(details['Message from the app']).toContain('Cannot destructure')
  })

  it('keeps Bitrix24’s own words under “Bitrix24 said”', async () => {
    const { message, details } = await showNotice({
      code: 'ACCESS_DENIED',
      status: 403,
      description: 'REST is available only by subscription.',
      method: 'imbot.v2.Bot.list',
    })
    expect(message).toContain('Bitrix24 Market subscription')
    expect(details['Bitrix24 said']).toBe('REST is available only by subscription.')
  })

  it('says when an operating-time pause ends: when Bitrix24 said its count resets, else ten minutes on', async () => {
    const at = new Date(2026, 11, 4, 10, 0, 0).getTime()
    const clock = (time: number) =>
      new Date(time).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' })
    const pause = {
      code: 'OPERATION_TIME_LIMIT',
      status: 429,
      description: '',
      method: 'imbot.v2.Command.list',
    }
    const said = await showNotice({ ...pause, operatingResetAt: (at + 3 * 60_000) / 1000 }, { at })
    expect(said.message).toContain(`You can try again after ${clock(at + 3 * 60_000)}.`)
    said.unmount()
    const unsaid = await showNotice(pause, { at })
    expect(unsaid.message).toContain(`You can try again after ${clock(at + 10 * 60_000)}.`)
  })

  it('through a webhook: a revoked webhook offers to connect again, an expired one says it expired', async () => {
    const disconnect = vi.fn()
    const revoked = await showNotice(
      {
        code: 'INVALID_CREDENTIALS',
        status: 401,
        description: 'Invalid request credentials',
        method: 'batch',
      },
      { disconnect },
    )
    expect(revoked.message).toContain('Bitrix24 does not accept this webhook')
    expect(within(revoked.alert).queryByRole('button', { name: 'Try again' })).toBeNull()
    await userEvent.click(within(revoked.alert).getByRole('button', { name: 'Disconnect' }))
    expect(disconnect).toHaveBeenCalledOnce()
    revoked.unmount()
    const expired = await showNotice(
      { code: 'NO_AUTH_FOUND', status: 401, description: 'Webhook has expired', method: 'batch' },
      { disconnect },
    )
    expect(expired.message).toContain('This webhook has expired')
  })
})
