import { memo, useRef, useState } from 'react'
import { useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { Flags } from '../../shared/command/Flags'
import { onDemand, onDemandModule } from '../../ui'
import { EditCommand, useEditOutcome } from '../edit'
import { useRowRemoval } from '../removal'
import { RowActions } from './RowActions'
import { rowFocusTarget, useFocusKept } from './use-focus-kept'

// What a row has to tell under it (an edit's outcome, a failed removal): only after an action, so on demand.
export const loadRowNotices = onDemandModule(() => import('./on-demand/RowNotices'))
const RowNotices = onDemand(loadRowNotices, 'RowNotices')

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
  // How an edit ended that the form was closed before (the open form says it itself).
  const editOutcome = useEditOutcome(command.id)
  const told = editing ? undefined : editOutcome
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
        {/* What bots wrote reads in its own direction (<bdi>): an English title on an Arabic page, and the reverse. */}
        <td className="cell" data-label={t('table.title')}>
          {command.title ? <bdi>{command.title}</bdi> : <span className="muted">{t('row.noTitle')}</span>}
        </td>
        <td className="cell cell--params" data-label={t('table.params')}>
          {command.params ? <bdi>{command.params}</bdi> : <span className="muted">{t('flag.none')}</span>}
        </td>
        <td className="cell" data-label={t('table.flags')}>
          <Flags command={command} />
        </td>
        <td className="cell" data-label={t('table.category')}>
          {command.category ? <bdi>{command.category}</bdi> : <span className="muted">{t('flag.none')}</span>}
        </td>
        {canRemove && (
          <td className="cell cell--actions">
            <RowActions
              command={command}
              removal={removal}
              onEdit={() => setEditing(true)}
              onRefresh={onRefresh}
            />
            {editing && <EditCommand command={command} onClose={() => setEditing(false)} />}
          </td>
        )}
      </tr>
      {(told || removal.status === 'failed') && (
        <RowNotices
          command={command}
          removal={removal}
          editOutcome={told}
          columnCount={columnCount}
          onEdit={() => setEditing(true)}
          onRefresh={onRefresh}
        />
      )}
    </>
  )
})
