import { type ReactNode, useRef, useState } from 'react'
import { MoreMessages, useI18n } from '../../i18n'
import { Dialog } from '../../ui/Dialog'
import { ErrorNotice } from '../deferred'
import type { BotGroup, FlagField, RestoreEntry } from './diff'
import { FilePicker } from './FilePicker'
import { useOpenExport, useRestoreCommands } from './mutations'
import { RestorePreview } from './RestorePreview'
import { RestoreSummary } from './RestoreSummary'
import { type FlagChoices, pickOf, type RestorePick } from './restore-commands'
import { useDropAnywhere } from './use-drop-anywhere'

/** "Restore from file": open an exported file, see per bot what is gone, differs or is unchanged, restore. */
export function RestoreFromFile(props: { onClose: () => void }) {
  return (
    <MoreMessages>
      <RestoreDialog {...props} />
    </MoreMessages>
  )
}

function RestoreDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const opening = useOpenExport()
  const opened = opening.data?.ok ? opening.data : null
  const restoring = useRestoreCommands()
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  /** The admin's choices for the flags the file does not know, per command. */
  const [choices, setChoices] = useState<ReadonlyMap<string, FlagChoices>>(new Map())
  /** How many restores ran: each summary is a new one (it takes the focus when it appears). */
  const runs = useRef(0)

  const open = (file: File | undefined) => {
    if (!file || opening.isPending || opened) return
    opening.mutate(file, {
      onSuccess: (result) => {
        if (result.ok) setPicked(new Set(entriesOf(result.groups, 'gone').map((entry) => entry.key)))
      },
    })
  }
  const run = (picks: readonly RestorePick[]) => {
    // One run at a time: a second press (or Enter held) while one runs sends nothing.
    if (restoring.isPending || picks.length === 0) return
    runs.current++
    restoring.mutate(picks)
  }
  const choose = (keys: readonly string[], field: FlagField, value: boolean) =>
    setChoices((now) => {
      const next = new Map(now)
      for (const key of keys) next.set(key, { ...next.get(key), [field]: value })
      return next
    })

  const busy = opening.isPending || restoring.isPending
  const root = useRef<HTMLDivElement>(null)
  useDropAnywhere(root, open)

  const close = (
    <button type="button" className="button" onClick={onClose} disabled={busy}>
      {restoring.ledger ? t('restore.close') : t('action.cancel')}
    </button>
  )
  let body: ReactNode
  let actions: ReactNode = close
  if (!opened) {
    body = (
      <FilePicker
        reading={opening.isPending}
        problem={opening.data?.ok === false ? opening.data.problem : null}
        error={opening.error}
        onFile={open}
      />
    )
  } else if (restoring.ledger && !restoring.isPending) {
    const { picks, results } = restoring.ledger
    // Only what a retry can help: not what Bitrix24 answered and did not save, nor a command no longer there.
    const again = picks.filter((pick) => {
      const status = results.get(pick.key)?.status
      return status === undefined || status === 'failed' || status === 'not-sent'
    })
    body = <RestoreSummary key={runs.current} picks={picks} results={results} />
    actions = (
      <>
        {again.length > 0 && (
          <button type="button" className="button button--primary" onClick={() => run(again)}>
            {t('bulk.summary.retry', { count: again.length })}
          </button>
        )}
        {close}
      </>
    )
  } else {
    const restorable = entriesOf(opened.groups, 'gone', 'differs')
    const chosen = restorable.filter((entry) => picked.has(entry.key))
    const picks = chosen.flatMap((entry) => pickOf(entry, choices.get(entry.key)) ?? [])
    // A gone command whose flag the file does not know is sent only once the admin said what it is.
    const undecided = chosen.length - picks.length
    body = (
      <>
        {restorable.length === 0 && <p className="notice notice--info">{t('restore.nothingToRestore')}</p>}
        <RestorePreview
          file={opened.file}
          groups={opened.groups}
          picked={picked}
          choices={choices}
          disabled={restoring.isPending}
          onToggle={(key) =>
            setPicked((now) => {
              const next = new Set(now)
              if (!next.delete(key)) next.add(key)
              return next
            })
          }
          onChoose={choose}
        />
        {undecided > 0 && (
          <p className="notice notice--info">{t('restore.unknown.pending', { count: undecided })}</p>
        )}
        {restoring.isPending && <Progress {...restoring.progress} waiting={restoring.waiting} />}
      </>
    )
    actions = (
      <>
        {restorable.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={picks.length === 0 || undecided > 0 || restoring.isPending}
            onClick={() => run(picks)}
          >
            {t('restore.confirm', { count: chosen.length })}
          </button>
        )}
        {close}
      </>
    )
  }
  return (
    <Dialog
      title={t('restore.title')}
      actions={actions}
      // While the lists are read or the commands are sent, Escape does not close the dialog: the summary is due.
      onClose={() => (busy ? undefined : onClose())}
    >
      <div ref={root} className="restore">
        {body}
        {restoring.error && <ErrorNotice error={restoring.error} />}
      </div>
    </Dialog>
  )
}

function Progress({ done, total, waiting }: { done: number; total: number; waiting: boolean }) {
  const { t } = useI18n()
  return (
    <div className="bulk__progress" role="status">
      <label>
        <span>{t('restore.progress', { done, total })}</span>
        <progress max={total} value={done} />
      </label>
      {waiting && <p>{t('restore.waiting')}</p>}
    </div>
  )
}

function entriesOf<K extends RestoreEntry['kind']>(groups: readonly BotGroup[], ...kinds: K[]) {
  return groups.flatMap((group) =>
    group.entries.filter((entry): entry is Extract<RestoreEntry, { kind: K }> =>
      (kinds as string[]).includes(entry.kind),
    ),
  )
}
