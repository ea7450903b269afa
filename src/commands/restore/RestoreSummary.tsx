import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n'
import { usePortalClient } from '../../portal'
import { ErrorNotice } from '../deferred'
import type { RestorePick, RestoreResults } from './restore-commands'

/** How the restore went: counts, then one line per picked command with its outcome (a failure in words). */
export function RestoreSummary({
  picks,
  results,
}: {
  picks: readonly RestorePick[]
  results: RestoreResults
}) {
  const { t } = useI18n()
  const { mode } = usePortalClient()
  const count = (...statuses: string[]) =>
    picks.filter((pick) => statuses.includes(results.get(pick.key)?.status ?? 'failed')).length
  const failed = count('failed', 'not-sent')
  const root = useRef<HTMLElement>(null)
  // The button the user pressed is gone: the summary is where their attention goes.
  useEffect(() => root.current?.focus(), [])
  return (
    <section
      ref={root}
      tabIndex={-1}
      className={`notice ${failed > 0 ? 'notice--warning' : 'notice--success'} summary`}
      role="status"
      aria-label={t('restore.summary.title')}
    >
      <h3 className="summary__title">{t('restore.summary.title')}</h3>
      <ul className="summary__counts">
        <li>{t('restore.summary.restored', { count: count('restored', 'already') })}</li>
        {count('updated') > 0 && <li>{t('restore.summary.updated', { count: count('updated') })}</li>}
        {failed > 0 && <li>{t('restore.summary.failed', { count: failed })}</li>}
      </ul>
      <ul className="restore__list">
        {picks.map((pick) => {
          const outcome = results.get(pick.key)
          const failure = outcome?.status === 'failed' || outcome?.status === 'not-sent' ? outcome : null
          const status = outcome?.status ?? 'failed'
          return (
            <li key={pick.key} className="restore__entry">
              <code>{pick.file.command}</code> ({pick.bot.name}):{' '}
              {t(status === 'not-sent' ? 'restore.outcome.notSent' : `restore.outcome.${status}`)}
              {failure && <ErrorNotice error={failure.error} announce={false} mode={mode} />}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
