import { useEffect, useRef } from 'react'
import { languageTag, type MessageKey, MoreMessages, useMoreI18n } from '../../../i18n'
import { offersRetry, operatingLimitEndsAt, saidByBitrix24 } from '../../../imbot/on-demand/error-catalogue'
import { type ConnectionMode, describeErrorFor } from '../../../imbot/on-demand/webhook-wording'
import { type PortalErrorShape, usePortalConnection } from '../../../portal'
import { focusIsLost } from '../../../ui'

interface ErrorNoticeProps {
  error: PortalErrorShape
  /** A sentence said before the error's own words (e.g. that the command was not sent at all). */
  lead?: MessageKey
  /** When the error happened; an operating-time pause Bitrix24 gave no end for is counted from it. */
  at?: number
  onRetry?: () => void
  onDismiss?: () => void
  onRefresh?: () => void
  className?: string
  /** Announced to screen readers (role=alert); off where a summary announces many failures at once. */
  announce?: boolean
  /** Takes the focus when it appears if the focus was lost (the control the user used is gone). */
  takeFocus?: boolean
  /** How the app connects (some codes mean something else through a webhook); the connection's by default. */
  mode?: ConnectionMode
}

/**
 * One error, where its action happened: the app's own words (what happened, what to do), the recovery the
 * catalogue offers, and Bitrix24's raw text and code under "details". Announced to screen readers.
 */
export function ErrorNoticeView(props: ErrorNoticeProps) {
  // The error texts are in the part of the dictionary fetched ahead of need; they are here within moments.
  return (
    <MoreMessages>
      <ErrorNoticeText {...props} />
    </MoreMessages>
  )
}

function ErrorNoticeText({
  error,
  lead,
  at,
  onRetry,
  onDismiss,
  onRefresh,
  className = '',
  announce = true,
  takeFocus = false,
  mode,
}: ErrorNoticeProps) {
  const { t, language } = useMoreI18n()
  const connection = usePortalConnection()
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (takeFocus && focusIsLost()) root.current?.focus()
  }, [takeFocus])
  const entry = describeErrorFor(error, mode ?? connection?.client.mode)
  const retryAt =
    entry.recovery === 'retry-later'
      ? new Date(operatingLimitEndsAt(error, at ?? Date.now())).toLocaleTimeString(languageTag(language), {
          hour: '2-digit',
          minute: '2-digit',
        })
      : null
  // Under "Details", Bitrix24's words are called so; what the app or the SDK noted (a JavaScript error, say) is not,
  // and of an answer that was not Bitrix24's only its kind is shown.
  const descriptionLabel: MessageKey =
    entry.kind === 'not-bitrix'
      ? 'error.answerType'
      : saidByBitrix24(error.code)
        ? 'error.description'
        : 'error.appDescription'
  const canRetry = onRetry && offersRetry(entry)
  return (
    <div
      ref={root}
      className={`notice notice--error ${className}`}
      role={announce ? 'alert' : undefined}
      tabIndex={-1}
      data-error-kind={entry.kind}
    >
      <p className="notice__message">
        {lead && `${t(lead)} `}
        {error.code === '' && error.description
          ? t('error.unknownDescribed', { description: error.description })
          : t(entry.message)}
        {retryAt && ` ${t('error.retryAt', { time: retryAt })}`}
      </p>
      <div className="notice__actions">
        {canRetry && (
          <button type="button" className="button button--primary button--small" onClick={onRetry}>
            {t('action.retry')}
          </button>
        )}
        {entry.recovery === 'refresh-list' && onRefresh && (
          <button type="button" className="button button--small" onClick={onRefresh}>
            {t('action.refresh')}
          </button>
        )}
        {entry.recovery === 'reconnect' && connection?.disconnect && (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={connection.disconnect}
          >
            {t('webhook.disconnect')}
          </button>
        )}
        {entry.recovery === 'reload' && (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => window.location.reload()}
          >
            {t('action.reload')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button button--link button--small" onClick={onDismiss}>
            {t('action.dismiss')}
          </button>
        )}
      </div>
      <details className="details">
        <summary>{t('error.details')}</summary>
        <dl className="details__list">
          <dt>{t('error.code')}</dt>
          <dd>
            <code>{error.code || '—'}</code>
          </dd>
          {error.status > 0 && (
            <>
              <dt>{t('error.status')}</dt>
              <dd>{error.status}</dd>
            </>
          )}
          {error.method && (
            <>
              <dt>{t('error.method')}</dt>
              <dd>
                <code>{error.method}</code>
              </dd>
            </>
          )}
          {error.description && (
            <>
              <dt>{t(descriptionLabel)}</dt>
              <dd>{error.description}</dd>
            </>
          )}
        </dl>
      </details>
    </div>
  )
}
