import { type DragEvent, useId, useRef, useState } from 'react'
import { useMoreI18n } from '../../../i18n'
import type { PortalError } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { StillWaiting } from '../../../shared/feedback/StillWaiting'
import type { FileProblem } from './check-file'

/** The file picker and drop area of a restore, with what is wrong with the file (or the reading) under it. */
export function FilePicker({
  reading,
  problem,
  error,
  onFile,
  onStopWaiting,
}: {
  reading: boolean
  problem: FileProblem | null
  error: PortalError | null
  onFile: (file: File | undefined) => void
  /** Gives up reading the lists for the preview: nothing was sent, the picker is back. */
  onStopWaiting: () => void
}) {
  const { t } = useMoreI18n()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const drop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    onFile(event.dataTransfer.files[0])
  }
  return (
    <>
      <p>{t('restore.intro')}</p>
      <fieldset
        className={`restore__drop${over ? ' restore__drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor={id}>{t('restore.choose')}</label>
        {/* Never disabled while a file is read: a disabled control loses the focus to the page's body. */}
        <input
          ref={input}
          id={id}
          type="file"
          accept=".json,application/json"
          aria-disabled={reading}
          onClick={(event) => reading && event.preventDefault()}
          onChange={(event) => {
            onFile(event.target.files?.[0])
            event.target.value = ''
          }}
        />
        <p className="restore__hint">{t('restore.dropHint')}</p>
      </fieldset>
      {reading && <p role="status">{t('restore.reading')}</p>}
      <StillWaiting
        waiting={reading}
        note="restore.waitingNote.reading"
        onStop={() => {
          onStopWaiting()
          // The button pressed goes with the notice: the focus goes back to the picker, to choose again.
          input.current?.focus()
        }}
      />
      {problem && (
        <p className="notice notice--error" role="alert">
          {t(problem.message, problem.values)} {t('restore.nothingSent')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </>
  )
}
