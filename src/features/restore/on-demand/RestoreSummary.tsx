import { useEffect, useRef } from 'react'
import { type Language, type Translate, useMoreI18n } from '../../../i18n'
import { usePortalClient } from '../../../portal'
import { commandFlags } from '../../../shared/command/fields'
import { languageName } from '../../../shared/command/on-demand/language-name'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { retryCanHelp } from '../../../shared/feedback/on-demand/retry-can-help'
import { fieldLabel } from './labels'
import type { RestoreLedger } from './mutations'
import type { RestoreOutcome, RestoreResults } from './outcomes'
import type { RestorePick, Sent } from './picks'

type Status = RestoreOutcome['status']

/**
 * How the restore went: counts, then one line per picked command with its outcome: what was set, what Bitrix24 did
 * not save, a failure in words. The counts are counted from the same outcomes as the lines, so they always agree.
 */
export function RestoreSummary({
  picks,
  results,
}: {
  picks: readonly RestorePick[]
  results: RestoreResults
}) {
  const { t, language } = useMoreI18n()
  const { mode } = usePortalClient()
  const statusOf = (pick: RestorePick): Status => results.get(pick.key)?.status ?? 'failed'
  const count = (...statuses: Status[]) => picks.filter((pick) => statuses.includes(statusOf(pick))).length
  const failed = count('failed', 'vanished')
  const notSent = count('not-sent', 'stopped')
  const notSaved = count('not-saved')
  const counts = (
    [
      ['restore.summary.restored', count('restored')],
      ['restore.summary.updated', count('updated')],
      ['restore.summary.already', count('already')],
      ['restore.summary.notSaved', notSaved],
      ['restore.summary.failed', failed],
      ['restore.summary.notSent', notSent],
    ] as const
  ).filter(([, number]) => number > 0)
  // Stopped by the admin: the summary says so, and what was not sent.
  const title = count('stopped') > 0 ? t('restore.summary.stoppedTitle') : t('restore.summary.title')
  const root = useRef<HTMLElement>(null)
  // The button the user pressed is gone: the summary is where their attention goes.
  useEffect(() => root.current?.focus(), [])
  return (
    <section
      ref={root}
      tabIndex={-1}
      className={`notice ${failed + notSent + notSaved > 0 ? 'notice--warning' : 'notice--success'} summary`}
      role="status"
      aria-label={title}
    >
      <h3 className="summary__title">{title}</h3>
      <ul className="summary__counts">
        {counts.map(([key, number]) => (
          <li key={key}>{t(key, { count: number })}</li>
        ))}
      </ul>
      <ul className="restore__list">
        {picks.map((pick) => {
          const outcome = results.get(pick.key)
          const failure = outcome?.status === 'failed' || outcome?.status === 'not-sent' ? outcome : null
          return (
            <li key={pick.key} className="restore__entry">
              <code>{pick.file.command}</code> ({pick.bot.name}): {lineOf(pick, outcome, t, language)}
              {failure && <ErrorNotice error={failure.error} announce={false} mode={mode} />}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * Under the summary, "Retry the failed ones": what a retry can help (retryCanHelp), as a new run; "Send the rest"
 * when that is only what a stop left unsent. Nothing when a retry can help none.
 */
export function RetryFailed({
  ledger: { picks, results },
  onRetry,
}: {
  ledger: RestoreLedger
  onRetry: (picks: readonly RestorePick[]) => void
}) {
  const { t } = useMoreI18n()
  const { mode } = usePortalClient()
  const again = picks.filter((pick) => retryCanHelp(results.get(pick.key), mode))
  if (again.length === 0) return null
  const onlyStopped = again.every((pick) => results.get(pick.key)?.status === 'stopped')
  return (
    <button type="button" className="button button--primary" onClick={() => onRetry(again)}>
      {t(onlyStopped ? 'restore.summary.sendRest' : 'bulk.summary.retry', { count: again.length })}
    </button>
  )
}

/** One command's outcome in words, with what was set (the flags the admin chose said so). */
function lineOf(
  pick: RestorePick,
  outcome: RestoreOutcome | undefined,
  t: Translate,
  language: Language,
): string {
  switch (outcome?.status) {
    case 'restored':
      return t('text.labelled', {
        label: t('restore.outcome.restored'),
        value: sentIn(pick, outcome.sent, t, language),
      })
    case 'updated':
      return t('text.labelled', {
        label: t('restore.outcome.updated'),
        value: sentIn(pick, outcome.sent, t, language),
      })
    case 'already':
      return t('restore.outcome.already')
    case 'vanished':
      return t('restore.outcome.vanished')
    case 'not-saved': {
      const { notSaved } = outcome
      if (notSaved.kind === 'existing') return t('restore.notSaved.existing', { command: notSaved.command })
      if (notSaved.kind === 'unlisted') return t('restore.notSaved.unlisted')
      return t('restore.notSaved.fields', {
        fields: notSaved.fields.map((field) => t(fieldLabel[field])).join(t('text.listSeparator')),
      })
    }
    case 'not-sent':
      return t('restore.outcome.notSent')
    case 'stopped':
      return t('restore.outcome.stopped')
    default:
      return t('restore.outcome.failed')
  }
}

/** What was sent: the texts and their language, and each flag set ("your choice" where the file did not say). */
function sentIn(pick: RestorePick, sent: Sent, t: Translate, language: Language): string {
  const parts: string[] = []
  if (sent.texts.length > 0) {
    parts.push(
      t(sent.texts.includes('params') ? 'restore.sent.titleAndHint' : 'restore.sent.title', {
        language: languageName(sent.language, language),
      }),
    )
  }
  const flags = commandFlags.flatMap((field) => {
    const value = sent.flags[field]
    if (value === undefined) return []
    const chosen = pick.kind === 'gone' && pick.chosen.includes(field) ? ` ${t('restore.sent.chosen')}` : ''
    return [
      `${t('text.labelled', { label: t(fieldLabel[field]), value: t(value ? 'restore.yes' : 'restore.no') })}${chosen}`,
    ]
  })
  if (flags.length > 0) parts.push(t('restore.sent.flags', { flags: flags.join(' · ') }))
  return parts.join(t('text.separator'))
}
