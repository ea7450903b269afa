import { useMutationState } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { MoreText, useMoreMessages } from '../../../i18n'
import type { Command } from '../../../imbot'
import { StillWaiting } from '../../../shared/feedback/StillWaiting'
import { commandKeys } from '../../../shared/queries/keys'
import { ignoreConfirmingKey, noteFocus } from '../../../ui'
import type { RowRemoval } from '../hooks'
import type { RemovalMutation } from '../mutation'
import { useRemoval } from '../RemovalProvider'
import type { RemovalProgress } from './remove-commands'

// What shows of a removal once it is asked for: Undo while it is held, progress while it is sent. Only after a
// confirmation, so it comes on demand (fetched ahead once the commands show, so it shows at once).

/**
 * "Removing in a moment…" and its Undo, while a confirmed removal waits out its window: on the row for one, in
 * the selection bar for many (a row of many takes only itself out). Undo takes the focus where the user just
 * confirmed (a held Enter, or a second press a moment later, never presses it).
 */
export function HeldUndo({
  onUndo,
  takeFocus,
  className,
  as: Element,
}: {
  onUndo: () => void
  takeFocus: boolean
  className: string
  as: 'span' | 'p'
}) {
  // Shown only after a confirmation (made under MoreMessages), so the words are here; typed as maybe not.
  const more = useMoreMessages()
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (takeFocus) undoButton.current?.focus()
  }, [takeFocus])
  return (
    <Element className={className}>
      {more?.('row.pendingUndo')}
      <button
        ref={undoButton}
        type="button"
        className="button button--small"
        onFocus={noteFocus}
        onKeyDown={ignoreConfirmingKey}
        onClick={onUndo}
      >
        {more?.('toast.undo')}
      </button>
    </Element>
  )
}

interface RowRemovalStatusProps {
  command: Command
  /** The row's removal, held or under way (not idle, not failed: those show the row's actions). */
  removal: Exclude<RowRemoval, { status: 'idle' | 'failed' }>
  onRefresh: (botId: number) => void
}

/** A row's removal in place of its actions: Undo while held, progress while sent, "still removing" once stopped. */
export function RowRemovalStatus({ command, removal, onRefresh }: RowRemovalStatusProps) {
  const { store, undo } = useRemoval()
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
  // Stopped waiting for, still on its way: not to be removed again until it ends.
  return (
    <span className="row__status">
      <MoreText id="row.stillRemoving" />
    </span>
  )
}

/** The selection bar's part of a removal of many: Undo while it is held, then k of N while it is sent. */
export function BulkRemovalStatus({
  heldId,
  progress,
}: {
  heldId: number | null
  progress: RemovalProgress | null
}) {
  const { undo } = useRemoval()
  return (
    <>
      {heldId !== null && (
        <HeldUndo key={heldId} onUndo={() => undo(heldId)} takeFocus className="bulk__status" as="p" />
      )}
      {progress && <BulkProgress done={progress.done} total={progress.total} />}
    </>
  )
}

/** k of N of the removal of many under way, and, said once for the whole removal, that it is still waited for. */
function BulkProgress({ done, total }: RemovalProgress) {
  const { store } = useRemoval()
  const runningBulk = useRunningBulk()
  return (
    <div className="bulk__progress" role="status">
      <label>
        <span>
          <MoreText id="bulk.progress" values={{ done, total }} />
        </span>
        <progress max={total} value={done} />
      </label>
      <StillWaiting
        waiting
        note="waiting.removalNote"
        onStop={() => {
          // The removal goes on by itself (its rows say so, without Remove); its summary says how it ended.
          store.dismiss(runningBulk)
          store.setProgress(null)
        }}
      />
    </div>
  )
}

/** The commands of the removal of many on its way, if one is (its rows' waiting is the bar's to speak for). */
function useRunningBulk(): readonly number[] {
  const running = useMutationState({
    filters: {
      mutationKey: commandKeys.removals(),
      status: 'pending',
      predicate: (mutation) => (mutation as RemovalMutation).state.variables?.bulk === true,
    },
    select: (mutation) =>
      (mutation as RemovalMutation).state.variables?.commands.map((command) => command.id),
  })
  return running.at(-1) ?? noCommands
}
const noCommands: readonly number[] = []
