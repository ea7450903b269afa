import { memo, useEffect, useRef } from 'react'
import { type Translate, useMoreI18n } from '../../../i18n'
import { usePortalClient } from '../../../portal'
import { commandFlags, type Flag } from '../../../shared/command/fields'
import { languageName } from '../../../shared/command/on-demand/language-name'
import type { ExportFile } from './check-file'
import { type BotGroup, type DiffField, type RestoreEntry, type TooLong, titlesComparable } from './diff'
import { fieldLabel } from './labels'
import type { FlagChoices } from './picks'

const tooLongLabel = {
  command: 'restore.tooLong.command',
  title: 'restore.tooLong.title',
  params: 'restore.tooLong.params',
} as const

type Gone = Extract<RestoreEntry, { kind: 'gone' }>

type Toggle = (key: string) => void
type Choose = (keys: readonly string[], field: Flag, value: boolean) => void

/** No choice made yet: one object for all, so that a row whose choice did not change is the same row. */
const noChoice: FlagChoices = {}

/**
 * Per bot of the file: the commands gone (to pick; a flag the file does not know to choose), differing (both
 * values), unchanged, and blocked (why). Above them, what the file's language means: which titles can be compared,
 * and which languages a restore brings back. Its heading takes the focus when it appears (the file picker that had
 * it is gone). A file of thousands of commands renders once: the preview and each of its rows render again only
 * when what they show changes, never for the progress of a restore below them.
 */
export const RestorePreview = memo(function RestorePreview({
  file,
  groups,
  picked,
  choices,
  disabled,
  onToggle,
  onChoose,
}: {
  file: ExportFile
  groups: readonly BotGroup[]
  picked: ReadonlySet<string>
  choices: ReadonlyMap<string, FlagChoices>
  disabled: boolean
  onToggle: Toggle
  onChoose: Choose
}) {
  const { t, language } = useMoreI18n()
  const client = usePortalClient()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const name = (id: string) => languageName(id, language)
  const entries = groups.flatMap((group) => group.entries)
  const gone = entries.filter((entry): entry is Gone => entry.kind === 'gone')
  // Pairs of (file's language, list's language) that differ: their titles cannot be compared.
  const notCompared = distinct(
    entries.flatMap((entry) =>
      'languages' in entry && !titlesComparable(entry.languages) ? [entry.languages] : [],
    ),
  )
  const goneLanguages = [...new Set(gone.map((entry) => entry.languages.file))]
  const oneLanguage = goneLanguages.length === 1 ? goneLanguages[0] : undefined
  return (
    <>
      <h3 ref={heading} tabIndex={-1} className="summary__title">
        {t('restore.preview.heading')}
      </h3>
      <p>{t('restore.fileFrom', { portal: file.portal, date: file.exportedAt.slice(0, 10) })}</p>
      {file.portal !== client.portalHost && (
        <p className="notice notice--info">{t('restore.otherPortal', { portal: file.portal })}</p>
      )}
      {notCompared.map(({ file: inFile, list }) => (
        <p key={`${inFile}-${list}`} className="notice notice--info">
          {t('restore.language.notCompared', { file: name(inFile), list: name(list) })}
        </p>
      ))}
      {oneLanguage !== undefined && (
        <p className="notice notice--info">
          {t('restore.language.bringsBack', { language: name(oneLanguage) })}
        </p>
      )}
      <ChooseForAll gone={gone} disabled={disabled} onChoose={onChoose} />
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
                <EntryRow
                  key={entry.key}
                  entry={entry}
                  bot={group.name}
                  picked={picked.has(entry.key)}
                  choice={choices.get(entry.key) ?? noChoice}
                  language={oneLanguage === undefined && entry.kind === 'gone' ? entry.languages.file : null}
                  disabled={disabled}
                  onToggle={onToggle}
                  onChoose={onChoose}
                />
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
})

/** One command of the file: what it is to the portal now, and, for one to pick, its checkbox and choices. */
const EntryRow = memo(function EntryRow({
  entry,
  bot,
  picked,
  choice,
  language,
  disabled,
  onToggle,
  onChoose,
}: {
  entry: RestoreEntry
  bot: string
  picked: boolean
  choice: FlagChoices
  /** The language its titles come back in, when the file's gone commands are not all in one (else said once). */
  language: string | null
  disabled: boolean
  onToggle: Toggle
  onChoose: Choose
}) {
  const { t, language: interfaceLanguage } = useMoreI18n()
  const name = (id: string) => languageName(id, interfaceLanguage)
  const shown = (value: string | boolean | null) =>
    value === null ? '—' : typeof value === 'boolean' ? t(value ? 'restore.yes' : 'restore.no') : value || '—'
  return (
    <li className={`restore__entry restore__entry--${entry.kind}`}>
      {entry.kind === 'gone' || entry.kind === 'differs' ? (
        <label>
          <input
            type="checkbox"
            className="checkbox"
            checked={picked}
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
          <span className="restore__state">{stateOf(entry, bot, t, name)}</span>
        </span>
      )}
      {entry.kind === 'gone' && (
        <GoneDetails
          entry={entry}
          language={language === null ? null : name(language)}
          choice={choice}
          disabled={disabled}
          onChoose={onChoose}
        />
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
  )
})

/** The words for a command that is not to be picked: unchanged (and what was compared), or why it cannot be. */
function stateOf(
  entry: Extract<RestoreEntry, { kind: 'unchanged' | 'blocked' }>,
  bot: string,
  t: Translate,
  name: (id: string) => string,
): string {
  if (entry.kind === 'unchanged') {
    return t(titlesComparable(entry.languages) ? 'restore.state.unchanged' : 'restore.state.unchangedFlags')
  }
  if (entry.reason === 'tooLong') {
    const what = (entry.tooLong ?? [])
      .map(({ field, by }: TooLong) => t(tooLongLabel[field], { count: by }))
      .join(t('text.separator'))
    return t('restore.blocked.tooLong', { what })
  }
  if (entry.reason === 'language') {
    return t('restore.blocked.language', { language: name(entry.file.language ?? '') })
  }
  return t(`restore.blocked.${entry.reason}`, { bot })
}

/** Under a gone command: what Bitrix24 would change in its trigger, its titles' language, the flags to choose. */
function GoneDetails({
  entry,
  language,
  choice,
  disabled,
  onChoose,
}: {
  entry: Gone
  /** Said per command only when the file's gone commands are not all in one language. */
  language: string | null
  choice: FlagChoices
  disabled: boolean
  onChoose: Choose
}) {
  const { t } = useMoreI18n()
  return (
    <>
      {entry.warnings.map((warning) => (
        <p key={warning} className="restore__warning">
          {t(`restore.warning.${warning}`, { written: entry.file.written, command: entry.file.command })}
        </p>
      ))}
      {language !== null && <p className="restore__state">{t('restore.language.only', { language })}</p>}
      {entry.unknown.map((field) => (
        <fieldset key={field} className="restore__choice" disabled={disabled}>
          <legend>{t('restore.unknown.legend', { flag: t(fieldLabel[field]) })}</legend>
          {[true, false].map((value) => (
            <label key={String(value)}>
              <input
                type="radio"
                name={`${entry.key}-${field}`}
                checked={choice[field] === value}
                onChange={() => onChoose([entry.key], field, value)}
              />{' '}
              {t(value ? 'restore.yes' : 'restore.no')}
            </label>
          ))}
        </fieldset>
      ))}
    </>
  )
}

/** One control per flag the file does not know for some gone commands: the same choice for all of them. */
function ChooseForAll({
  gone,
  disabled,
  onChoose,
}: {
  gone: readonly Gone[]
  disabled: boolean
  onChoose: (keys: readonly string[], field: Flag, value: boolean) => void
}) {
  const { t } = useMoreI18n()
  return commandFlags.map((field) => {
    const keys = gone.filter((entry) => entry.unknown.includes(field)).map((entry) => entry.key)
    if (keys.length === 0) return null
    const flag = t(fieldLabel[field])
    return (
      <fieldset key={field} className="notice notice--warning restore__choose-all" disabled={disabled}>
        <legend>{t('restore.unknown.intro', { flag, count: keys.length })}</legend>
        <button type="button" className="button" onClick={() => onChoose(keys, field, true)}>
          {t('restore.unknown.allYes', { flag })}
        </button>{' '}
        <button type="button" className="button" onClick={() => onChoose(keys, field, false)}>
          {t('restore.unknown.allNo', { flag })}
        </button>
      </fieldset>
    )
  })
}

function distinct<T extends object>(items: readonly T[]): T[] {
  const seen = new Map<string, T>()
  for (const item of items) seen.set(JSON.stringify(item), item)
  return [...seen.values()]
}
