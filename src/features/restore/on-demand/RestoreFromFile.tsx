import { type ReactNode, useRef } from 'react'
import { MoreMessages, useMoreI18n } from '../../../i18n'
import { usePortalConnection } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { Dialog } from '../../../ui/on-demand/Dialog'
import { FilePicker } from './FilePicker'
import { useOpenExport } from './mutations'
import { RestorePreview } from './RestorePreview'
import { RestoreProgress } from './RestoreProgress'
import { RestoreSummary, RetryFailed } from './RestoreSummary'
import { useDropAnywhere } from './use-drop-anywhere'
import { usePreviewPicks } from './use-preview-picks'
import { useRestoreRun } from './use-restore-run'

/** "Restore from file": open an exported file, see per bot what is gone, differs or is unchanged, restore. */
export function RestoreFromFile(props: { onClose: () => void }) {
  return (
    <MoreMessages>
      <RestoreDialog {...props} />
    </MoreMessages>
  )
}

/** One dialog for the whole visit, its body and buttons by the step: the file to open, the preview, the summary. */
function RestoreDialog({ onClose }: { onClose: () => void }) {
  const { t } = useMoreI18n()
  const file = useOpenExport()
  const { opened } = file
  const preview = usePreviewPicks(opened)
  const restoring = useRestoreRun()
  const { run, ledger } = restoring
  // While a restore runs, Cancel (and Escape) stop it: nothing more is sent. Stopped, they close the dialog; what is
  // on its way still ends, and the page reads the lists again then.
  const cancel = () => (run && !run.stopping ? restoring.stop() : onClose())
  const closes = run ? run.stopping : ledger !== null
  const close = (
    <button type="button" className="button" onClick={cancel}>
      {closes ? t('restore.close') : t('action.cancel')}
    </button>
  )
  let body: ReactNode
  let actions: ReactNode = close
  if (!opened) {
    body = (
      <FilePicker
        reading={file.reading}
        problem={file.problem}
        error={file.error}
        onFile={file.open}
        onStopWaiting={file.stopReading}
      />
    )
  } else if (ledger && !restoring.isPending) {
    body = <RestoreSummary key={restoring.runs} picks={ledger.picks} results={ledger.results} />
    actions = (
      <>
        <RetryFailed ledger={ledger} onRetry={restoring.start} />
        {close}
      </>
    )
  } else {
    body = (
      <>
        {preview.restorable.length === 0 && (
          <p className="notice notice--info">{t('restore.nothingToRestore')}</p>
        )}
        <RestorePreview
          file={opened.file}
          groups={opened.groups}
          picked={preview.picked}
          choices={preview.choices}
          disabled={run !== null}
          onToggle={preview.toggle}
          onChoose={preview.choose}
        />
        {preview.undecided > 0 && (
          <p className="notice notice--info">{t('restore.unknown.pending', { count: preview.undecided })}</p>
        )}
        {run && <RestoreProgress ref={restoring.progress} run={run} onStop={restoring.stop} />}
      </>
    )
    actions = (
      <>
        {preview.restorable.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={preview.picks.length === 0 || preview.undecided > 0 || run !== null}
            onClick={() => restoring.start(preview.picks)}
          >
            {t('restore.confirm', { count: preview.chosen.length })}
          </button>
        )}
        {close}
        {run && <Disconnect />}
      </>
    )
  }
  return (
    // Escape as Cancel: a restore under way is stopped first (the summary says what was done), then it closes.
    <Dialog title={t('restore.title')} actions={actions} onClose={cancel}>
      <DropAnywhere onFile={file.open}>
        {body}
        {restoring.error && <ErrorNotice error={restoring.error} />}
      </DropAnywhere>
    </Dialog>
  )
}

/** The dialog's content; a file dropped anywhere in the dialog is opened (see useDropAnywhere). */
function DropAnywhere({
  onFile,
  children,
}: {
  onFile: (file: File | undefined) => void
  children: ReactNode
}) {
  const root = useRef<HTMLDivElement>(null)
  useDropAnywhere(root, onFile)
  return (
    <div ref={root} className="restore">
      {children}
    </div>
  )
}

/** The dialog is modal: the webhook bar's Disconnect is out of reach behind it while a restore runs, so it is here. */
function Disconnect() {
  const { t } = useMoreI18n()
  const disconnect = usePortalConnection()?.disconnect
  if (!disconnect) return null
  return (
    <button type="button" className="button" onClick={disconnect}>
      {t('webhook.disconnect')}
    </button>
  )
}
