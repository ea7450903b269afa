import { useEffect, useRef } from 'react'
import { useMoreMessages } from '../../i18n'
import { ignoreConfirmingKey, noteFocus } from '../../ui'

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
