import { useI18n } from '../i18n'
import { Dialog } from '../ui/Dialog'

interface ConfirmRemovalProps {
  title: string
  body: string
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before removing: names what goes and what follows. Cancel comes first and gets the focus. */
export function ConfirmRemoval({ title, body, onConfirm, onCancel }: ConfirmRemovalProps) {
  const { t } = useI18n()
  return (
    <Dialog
      title={title}
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
      <p>{body}</p>
    </Dialog>
  )
}
