import { type MessageKey, MoreMessages, useMoreI18n } from '../../../i18n'
import { usePortalClient } from '../../../portal'

interface UnreadableEntriesProps {
  /** The raw entries, owner keys already dropped (src/imbot reads them so). */
  entries: readonly unknown[]
  /** The sentence that counts them: a plural message with `{count}`. */
  message: MessageKey
}

/**
 * Says how many entries of an answer could not be shown, with the entries as Bitrix24 sent them under
 * "details": the readable ones are listed as usual, and nothing is silently dropped.
 */
export function UnreadableEntriesView({ entries, message }: UnreadableEntriesProps) {
  if (entries.length === 0) return null
  return (
    <MoreMessages>
      <UnreadableEntriesText entries={entries} message={message} />
    </MoreMessages>
  )
}

function UnreadableEntriesText({ entries, message }: UnreadableEntriesProps) {
  const { t } = useMoreI18n()
  // Owner keys are dropped when the answer is read; a portal may still echo a webhook's secrets in any other field.
  const client = usePortalClient()
  const shown = (text: string) => client.hideSecrets?.(text) ?? text
  return (
    <div className="notice notice--warning unreadable" role="status">
      <p className="notice__message">{t(message, { count: entries.length })}</p>
      <details className="details">
        <summary>{t('error.details')}</summary>
        <pre className="details__raw">
          {shown(entries.map((entry) => JSON.stringify(entry, null, 2)).join('\n'))}
        </pre>
      </details>
    </div>
  )
}
