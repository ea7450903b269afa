import { memo, useRef, useState } from 'react'
import { MoreText, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { Flags } from '../../shared/command/Flags'
import { ErrorNotice } from '../../shared/feedback/ErrorNotice'
import { StillWaiting } from '../../shared/feedback/StillWaiting'
import { ignoreConfirmingKey, noteFocus } from '../../ui'
import { EditCommand, EditOutcome, useEditOutcome } from '../edit'
import { HeldUndo, useRemoval, useRowRemoval } from '../removal'
import { rowFocusTarget, useFocusKept } from './use-focus-kept'

interface CommandRowProps {
  command: Command
  selected: boolean
  canRemove: boolean
  columnCount: number
  onToggleSelect: (commandId: number) => void
  /** A stale row may mean the bot itself changed: read the bot and its commands again. */
  onRefresh: (botId: number) => void
}

/** One command, its selection, and its removal as it stands (held with Undo, running, failed with the reason). */
export const CommandRow = memo(function CommandRow({
  command,
  selected,
  canRemove,
  columnCount,
  onToggleSelect,
  onRefresh,
}: CommandRowProps) {
  const { t } = useI18n()
  const removal = useRowRemoval(command.id)
  const { request, send, store, undo } = useRemoval()
  const busy = removal.status !== 'idle' && removal.status !== 'failed'
  const row = useRef<HTMLTableRowElement>(null)
  // After Undo, Dismiss or Stop waiting, the focus stays in the row: on its Remove (its last action), or its
  // checkbox. Not while it is being removed (what comes next places it: a failure's message takes it), and not
  // for a held removal of many (the selection bar's to refocus).
  useFocusKept(
    removal.status === 'held' && removal.hold.bulk ? 'held in bulk' : removal.status,
    () => rowFocusTarget(row.current),
    (before, now) => before === 'held in bulk' || now === 'pending' || now === 'failed',
  )
  // The form reads what else it needs (the bot's other commands, the list's language) when it opens.
  const [editing, setEditing] = useState(false)
  const editOutcome = useEditOutcome(command.id)
  return (
    <>
      <tr
        ref={row}
        data-command-id={command.id}
        className={`row${busy ? ' row--pending' : ''}${removal.status === 'failed' ? ' row--failed' : ''}${selected ? ' row--selected' : ''}`}
        aria-busy={removal.status === 'pending'}
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
            {removal.status === 'held' ? (
              <HeldUndo
                onUndo={() => undo(removal.hold.id, command.id)}
                takeFocus={!removal.hold.bulk}
                className="row__status"
                as="span"
              />
            ) : removal.status === 'pending' ? (
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
            ) : removal.status === 'unsettled' ? (
              // Stopped waiting for, still on its way: not to be removed again until it ends.
              <span className="row__status">
                <MoreText id="row.stillRemoving" />
              </span>
            ) : (
              <span className="row__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('row.editLabel', { command: command.command })}
                  // After Cancel the focus is back here: a held Enter, or a second press a moment later, does not
                  // open the form again (after a save the form puts it on the row).
                  onFocus={noteFocus}
                  onKeyDown={ignoreConfirmingKey}
                  onClick={() => setEditing(true)}
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
            )}
            {editing && <EditCommand command={command} onClose={() => setEditing(false)} />}
          </td>
        )}
      </tr>
      {editOutcome && !editing && (
        // How an edit ended that the form was closed before (the open form says it itself).
        <tr className="row-error">
          <td colSpan={columnCount}>
            <EditOutcome
              state={editOutcome}
              onEdit={() => setEditing(true)}
              onRefresh={() => onRefresh(command.botId)}
            />
          </td>
        </tr>
      )}
      {removal.status === 'failed' && (
        <tr className="row-error">
          <td colSpan={columnCount}>
            <ErrorNotice
              error={removal.error}
              lead={removal.notSent ? 'row.notSent' : undefined}
              announce={!removal.bulk}
              takeFocus={!removal.bulk}
              at={removal.submittedAt}
              onRetry={() => send([command], false)}
              onDismiss={() => store.dismiss([command.id])}
              onRefresh={() => onRefresh(command.botId)}
            />
          </td>
        </tr>
      )}
    </>
  )
})
