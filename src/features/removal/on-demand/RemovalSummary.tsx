import { useEffect, useRef } from 'react'
import { type MessageKey, MoreMessages, useMoreI18n } from '../../../i18n'
import type { Command } from '../../../imbot'
import { describeErrorFor } from '../../../imbot/on-demand/webhook-wording'
import { usePortalClient } from '../../../portal'
import { retryCanHelp } from '../../../shared/feedback/on-demand/retry-can-help'
import { focusIsLost } from '../../../ui'
import { useBulkHold, useBulkProgress } from '../hooks'
import type { RemovalRequest, RemovalResults } from '../outcome'
import { useRemoval } from '../RemovalProvider'
import { reconcile } from './remove-commands'

interface RemovalSummaryProps {
  request: RemovalRequest
  results: RemovalResults
  /** Whether a command is on the lists as last read from the portal: the summary reconciles with them. */
  isListed: (command: Command) => boolean
}

/**
 * After a removal of many: how many were removed, failed (by reason) and not sent, with "Retry the failed ones"
 * (those whose error a retry can help). Counted against the lists as the portal last gave them, so an outcome the
 * connection left in doubt is counted right once the lists have been read again (a command no longer listed was
 * removed). While a removal of many is held or runs (this one's retry, say), its actions wait.
 */
export function RemovalSummary(props: RemovalSummaryProps) {
  return (
    <MoreMessages>
      <SummaryText {...props} />
    </MoreMessages>
  )
}

function SummaryText({ request, results, isListed }: RemovalSummaryProps) {
  const { t } = useMoreI18n()
  const { store, send } = useRemoval()
  const { mode } = usePortalClient()
  // A removal of many held or under way (a retry, say): the actions wait (a second click would send again).
  const held = useBulkHold() !== undefined
  const running = useBulkProgress() !== null || held
  const root = useRef<HTMLElement>(null)
  // The bar the user acted in has changed under them: the summary is where their attention goes next.
  useEffect(() => {
    const bar = root.current?.parentElement?.querySelector('.bulk')
    if (focusIsLost() || bar?.contains(document.activeElement)) root.current?.focus()
  }, [])
  let removedCount = 0
  let notRemoved = 0
  let notSent = 0
  const failures = new Map<MessageKey, number>()
  const again: Command[] = []
  for (const command of request.commands) {
    const outcome = reconcile(results.get(command.id), isListed(command))
    if (outcome?.status === 'removed') {
      removedCount++
      continue
    }
    notRemoved++
    const entry = outcome && describeErrorFor(outcome.error, mode)
    if (retryCanHelp(outcome, mode)) again.push(command)
    if (outcome?.status === 'not-sent') notSent++
    else {
      const reason = entry ? entry.message : 'error.MALFORMED_ANSWER'
      failures.set(reason, (failures.get(reason) ?? 0) + 1)
    }
  }
  const failed = notRemoved - notSent
  return (
    <section
      ref={root}
      tabIndex={-1}
      className={`notice ${notRemoved > 0 ? 'notice--warning' : 'notice--success'} summary`}
      role="status"
    >
      <h2 className="summary__title">{t('bulk.summary.title')}</h2>
      <ul className="summary__counts">
        <li>{t('bulk.summary.removed', { count: removedCount })}</li>
        {failed > 0 && <li>{t('bulk.summary.failed', { count: failed })}</li>}
        {notSent > 0 && <li>{t('bulk.summary.notSent', { count: notSent })}</li>}
      </ul>
      {failures.size > 0 && (
        <ul className="summary__reasons">
          {[...failures].map(([reason, count]) => (
            <li key={reason}>{t('bulk.summary.reason', { reason: t(reason), count })}</li>
          ))}
        </ul>
      )}
      {notRemoved > 0 && <p className="summary__hint">{t('bulk.summary.failedHint')}</p>}
      <div className="summary__actions">
        {again.length > 0 && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={running}
            onClick={() => send(again, true)}
          >
            {t('bulk.summary.retry', { count: again.length })}
          </button>
        )}
        <button
          type="button"
          className="button button--small button--link"
          disabled={running}
          onClick={store.dismissSummary}
        >
          {t('action.dismiss')}
        </button>
      </div>
    </section>
  )
}
