import { useQueryClient } from '@tanstack/react-query'
import { type DragEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { MoreMessages, useI18n } from '../../i18n'
import { type Bot, type Command, listBots, listCommands, NotSent } from '../../imbot'
import { type PortalError, toPortalError, usePortalClient } from '../../portal'
import { Dialog } from '../../ui/Dialog'
import { ErrorNotice } from '../deferred'
import { commandKeys } from '../keys'
import { checkExportFile, type ExportFile, type FileProblem, maxFileBytes } from './check-file'
import { type BotGroup, type DiffField, diffWithPortal, type RestoreEntry } from './diff'
import {
  type RestorePick,
  type RestoreProgress,
  type RestoreResults,
  restoreCommands,
} from './restore-commands'

type Stage =
  | { name: 'pick'; problem: FileProblem | null; reading: boolean; error: PortalError | null }
  | { name: 'preview'; file: ExportFile; groups: BotGroup[] }
  | { name: 'running'; file: ExportFile; groups: BotGroup[]; progress: RestoreProgress }
  | { name: 'summary'; file: ExportFile; groups: BotGroup[]; picks: RestorePick[]; results: RestoreResults }

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
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [stage, setStage] = useState<Stage>({ name: 'pick', problem: null, reading: false, error: null })
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const sending = useRef(false)
  /** How many restores ran: each summary is a new one (it takes the focus when it appears). */
  const runs = useRef(0)

  /** Reads the portal as it is now and sorts the file's commands against it. */
  const preview = async (file: ExportFile) => {
    const bots = await listBots(client)
    const lists = await listCommands(
      client,
      bots.items.map((bot: Bot) => bot.id),
    )
    const commands = new Map<number, readonly Command[] | null>(
      bots.items.map((bot, index) => {
        const list = lists[index]
        return [
          bot.id,
          list === undefined || list instanceof NotSent || !('items' in list) ? null : list.items,
        ]
      }),
    )
    return diffWithPortal(file.commands, { bots: bots.items, commands })
  }

  const open = async (picked: File | undefined) => {
    if (!picked || stage.name !== 'pick' || stage.reading) return
    // The size first: a huge file is refused before it is read at all.
    const check =
      picked.size > maxFileBytes ? checkExportFile('', picked.size) : checkExportFile(await picked.text())
    if (!check.ok) return setStage({ name: 'pick', problem: check.problem, reading: false, error: null })
    setStage({ name: 'pick', problem: null, reading: true, error: null })
    try {
      const groups = await preview(check.file)
      setPicked(new Set(entriesOf(groups, 'gone').map((entry) => entry.key)))
      setStage({ name: 'preview', file: check.file, groups })
    } catch (error) {
      setStage({
        name: 'pick',
        problem: null,
        reading: false,
        error: toPortalError(error, 'imbot.v2.Bot.list'),
      })
    }
  }

  const run = async (file: ExportFile, groups: BotGroup[], picks: RestorePick[]) => {
    if (sending.current || picks.length === 0) return
    sending.current = true
    runs.current++
    setStage({ name: 'running', file, groups, progress: { done: 0, total: picks.length } })
    try {
      const results = await restoreCommands(client, picks, file.language ?? client.lang, (progress) =>
        setStage({ name: 'running', file, groups, progress }),
      )
      setStage({ name: 'summary', file, groups, picks, results })
    } finally {
      sending.current = false
      // The page reads the bots and their lists again: the restored commands show in their tables.
      void queryClient.invalidateQueries({ queryKey: commandKeys.all })
    }
  }

  const busy = stage.name === 'running' || (stage.name === 'pick' && stage.reading)
  const root = useRef<HTMLDivElement>(null)
  // While the lists are read or the commands are sent, Escape does not close the dialog: the summary is due.
  useEffect(() => {
    const dialog = root.current?.closest('dialog')
    if (!dialog || !busy) return
    const hold = (event: Event) => event.preventDefault()
    dialog.addEventListener('cancel', hold)
    return () => dialog.removeEventListener('cancel', hold)
  }, [busy])
  let body: ReactNode
  let actions: ReactNode
  const close = (
    <button type="button" className="button" onClick={onClose} disabled={busy}>
      {stage.name === 'summary' ? t('restore.close') : t('action.cancel')}
    </button>
  )
  if (stage.name === 'pick') {
    body = <FilePicker stage={stage} onFile={open} />
    actions = close
  } else if (stage.name === 'preview' || stage.name === 'running') {
    const picks = entriesOf(stage.groups, 'gone', 'differs').filter((entry) => picked.has(entry.key))
    body = (
      <>
        <Preview
          file={stage.file}
          groups={stage.groups}
          picked={picked}
          disabled={stage.name === 'running'}
          onToggle={(key) =>
            setPicked((now) => {
              const next = new Set(now)
              if (!next.delete(key)) next.add(key)
              return next
            })
          }
        />
        {stage.name === 'running' && (
          <div className="bulk__progress" role="status">
            <label>
              <span>{t('restore.progress', { done: stage.progress.done, total: stage.progress.total })}</span>
              <progress max={stage.progress.total} value={stage.progress.done} />
            </label>
          </div>
        )}
      </>
    )
    actions = (
      <>
        <button
          type="button"
          className="button button--primary"
          disabled={picks.length === 0 || stage.name === 'running'}
          onClick={() => void run(stage.file, stage.groups, picks)}
        >
          {t('restore.confirm', { count: picks.length })}
        </button>
        {close}
      </>
    )
  } else {
    const again = stage.picks.filter((pick) => {
      const status = stage.results.get(pick.key)?.status
      return status === 'failed' || status === 'not-sent'
    })
    body = <Summary key={runs.current} picks={stage.picks} results={stage.results} />
    actions = (
      <>
        {again.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run(stage.file, stage.groups, again)}
          >
            {t('bulk.summary.retry', { count: again.length })}
          </button>
        )}
        {close}
      </>
    )
  }
  return (
    <Dialog title={t('restore.title')} actions={actions} onClose={() => (busy ? undefined : onClose())}>
      <div ref={root} className="restore">
        {body}
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

function FilePicker({
  stage,
  onFile,
}: {
  stage: Extract<Stage, { name: 'pick' }>
  onFile: (file: File | undefined) => void
}) {
  const { t } = useI18n()
  const id = useId()
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
        <input
          id={id}
          type="file"
          accept=".json,application/json"
          disabled={stage.reading}
          onChange={(event) => {
            onFile(event.target.files?.[0])
            event.target.value = ''
          }}
        />
        <p className="restore__hint">{t('restore.dropHint')}</p>
      </fieldset>
      {stage.reading && <p role="status">{t('restore.reading')}</p>}
      {stage.problem && (
        <p className="notice notice--error" role="alert">
          {t(stage.problem.message, stage.problem.values)} {t('restore.nothingSent')}
        </p>
      )}
      {stage.error && <ErrorNotice error={stage.error} />}
    </>
  )
}

const fieldLabel = {
  title: 'restore.field.title',
  params: 'restore.field.params',
  common: 'flag.common',
  hidden: 'flag.hidden',
  extranetSupport: 'flag.extranet',
} as const

function Preview({
  file,
  groups,
  picked,
  disabled,
  onToggle,
}: {
  file: ExportFile
  groups: readonly BotGroup[]
  picked: ReadonlySet<string>
  disabled: boolean
  onToggle: (key: string) => void
}) {
  const { t } = useI18n()
  const client = usePortalClient()
  const shown = (value: string | boolean | null) =>
    value === null ? '—' : typeof value === 'boolean' ? t(value ? 'restore.yes' : 'restore.no') : value || '—'
  return (
    <>
      <p>{t('restore.fileFrom', { portal: file.portal, date: file.exportedAt.slice(0, 10) })}</p>
      {file.portal !== client.portalHost && (
        <p className="notice notice--info">{t('restore.otherPortal', { portal: file.portal })}</p>
      )}
      {groups.map((group) => {
        const counts = (kind: RestoreEntry['kind']) => group.entries.filter((e) => e.kind === kind).length
        return (
          <section key={group.key} className="restore__bot" aria-label={group.name}>
            <h3>{group.name}</h3>
            <p className="restore__counts">
              {t('restore.counts', {
                gone: counts('gone'),
                differs: counts('differs'),
                unchanged: counts('unchanged'),
                blocked: counts('blocked'),
              })}
            </p>
            <ul className="restore__list">
              {group.entries.map((entry) => (
                <li key={entry.key} className={`restore__entry restore__entry--${entry.kind}`}>
                  {entry.kind === 'gone' || entry.kind === 'differs' ? (
                    <label>
                      <input
                        type="checkbox"
                        className="checkbox"
                        checked={picked.has(entry.key)}
                        disabled={disabled}
                        onChange={() => onToggle(entry.key)}
                      />{' '}
                      <code>{entry.file.command}</code> {entry.file.title}{' '}
                      <span className="restore__state">
                        {t(entry.kind === 'gone' ? 'restore.state.gone' : 'restore.state.differs')}
                      </span>
                    </label>
                  ) : (
                    <span>
                      <code>{entry.file.command}</code> {entry.file.title}{' '}
                      <span className="restore__state">
                        {entry.kind === 'unchanged'
                          ? t('restore.state.unchanged')
                          : t(`restore.blocked.${entry.reason}`, { bot: group.name })}
                      </span>
                    </span>
                  )}
                  {entry.kind === 'differs' && (
                    <ul className="restore__diff">
                      {entry.fields.map((field: DiffField) => (
                        <li key={field}>
                          {t(fieldLabel[field])}:{' '}
                          {t('restore.diff', {
                            now: shown(entry.current[field]),
                            file: shown(entry.file[field]),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}

function Summary({ picks, results }: { picks: readonly RestorePick[]; results: RestoreResults }) {
  const { t } = useI18n()
  const { mode } = usePortalClient()
  const count = (...statuses: string[]) =>
    picks.filter((pick) => statuses.includes(results.get(pick.key)?.status ?? 'failed')).length
  const failed = count('failed', 'not-sent')
  const root = useRef<HTMLElement>(null)
  // The button the user pressed is gone: the summary is where their attention goes.
  useEffect(() => root.current?.focus(), [])
  return (
    <section
      ref={root}
      tabIndex={-1}
      className={`notice ${failed > 0 ? 'notice--warning' : 'notice--success'} summary`}
      role="status"
      aria-label={t('restore.summary.title')}
    >
      <h3 className="summary__title">{t('restore.summary.title')}</h3>
      <ul className="summary__counts">
        <li>{t('restore.summary.restored', { count: count('restored', 'already') })}</li>
        {count('updated') > 0 && <li>{t('restore.summary.updated', { count: count('updated') })}</li>}
        {failed > 0 && <li>{t('restore.summary.failed', { count: failed })}</li>}
      </ul>
      <ul className="restore__list">
        {picks.map((pick) => {
          const outcome = results.get(pick.key)
          const failure = outcome?.status === 'failed' || outcome?.status === 'not-sent' ? outcome : null
          return (
            <li key={pick.key} className="restore__entry">
              <code>{pick.file.command}</code> ({pick.bot.name}):{' '}
              {failure
                ? t(failure.status === 'not-sent' ? 'restore.outcome.notSent' : 'restore.outcome.failed')
                : t(`restore.outcome.${outcome?.status ?? 'restored'}` as 'restore.outcome.restored')}
              {failure && <ErrorNotice error={failure.error} announce={false} mode={mode} />}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
