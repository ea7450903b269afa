import { useQueryClient } from '@tanstack/react-query'
import { useId, useRef } from 'react'
import { flushSync } from 'react-dom'
import { MoreMessages, useMoreI18n } from '../../../i18n'
import type { Command } from '../../../imbot'
import { Dialog } from '../../../ui/on-demand/Dialog'
import { EditFields } from './EditFields'
import { forgetEdits, useEditCommand } from './mutation'

// How edits ended once the form is closed comes in the same chunk: one on-demand piece for the page to name.
export { EditOutcome } from './EditOutcome'

interface EditCommandProps {
  command: Command
  onClose: () => void
}

/**
 * The edit form: trigger, title and hint (in the list's language, and in any language added), the three flags.
 * It stays open while Bitrix24 answers: a refusal, or a part Bitrix24 did not save, is said under the field at
 * fault with everything typed kept; it closes when the edit is confirmed (or the command turns out to be gone, which
 * its bot's section then says). Closed before the answer, the row says how the edit ended, and Edit opens the form
 * again with what was typed.
 */
export function EditCommand(props: EditCommandProps) {
  return (
    <MoreMessages>
      <EditDialog {...props} />
    </MoreMessages>
  )
}

/** The dialog around the form: its title, Cancel, and Save, which stays put while an edit is being sent. */
function EditDialog({ command, onClose }: EditCommandProps) {
  const { t } = useMoreI18n()
  const id = useId()
  const edit = useEditCommand(command.id)
  const { formRef, close, closeOnRow } = useClosing(command.id, onClose)
  return (
    <Dialog
      title={t('edit.title', { command: command.command })}
      onClose={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            {t('action.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            aria-disabled={edit.isPending || undefined}
          >
            {t('edit.save')}
          </button>
        </>
      }
    >
      <EditFields id={id} command={command} edit={edit} formRef={formRef} onSaved={closeOnRow} />
    </Dialog>
  )
}

/** Closing the form: `close` as Cancel and Escape do, `closeOnRow` after a save; `formRef` is the form's. */
function useClosing(commandId: number, onClose: () => void) {
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const close = () => {
    // What the form said of this command's edits is told: the row does not say it again. (That it is gone, the
    // bot's section says: the row goes.)
    forgetEdits(queryClient, (other) => other.variables?.before.id !== commandId || other.data?.gone === true)
    onClose()
  }
  /**
   * Closes the form after a save and puts the focus on the row, which shows the result: closing gives it back to the
   * row's Edit (the dialog's opener), where a second Enter, or a held one, would open the form again. The row takes
   * it once the dialog has let go (flushSync: at once, before another key press can land on Edit).
   */
  const closeOnRow = () => {
    const row = formRef.current?.closest<HTMLElement>('tr[data-command-id]')
    flushSync(close)
    if (!row?.isConnected) return
    // Focusable by script only, not a Tab stop (as the dialog itself is while it opens).
    row.tabIndex = -1
    row.focus()
  }
  return { formRef, close, closeOnRow }
}
