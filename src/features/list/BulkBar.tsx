import { useEffect, useId, useRef } from 'react'
import { MoreMessages, MoreText, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { BulkRemovalStatus, useBulkHold, useBulkProgress, useRemoval } from '../removal'
import { useFocusKept } from './use-focus-kept'

interface BulkBarProps {
  /** The selected commands that are listed. */
  selected: readonly Command[]
  shownCount: number
  allShownSelected: boolean
  someShownSelected: boolean
  canRemove: boolean
  onToggleAllShown: () => void
  onClear: () => void
  onExport: () => void
  /** Opens "Restore from file" (admins only; absent for others). */
  onRestore?: () => void
}

/** Selection and the actions on it: select all shown, count, clear, remove, export; then Undo and progress. */
export function BulkBar({
  selected,
  shownCount,
  allShownSelected,
  someShownSelected,
  canRemove,
  onToggleAllShown,
  onClear,
  onExport,
  onRestore,
}: BulkBarProps) {
  const { t } = useI18n()
  const { request } = useRemoval()
  const heldId = useBulkHold()?.id ?? null
  const progress = useBulkProgress()
  const selectedCount = selected.length
  const running = progress !== null
  const bar = useRef<HTMLDivElement>(null)
  // After the bar's Undo (or the toast's), the focus stays in the bar: on Remove selected, or its checkbox.
  useFocusKept(
    heldId,
    () =>
      bar.current?.querySelector<HTMLElement>('.bulk__actions .button--danger:not([disabled])') ??
      bar.current?.querySelector<HTMLElement>('input:not([disabled])'),
  )
  return (
    <div className="bulk" ref={bar}>
      <div className="bulk__row">
        <SelectAllShown
          shownCount={shownCount}
          all={allShownSelected}
          some={someShownSelected}
          onToggle={onToggleAllShown}
        />
        {/* What only a selection shows has its words in the rest of the dictionary (here once the list is). */}
        {selectedCount > 0 && (
          <MoreMessages>
            <span className="bulk__count">
              <MoreText id="bulk.selected" values={{ count: selectedCount }} />
            </span>
          </MoreMessages>
        )}
        <div className="bulk__actions">
          {selectedCount > 0 && (
            <MoreMessages>
              <button type="button" className="button button--small button--link" onClick={onClear}>
                <MoreText id="bulk.clear" />
              </button>
            </MoreMessages>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={onExport}
            disabled={shownCount === 0 && selectedCount === 0}
          >
            {selectedCount > 0 ? <MoreText id="export.selected" /> : t('export.all')}
          </button>
          {onRestore && (
            <MoreMessages>
              <button type="button" className="button button--small" onClick={onRestore}>
                <MoreText id="restore.open" />
              </button>
            </MoreMessages>
          )}
          {canRemove && selectedCount > 0 && heldId === null && (
            <MoreMessages>
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => request(selected, true)}
                disabled={running}
              >
                <MoreText id="bulk.remove" />
              </button>
            </MoreMessages>
          )}
        </div>
      </div>
      {(heldId !== null || progress) && <BulkRemovalStatus heldId={heldId} progress={progress} />}
    </div>
  )
}

interface SelectAllShownProps {
  shownCount: number
  /** Every shown command is selected, or some are (the box shows "mixed"). */
  all: boolean
  some: boolean
  onToggle: () => void
}

/** The box that selects (or clears) every command shown. */
function SelectAllShown({ shownCount, all, some, onToggle }: SelectAllShownProps) {
  const { t } = useI18n()
  const box = useRef<HTMLInputElement>(null)
  const id = useId()
  useEffect(() => {
    if (box.current) box.current.indeterminate = some && !all
  }, [some, all])
  return (
    <label className="bulk__select-all" htmlFor={id}>
      <input
        ref={box}
        id={id}
        type="checkbox"
        className="checkbox"
        checked={all && shownCount > 0}
        disabled={shownCount === 0}
        onChange={onToggle}
      />
      {t('bulk.selectAll')}
    </label>
  )
}
