import { useI18n } from '../../i18n'
import { usePortalClient } from '../../portal'
import type { ExportFile } from './check-file'
import type { BotGroup, DiffField, RestoreEntry } from './diff'

const fieldLabel = {
  title: 'restore.field.title',
  params: 'restore.field.params',
  common: 'flag.common',
  hidden: 'flag.hidden',
  extranetSupport: 'flag.extranet',
} as const

/** Per bot of the file: the commands gone (to pick), differing (both values), unchanged, and blocked (why). */
export function RestorePreview({
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
