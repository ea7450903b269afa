import { MoreText, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { StillWaiting } from '../../shared/feedback/StillWaiting'
import { ignoreConfirmingKey, noteFocus } from '../../ui'
import { HeldUndo, type RowRemoval, useRemoval } from '../removal'

interface RowActionsProps {
  command: Command
  removal: RowRemoval
  onEdit: () => void
  onRefresh: (botId: number) => void
}

/** A row's actions, as its removal stands: Undo while held, progress while sent, else Edit and Remove. */
export function RowActions({ command, removal, onEdit, onRefresh }: RowActionsProps) {
  const { t } = useI18n()
  const { request, store, undo } = useRemoval()
  if (removal.status === 'held') {
    return (
      <HeldUndo
        onUndo={() => undo(removal.hold.id, command.id)}
        takeFocus={!removal.hold.bulk}
        className="row__status"
        as="span"
      />
    )
  }
  if (removal.status === 'pending') {
    return (
      <span className="row__status" role="status">
        <span className="spinner" aria-hidden="true" />
        <MoreText id={removal.waiting ? 'row.waiting' : 'row.removing'} />
        {!removal.bulk && (
          <StillWaiting
            waiting
            note="waiting.removalNote"
            onStop={() => {
              // The removal goes on by itself (the row says so, without Remove); the list says how it ended.
              store.dismiss([command.id])
              onRefresh(command.botId)
            }}
          />
        )}
      </span>
    )
  }
  if (removal.status === 'unsettled') {
    // Stopped waiting for, still on its way: not to be removed again until it ends.
    return (
      <span className="row__status">
        <MoreText id="row.stillRemoving" />
      </span>
    )
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
