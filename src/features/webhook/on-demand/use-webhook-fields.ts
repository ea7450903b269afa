import { useEffect, useRef, useState } from 'react'
import type { MessageKey } from '../../../i18n'
import { checkBotToken, checkWebhookUrl, type Webhook } from '../../../portal/on-demand/webhook-url'

export type Field = 'url' | 'token'

/** What was typed in both fields, checked: ready to hand to the portal layer. */
export interface Secrets {
  webhook: Webhook
  token: string
}

/**
 * The form's two secret fields (uncontrolled, see WebhookConnect): what is wrong with what was typed, each problem
 * under its own field, and the focus on the first field at fault.
 */
export function useWebhookFields() {
  const url = useRef<HTMLInputElement>(null)
  const token = useRef<HTMLInputElement>(null)
  const [problems, setProblems] = useState<Partial<Record<Field, MessageKey>>>({})
  /** The field to focus once its problem is on screen (and named by its aria-describedby). */
  const [focusAt, setFocusAt] = useState<{ field: Field } | null>(null)
  useEffect(() => {
    if (focusAt) (focusAt.field === 'url' ? url : token).current?.focus()
  }, [focusAt])

  /** What was typed, checked before anything is sent; null, with the problems on screen, when a field is at fault. */
  const check = (): Secrets | null => {
    const webhook = checkWebhookUrl(url.current?.value ?? '')
    const botToken = checkBotToken(token.current?.value ?? '')
    if (!webhook.ok || !botToken.ok) {
      setProblems({
        ...(webhook.ok ? {} : { url: `webhook.problem.${webhook.problem}` as const }),
        ...(botToken.ok ? {} : { token: `webhook.problem.token-${botToken.problem}` as const }),
      })
      setFocusAt({ field: webhook.ok ? 'token' : 'url' })
      return null
    }
    setProblems({})
    return { webhook: webhook.webhook, token: botToken.token }
  }

  /** A field typed in again: its problem is no longer shown (the other's stays until the next check). */
  const edited = (name: Field) => setProblems(({ [name]: _fixed, ...others }) => others)

  /** Empties both fields, so that nothing of the webhook stays on the page. */
  const clear = () => {
    for (const input of [url.current, token.current]) if (input) input.value = ''
  }

  const focusFirst = () => url.current?.focus()

  return { refs: { url, token }, problems, check, edited, clear, focusFirst }
}
