import type { Command } from '../../../imbot'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { EditOutcome, type EditState } from '../../edit'
import { type RowRemoval, useRemoval } from '../../removal'

interface RowNoticesProps {
  command: Command
  removal: RowRemoval
  /** How the row's latest edit ended, if it has something to tell and its form is closed (the form says it itself). */
  editOutcome: EditState | undefined
  columnCount: number
  onEdit: () => void
  onRefresh: (botId: number) => void
}

/** What a row has to tell under it: how an edit ended after its form closed, and why a removal failed. */
export function RowNotices({
  command,
  removal,
  editOutcome,
  columnCount,
  onEdit,
  onRefresh,
}: RowNoticesProps) {
  const { send, store } = useRemoval()
  return (
    <>
      {editOutcome && (
        <tr className="row-error">
          <td colSpan={columnCount}>
            <EditOutcome state={editOutcome} onEdit={onEdit} onRefresh={() => onRefresh(command.botId)} />
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
}
