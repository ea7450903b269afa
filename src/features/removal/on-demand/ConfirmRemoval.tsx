import { MoreMessages, useMoreI18n } from '../../../i18n'
import { Dialog } from '../../../ui/on-demand/Dialog'

/** What is about to go: one command (by its label, e.g. "/help") or a number of them. */
export type RemovalTarget = { command: string } | { count: number }

interface ConfirmRemovalProps {
  target: RemovalTarget
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

function ConfirmRemovalDialog({ target, onConfirm, onCancel }: ConfirmRemovalProps) {
  const { t } = useMoreI18n()
  const one = 'command' in target
  return (
    <Dialog
      title={
        one ? t('dialog.title', { command: target.command }) : t('dialog.bulk.title', { count: target.count })
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
      <p>{one ? t('dialog.body', { command: target.command }) : t('dialog.bulk.body')}</p>
    </Dialog>
  )
}
