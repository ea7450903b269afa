import { memo } from 'react'
import { useI18n } from '../i18n'
import type { Command } from '../imbot'
import { ErrorNotice } from './ErrorNotice'
import { Flags } from './Flags'
import { useRemovalState } from './removal'

export interface RowActions {
  /** Asks for confirmation, then removes. */
  onRemove: (command: Command) => void
  /** Sends the removal again, without asking (the user already confirmed it once). */
  onRetry: (command: Command) => void
  onDismiss: (commandId: number) => void
  onRefresh: (botId: number) => void
}

interface CommandRowProps extends RowActions {
  command: Command
  canRemove: boolean
  columnCount: number
}

export const CommandRow = memo(function CommandRow({
  command,
  canRemove,
  columnCount,
  onRemove,
  onRetry,
  onDismiss,
  onRefresh,
}: CommandRowProps) {
  const { t } = useI18n()
  const removal = useRemovalState(command.id)
  const pending = removal?.status === 'pending'
  const waiting = pending && (removal?.failureCount ?? 0) > 0
  const error = removal?.status === 'error' ? removal.error : null
  return (
    <>
      <tr
        className={`row${pending ? ' row--pending' : ''}${error ? ' row--failed' : ''}`}
        aria-busy={pending}
      >
        <th scope="row" className="cell cell--command" data-label={t('table.command')}>
          <code>{command.command}</code>
        </th>
        <td className="cell" data-label={t('table.title')}>
          {command.title || <span className="muted">{t('flag.none')}</span>}
        </td>
        <td className="cell cell--params" data-label={t('table.params')}>
          {command.params || <span className="muted">{t('flag.none')}</span>}
        </td>
        <td className="cell" data-label={t('table.flags')}>
          <Flags command={command} />
        </td>
        <td className="cell" data-label={t('table.category')}>
          {command.category || <span className="muted">{t('flag.none')}</span>}
        </td>
        {canRemove && (
          <td className="cell cell--actions">
            {pending ? (
              <span className="row__status" role="status">
                <span className="spinner" aria-hidden="true" />
                {t(waiting ? 'row.waiting' : 'row.removing')}
              </span>
            ) : (
              <button
                type="button"
                className="button button--danger-outline button--small"
                aria-label={t('row.removeLabel', { command: command.command })}
                onClick={() => onRemove(command)}
              >
                {t('row.remove')}
              </button>
            )}
          </td>
        )}
      </tr>
      {error && (
        <tr className="row-error">
          <td colSpan={columnCount}>
            <ErrorNotice
              error={error}
              at={removal?.submittedAt}
              onRetry={() => onRetry(command)}
              onDismiss={() => onDismiss(command.id)}
              onRefresh={() => onRefresh(command.botId)}
            />
          </td>
        </tr>
      )}
    </>
  )
})
