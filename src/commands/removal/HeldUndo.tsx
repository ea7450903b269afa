import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n'
import { ignoreKeyRepeat } from '../../ui'
import { useRemoval } from './RemovalProvider'

/**
 * "Removing in a moment…" and its Undo, while a confirmed removal waits out its window: on the row for one, in
 * the selection bar for many. Undo takes the focus where the user just confirmed (a held Enter never presses it).
 */
export function HeldUndo({
  holdId,
  takeFocus,
  className,
  as: Element,
}: {
  holdId: number
  takeFocus: boolean
  className: string
  as: 'span' | 'p'
}) {
  const { t } = useI18n()
  const { undo } = useRemoval()
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (takeFocus) undoButton.current?.focus()
  }, [takeFocus])
  return (
    <Element className={className}>
      {t('row.pendingUndo')}
      <button
        ref={undoButton}
        type="button"
        className="button button--small"
        onKeyDown={ignoreKeyRepeat}
        onClick={() => undo(holdId)}
      >
        {t('toast.undo')}
      </button>
    </Element>
  )
}
