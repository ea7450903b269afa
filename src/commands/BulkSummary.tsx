import { type MessageKey, useI18n } from '../i18n'
import { type Command, describeError } from '../imbot'
import type { BulkResults } from './removal'

interface BulkSummaryProps {
  commands: readonly Command[]
  results: BulkResults
  onDismiss: () => void
}

/** After a removal of many: how many were removed, already gone, and failed, by reason. */
export function BulkSummary({ commands, results, onDismiss }: BulkSummaryProps) {
  const { t } = useI18n()
  let removed = 0
  let alreadyGone = 0
  const failures = new Map<MessageKey, number>()
  for (const command of commands) {
    const result = results.get(command.id)
    if (result?.status === 'removed') removed++
    else if (result?.status === 'already-removed') alreadyGone++
    else if (result?.status === 'failed') {
      const reason = describeError(result.error).message
      failures.set(reason, (failures.get(reason) ?? 0) + 1)
    }
  }
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0)
  return (
    <section className={`notice ${failed > 0 ? 'notice--warning' : 'notice--success'} summary`} role="status">
      <h2 className="summary__title">{t('bulk.summary.title')}</h2>
      <ul className="summary__counts">
        <li>{t('bulk.summary.removed', { count: removed })}</li>
        {alreadyGone > 0 && <li>{t('bulk.summary.alreadyGone', { count: alreadyGone })}</li>}
        {failed > 0 && <li>{t('bulk.summary.failed', { count: failed })}</li>}
      </ul>
      {failed > 0 && (
        <>
          <ul className="summary__reasons">
            {[...failures].map(([reason, count]) => (
              <li key={reason}>{t('bulk.summary.reason', { reason: t(reason), count })}</li>
            ))}
          </ul>
          <p className="summary__hint">{t('bulk.summary.failedHint')}</p>
        </>
      )}
      <button type="button" className="button button--small button--link" onClick={onDismiss}>
        {t('action.dismiss')}
      </button>
    </section>
  )
}
