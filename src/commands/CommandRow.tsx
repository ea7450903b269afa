import { memo, useEffect, useRef } from 'react'
import { useI18n } from '../i18n'
import type { Command } from '../imbot'
import { ErrorNotice } from './deferred'
import { Flags } from './Flags'
import { useHeldRemovals, useHoldOf } from './held-removals'
import { useRemovalState } from './removal'

export interface RowActions {
  /** Asks for confirmation, then removes. */
  onRemove: (command: Command) => void
  /** Sends the removal again, without asking (the user already confirmed it once). */
  onRetry: (command: Command) => void
  onDismiss: (commandIds: readonly number[]) => void
  onRefresh: (botId: number) => void
  onToggleSelect: (commandId: number) => void
}

interface CommandRowProps extends RowActions {
  command: Command
  selected: boolean
  canRemove: boolean
  columnCount: number
}

export const CommandRow = memo(function CommandRow({
  command,
  selected,
  canRemove,
  columnCount,
  onRemove,
  onRetry,
  onDismiss,
  onRefresh,
  onToggleSelect,
}: CommandRowProps) {
  const { t } = useI18n()
  const removal = useRemovalState(command.id)
  const hold = useHoldOf(command.id)
  const pending = removal?.status === 'pending'
  const error = !pending && !hold ? (removal?.error ?? null) : null
  return (
    <>
      <tr
        className={`row${pending || hold ? ' row--pending' : ''}${error ? ' row--failed' : ''}${selected ? ' row--selected' : ''}`}
        aria-busy={pending}
      >
        <td className="cell cell--select">
          <input
            type="checkbox"
            className="checkbox"
            checked={selected}
            onChange={() => onToggleSelect(command.id)}
            aria-label={t('row.select', { command: command.command })}
          />
        </td>
        <th scope="row" className="cell cell--command" data-label={t('table.command')}>
          <code>{command.command}</code>
        </th>
        <td className="cell" data-label={t('table.title')}>
          {command.title || <span className="muted">{t('row.noTitle')}</span>}
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
            {hold ? (
              <HeldStatus holdId={hold.id} focusUndo={!hold.bulk} />
            ) : pending ? (
              <span className="row__status" role="status">
                <span className="spinner" aria-hidden="true" />
                {t(removal?.waiting ? 'row.waiting' : 'row.removing')}
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
              onDismiss={() => onDismiss([command.id])}
              onRefresh={() => onRefresh(command.botId)}
            />
          </td>
        </tr>
      )}
    </>
  )
})

/** "Removing in a moment… Undo" while a single removal waits; focus moves to Undo, where the user was. */
function HeldStatus({ holdId, focusUndo }: { holdId: number; focusUndo: boolean }) {
  const { t } = useI18n()
  const { undo } = useHeldRemovals()
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (focusUndo) undoButton.current?.focus()
  }, [focusUndo])
  return (
    <span className="row__status">
      {t('row.pendingUndo')}
      <button ref={undoButton} type="button" className="button button--small" onClick={() => undo(holdId)}>
        {t('toast.undo')}
      </button>
    </span>
  )
}
