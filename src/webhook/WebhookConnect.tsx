import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { type MessageKey, useI18n } from '../i18n'
import { type PortalClient, type PortalError, toPortalError } from '../portal'
import { checkWebhookUrl } from '../portal/webhook-url'

/** Bitrix24 accepts bot tokens of at most this many characters. */
const maxTokenLength = 40

interface WebhookConnectProps {
  onConnected: (client: PortalClient) => void
  /** Shows why connecting failed, in the webhook's words (the app's error notice). */
  renderFailure: (failure: PortalError, dismiss: () => void) => ReactNode
}

/**
 * "Connect with a webhook", on the page opened outside Bitrix24: for bots registered through an inbound webhook.
 * Both fields are password fields, and uncontrolled: React would copy a controlled field's value into its `value`
 * attribute, in the page's HTML. What is typed is read on Connect, checked before anything is sent, handed to the
 * portal layer, and cleared from the fields once connected.
 */
export function WebhookConnect({ onConnected, renderFailure }: WebhookConnectProps) {
  const { t } = useI18n()
  const id = useId()
  const urlInput = useRef<HTMLInputElement>(null)
  const tokenInput = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<{ field: 'url' | 'token'; message: MessageKey } | null>(null)
  const [failure, setFailure] = useState<PortalError | null>(null)
  const [connecting, setConnecting] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (connecting) return
    const checked = checkWebhookUrl(urlInput.current?.value ?? '')
    const trimmedToken = (tokenInput.current?.value ?? '').trim()
    if (!checked.ok) {
      setProblem({ field: 'url', message: `webhook.problem.${checked.problem}` })
      return
    }
    if (trimmedToken === '' || trimmedToken.length > maxTokenLength) {
      setProblem({ field: 'token', message: 'webhook.problem.token' })
      return
    }
    setProblem(null)
    setFailure(null)
    setConnecting(true)
    try {
      const { connectWebhook } = await import('../portal/webhook-client')
      const client = await connectWebhook(checked.webhook, trimmedToken)
      for (const input of [urlInput.current, tokenInput.current]) if (input) input.value = ''
      onConnected(client)
    } catch (error) {
      setFailure(toPortalError(error, 'imbot.v2.Bot.list'))
    } finally {
      setConnecting(false)
    }
  }

  const field = (name: 'url' | 'token', label: MessageKey) => (
    <label className="field" htmlFor={`${id}-${name}`}>
      <span className="field__label">{t(label)}</span>
      <input
        id={`${id}-${name}`}
        className="input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        ref={name === 'url' ? urlInput : tokenInput}
        aria-invalid={problem?.field === name}
        aria-describedby={problem?.field === name ? `${id}-problem` : undefined}
        onChange={() => setProblem(null)}
      />
    </label>
  )

  return (
    <section className="webhook" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('webhook.title')}</h2>
      <p>{t('webhook.body')}</p>
      <form className="webhook__form" onSubmit={(event) => void submit(event)} noValidate>
        {field('url', 'webhook.url')}
        <p className="field__hint">{t('webhook.urlHint')}</p>
        {field('token', 'webhook.token')}
        {problem && (
          <p id={`${id}-problem`} className="field__error" role="alert">
            {t(problem.message)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={connecting}>
          {t(connecting ? 'webhook.connecting' : 'webhook.connect')}
        </button>
      </form>
      {failure && renderFailure(failure, () => setFailure(null))}
    </section>
  )
}
