import { MoreMessages, useMoreI18n } from '../../../i18n'
import { Dialog } from '../../../ui/on-demand/Dialog'
import type { Removable, RemovalRequest } from '../outcome'

interface ConfirmRemovalProps {
  /** What is about to go: one command from its row (named by its label, e.g. "/help"), or a number of them. */
  request: RemovalRequest<Removable>
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before removing: names what goes and what follows. Cancel comes first and gets the focus. */
export function ConfirmRemoval(props: ConfirmRemovalProps) {
  // The dialog's words are in the part of the dictionary fetched once the commands are visible.
  return (
    <MoreMessages>
      <ConfirmRemovalDialog {...props} />
    </MoreMessages>
  )
}

function ConfirmRemovalDialog({ request: { commands, bulk }, onConfirm, onCancel }: ConfirmRemovalProps) {
  const { t } = useMoreI18n()
  const [first] = commands
  const one = first && commands.length === 1 && !bulk
  return (
    <Dialog
      title={
        one
          ? t('dialog.title', { command: first.command })
          : t('dialog.bulk.title', { count: commands.length })
      }
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {t('dialog.confirm')}
          </button>
        </>
      }
    >
      <p>{one ? t('dialog.body', { command: first.command }) : t('dialog.bulk.body')}</p>
    </Dialog>
  )
}
