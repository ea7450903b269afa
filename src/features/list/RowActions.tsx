import { useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { ignoreConfirmingKey, noteFocus } from '../../ui'
import { type RowRemoval, RowRemovalStatus, useRemoval } from '../removal'

interface RowActionsProps {
  command: Command
  removal: RowRemoval
  onEdit: () => void
  onRefresh: (botId: number) => void
}

/** A row's actions, Edit and Remove; while its removal is held or under way, what it shows of that instead. */
export function RowActions({ command, removal, onEdit, onRefresh }: RowActionsProps) {
  const { t } = useI18n()
  const { request } = useRemoval()
  if (removal.status !== 'idle' && removal.status !== 'failed') {
    return <RowRemovalStatus command={command} removal={removal} onRefresh={onRefresh} />
  }
  return (
    <span className="row__actions">
      <button
        type="button"
        className="button button--small"
        aria-label={t('row.editLabel', { command: command.command })}
        // After Cancel the focus is back here: a held Enter, or a second press a moment later, does not open the
        // form again (after a save the form puts it on the row).
        onFocus={noteFocus}
        onKeyDown={ignoreConfirmingKey}
        onClick={onEdit}
      >
        {t('row.edit')}
      </button>
      <button
        type="button"
        className="button button--danger-outline button--small"
        aria-label={t('row.removeLabel', { command: command.command })}
        onClick={() => request([command], false)}
      >
        {t('row.remove')}
      </button>
    </span>
  )
}
