import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { type MessageKey, MoreMessages, useMoreI18n } from '../../../i18n'
import { type PortalClient, type PortalError, toPortalError } from '../../../portal'
import { checkBotToken, checkWebhookUrl } from '../../../portal/on-demand/webhook-url'
import { useStillWaiting } from '../../../ui'

type Field = 'url' | 'token'

interface WebhookConnectProps {
  onConnected: (client: PortalClient) => void
  /** Shows why connecting failed, in the webhook's words (the app's error notice). */
  renderFailure: (failure: PortalError, dismiss: () => void) => ReactNode
}

/**
 * "Connect with a webhook", on the page opened outside Bitrix24: for bots registered through an inbound webhook.
 * Both fields are password fields, and uncontrolled: React would copy a controlled field's value into its `value`
 * attribute, in the page's HTML. What is typed is read on Connect, checked before anything is sent (each problem
 * under its own field, the focus on the first field at fault), handed to the portal layer, and cleared from the
 * fields once connected.
 *
 * A portal that does not answer is not waited for in silence: Cancel is there from the start, and after a while the
 * app's still-waiting notice says so and offers Stop waiting. Either one aborts the attempt, empties the fields and
 * keeps nothing; an answer that comes after that is never taken.
 */
export function WebhookConnect(props: WebhookConnectProps) {
  return (
    <MoreMessages>
      <WebhookForm {...props} />
    </MoreMessages>
  )
}

function WebhookForm({ onConnected, renderFailure }: WebhookConnectProps) {
  const { t } = useMoreI18n()
  const id = useId()
  const url = useRef<HTMLInputElement>(null)
  const token = useRef<HTMLInputElement>(null)
  const [problems, setProblems] = useState<Partial<Record<Field, MessageKey>>>({})
  const [failure, setFailure] = useState<PortalError | null>(null)
  const [stopped, setStopped] = useState(false)
  /** The attempt under way: stopping aborts it, and nothing it brings afterwards is taken. */
  const attempt = useRef<AbortController | null>(null)
  const [connecting, setConnecting] = useState(false)
  const waitingLong = useStillWaiting(connecting)
  // Leaving the form while connecting (the page closes, another screen replaces it) stops the attempt too.
  useEffect(() => () => attempt.current?.abort(), [])

  /** The field to focus once its problem is on screen (and named by its aria-describedby). */
  const [focusAt, setFocusAt] = useState<{ field: Field } | null>(null)
  useEffect(() => {
    if (focusAt) (focusAt.field === 'url' ? url : token).current?.focus()
  }, [focusAt])

  const clearFields = () => {
    for (const input of [url.current, token.current]) if (input) input.value = ''
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (attempt.current) return
    setStopped(false)
    const webhook = checkWebhookUrl(url.current?.value ?? '')
    const botToken = checkBotToken(token.current?.value ?? '')
    if (!webhook.ok || !botToken.ok) {
      setProblems({
        ...(webhook.ok ? {} : { url: `webhook.problem.${webhook.problem}` as const }),
        ...(botToken.ok ? {} : { token: `webhook.problem.token-${botToken.problem}` as const }),
      })
      setFocusAt({ field: webhook.ok ? 'token' : 'url' })
      return
    }
    setProblems({})
    setFailure(null)
    const current = new AbortController()
    attempt.current = current
    setConnecting(true)
    try {
      const { connectWebhook } = await import('../../../portal/on-demand/webhook-client')
      const client = await connectWebhook(webhook.webhook, botToken.token, current.signal)
      // connectWebhook refuses once stopped; should its answer still get here, it connects nothing.
      if (current.signal.aborted) return client.close?.()
      clearFields()
      onConnected(client)
    } catch (error) {
      if (!current.signal.aborted) setFailure(toPortalError(error, 'imbot.v2.Bot.list'))
    } finally {
      if (attempt.current === current) {
        attempt.current = null
        setConnecting(false)
      }
    }
  }

  /** Cancel, or Stop waiting: back to the form, empty, with nothing of the webhook kept. */
  const stop = () => {
    attempt.current?.abort()
    attempt.current = null
    setConnecting(false)
    clearFields()
    setStopped(true)
    url.current?.focus()
  }

  const field = (name: Field, label: MessageKey, hint?: MessageKey) => {
    const problem = problems[name]
    const described = [hint && `${id}-${name}-hint`, problem && `${id}-${name}-problem`].filter(Boolean)
    return (
      <>
        <label className="field" htmlFor={`${id}-${name}`}>
          <span className="field__label">{t(label)}</span>
          <input
            id={`${id}-${name}`}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            ref={name === 'url' ? url : token}
            aria-invalid={problem ? true : undefined}
            aria-describedby={described.join(' ') || undefined}
            onChange={() => setProblems(({ [name]: _fixed, ...others }) => others)}
          />
        </label>
        {hint && (
          <p id={`${id}-${name}-hint`} className="field__hint">
            {t(hint)}
          </p>
        )}
        {problem && (
          <p id={`${id}-${name}-problem`} className="field__error" role="alert">
            {t(problem)}
          </p>
        )}
      </>
    )
  }

  return (
    <section className="webhook" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('webhook.title')}</h2>
      <p>{t('webhook.body')}</p>
      <form className="webhook__form" onSubmit={(event) => void submit(event)} noValidate>
        {field('url', 'webhook.url', 'webhook.urlHint')}
        {field('token', 'webhook.token')}
        <div className="webhook__actions">
          <button type="submit" className="button button--primary" disabled={connecting}>
            {t(connecting ? 'webhook.connecting' : 'webhook.connect')}
          </button>
          {connecting && (
            <button type="button" className="button" onClick={stop}>
              {t('action.cancel')}
            </button>
          )}
        </div>
        {waitingLong && (
          <p className="still-waiting" role="status">
            {t('waiting.still')} {t('webhook.waitingNote')}{' '}
            <button type="button" className="button button--small button--link" onClick={stop}>
              {t('waiting.stop')}
            </button>
          </p>
        )}
        {stopped && <p role="status">{t('webhook.stopped')}</p>}
      </form>
      {failure && renderFailure(failure, () => setFailure(null))}
    </section>
  )
}
