import { type FormEvent, useId, useState } from 'react'
import { MoreMessages, useMoreI18n } from '../../../i18n'
import type { PortalClient } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { ConnectActions } from './ConnectActions'
import { SecretField } from './SecretField'
import { useConnectAttempt } from './use-connect-attempt'
import { useWebhookFields } from './use-webhook-fields'

interface WebhookConnectProps {
  onConnected: (client: PortalClient) => void
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

function WebhookForm({ onConnected }: WebhookConnectProps) {
  const { t } = useMoreI18n()
  const id = useId()
  const fields = useWebhookFields()
  const attempt = useConnectAttempt()
  const [stopped, setStopped] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (attempt.underWay()) return
    setStopped(false)
    const secrets = fields.check()
    if (!secrets) return
    await attempt.connect(secrets, (client) => {
      fields.clear()
      onConnected(client)
    })
  }

  /** Cancel, or Stop waiting: back to the form, empty, with nothing of the webhook kept. */
  const stop = () => {
    attempt.stop()
    fields.clear()
    setStopped(true)
    fields.focusFirst()
  }

  return (
    <section className="webhook" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('webhook.title')}</h2>
      <p>{t('webhook.body')}</p>
      <form className="webhook__form" onSubmit={(event) => void submit(event)} noValidate>
        <SecretField
          id={`${id}-url`}
          label="webhook.url"
          hint="webhook.urlHint"
          problem={fields.problems.url}
          inputRef={fields.refs.url}
          onEdit={() => fields.edited('url')}
        />
        <SecretField
          id={`${id}-token`}
          label="webhook.token"
          problem={fields.problems.token}
          inputRef={fields.refs.token}
          onEdit={() => fields.edited('token')}
        />
        <ConnectActions connecting={attempt.connecting} onStop={stop} />
        {stopped && <p role="status">{t('webhook.stopped')}</p>}
      </form>
      {/* Why connecting failed, in the webhook's words. */}
      {attempt.failure && (
        <ErrorNotice
          error={attempt.failure}
          mode="webhook"
          onRetry={attempt.dismissFailure}
          onDismiss={attempt.dismissFailure}
        />
      )}
    </section>
  )
}
