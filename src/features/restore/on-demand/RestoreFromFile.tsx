import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { MoreMessages, useMoreI18n } from '../../../i18n'
import { usePortalClient, usePortalConnection } from '../../../portal'
import type { Flag } from '../../../shared/command/fields'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { retryCanHelp } from '../../../shared/feedback/on-demand/retry-can-help'
import { Dialog } from '../../../ui/on-demand/Dialog'
import type { BotGroup, RestoreEntry } from './diff'
import { FilePicker } from './FilePicker'
import { useOpenExport, useRestoreCommands } from './mutations'
import { RestorePreview } from './RestorePreview'
import { RestoreProgress } from './RestoreProgress'
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
  const { t } = useMoreI18n()
  const opening = useOpenExport()
  const opened = opening.data?.ok ? opening.data : null
  const restoring = useRestoreCommands()
  const { run, stop } = restoring
  const disconnect = usePortalConnection()?.disconnect
  const { mode } = usePortalClient()
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  /** The admin's choices for the flags the file does not know, per command. */
  const [choices, setChoices] = useState<ReadonlyMap<string, FlagChoices>>(new Map())
  /** How many restores ran: each summary is a new one (it takes the focus when it appears). */
  const runs = useRef(0)
  const progress = useRef<HTMLDivElement>(null)

  const open = (file: File | undefined) => {
    if (!file || opening.isPending || opened) return
    opening.mutate(file, {
      onSuccess: (result) => {
        if (result.ok) setPicked(new Set(entriesOf(result.groups, 'gone').map((entry) => entry.key)))
      },
    })
  }
  const start = (picks: readonly RestorePick[]) => {
    // One run at a time: a second press (or Enter held) while one runs sends nothing.
    if (restoring.isPending || picks.length === 0) return
    runs.current++
    restoring.mutate(picks)
  }
  // The same functions for the whole visit, so that the preview's rows need not render again for each answer.
  const toggle = useCallback(
    (key: string) =>
      setPicked((now) => {
        const next = new Set(now)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    [],
  )
  const choose = useCallback(
    (keys: readonly string[], field: Flag, value: boolean) =>
      setChoices((now) => {
        const next = new Map(now)
        for (const key of keys) next.set(key, { ...next.get(key), [field]: value })
        return next
      }),
    [],
  )
  // Stopping moves the focus off the button pressed: it becomes Close, which a held Enter must not press.
  const stopRun = () => {
    stop()
    progress.current?.focus()
  }
  const running = run !== null
  // The focus goes with the user's attention: to the progress when a run starts (the button pressed is disabled).
  useEffect(() => {
    if (running) progress.current?.focus()
  }, [running])

  const root = useRef<HTMLDivElement>(null)
  useDropAnywhere(root, open)

  const restorable = useMemo(() => (opened ? entriesOf(opened.groups, 'gone', 'differs') : []), [opened])
  const chosen = useMemo(() => restorable.filter((entry) => picked.has(entry.key)), [restorable, picked])
  const picks = useMemo(
    () => chosen.flatMap((entry) => pickOf(entry, choices.get(entry.key)) ?? []),
    [chosen, choices],
  )

  // While a restore runs, Cancel (and Escape) stop it: nothing more is sent. Stopped, they close the dialog; what is
  // on its way still ends, and the page reads the lists again then.
  const close = running ? (
    <button type="button" className="button" onClick={run.stopping ? onClose : stopRun}>
      {run.stopping ? t('restore.close') : t('action.cancel')}
    </button>
  ) : (
    <button type="button" className="button" onClick={onClose}>
      {restoring.ledger ? t('restore.close') : t('action.cancel')}
    </button>
  )
  // The dialog is modal: the webhook bar's Disconnect is out of reach behind it while a restore runs, so it is here.
  const leave = running && disconnect && (
    <button type="button" className="button" onClick={disconnect}>
      {t('webhook.disconnect')}
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
        // Reading the lists changes nothing: its answer, when it comes, is simply not used.
        onStopWaiting={() => opening.reset()}
      />
    )
  } else if (restoring.ledger && !restoring.isPending) {
    const { picks: done, results } = restoring.ledger
    const again = done.filter((pick) => retryCanHelp(results.get(pick.key), mode))
    const onlyStopped = again.every((pick) => results.get(pick.key)?.status === 'stopped')
    body = <RestoreSummary key={runs.current} picks={done} results={results} />
    actions = (
      <>
        {again.length > 0 && (
          <button type="button" className="button button--primary" onClick={() => start(again)}>
            {t(onlyStopped ? 'restore.summary.sendRest' : 'bulk.summary.retry', { count: again.length })}
          </button>
        )}
        {close}
      </>
    )
  } else {
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
          disabled={running}
          onToggle={toggle}
          onChoose={choose}
        />
        {undecided > 0 && (
          <p className="notice notice--info">{t('restore.unknown.pending', { count: undecided })}</p>
        )}
        {run && <RestoreProgress ref={progress} run={run} onStop={stopRun} />}
      </>
    )
    actions = (
      <>
        {restorable.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={picks.length === 0 || undecided > 0 || running}
            onClick={() => start(picks)}
          >
            {t('restore.confirm', { count: chosen.length })}
          </button>
        )}
        {close}
        {leave}
      </>
    )
  }
  return (
    <Dialog
      title={t('restore.title')}
      actions={actions}
      // Escape as Cancel: a restore under way is stopped first (the summary says what was done), then it closes.
      onClose={() => (running && !run.stopping ? stopRun() : onClose())}
    >
      <div ref={root} className="restore">
        {body}
        {restoring.error && <ErrorNotice error={restoring.error} />}
      </div>
    </Dialog>
  )
}

function entriesOf<K extends RestoreEntry['kind']>(groups: readonly BotGroup[], ...kinds: K[]) {
  return groups.flatMap((group) =>
    group.entries.filter((entry): entry is Extract<RestoreEntry, { kind: K }> =>
      (kinds as string[]).includes(entry.kind),
    ),
  )
}
