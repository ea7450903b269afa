import { useI18n } from '../i18n'
import { Dialog } from '../ui'

interface ConfirmRemovalProps {
  /** The command, as users type it (e.g. "/help"). */
  command: string
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmRemoval({ command, onConfirm, onCancel }: ConfirmRemovalProps) {
  const { t } = useI18n()
  return (
    <Dialog
      title={t('dialog.title', { command })}
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
      <p>{t('dialog.body', { command })}</p>
    </Dialog>
  )
}
