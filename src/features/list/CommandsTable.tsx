import { useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { CommandRow } from './CommandRow'
import type { SortDirection } from './filter'

export interface RowHandlers {
  onToggleSelect: (commandId: number) => void
  onRefresh: (botId: number) => void
}

interface CommandsTableProps extends RowHandlers {
  botName: string
  commands: readonly Command[]
  selection: ReadonlySet<number>
  canRemove: boolean
  sort: SortDirection
  onToggleSort: () => void
}

export function CommandsTable({
  botName,
  commands,
  selection,
  canRemove,
  sort,
  onToggleSort,
  ...actions
}: CommandsTableProps) {
  const { t } = useI18n()
  const columnCount = canRemove ? 7 : 6
  return (
    <table className="commands">
      <caption className="visually-hidden">{t('table.caption', { bot: botName })}</caption>
      <thead>
        <tr>
          <td className="cell--select">
            <span className="visually-hidden">{t('table.select')}</span>
          </td>
          <th scope="col" aria-sort={sort}>
            <button type="button" className="sort" onClick={onToggleSort} title={t('table.sortBy')}>
              {t('table.command')}
              <span className={`sort__arrow sort__arrow--${sort}`} aria-hidden="true" />
            </button>
          </th>
          <th scope="col">{t('table.title')}</th>
          <th scope="col">{t('table.params')}</th>
          <th scope="col">{t('table.flags')}</th>
          <th scope="col">{t('table.category')}</th>
          {canRemove && (
            <th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {commands.map((command) => (
          <CommandRow
            key={command.id}
            command={command}
            selected={selection.has(command.id)}
            canRemove={canRemove}
            columnCount={columnCount}
            {...actions}
          />
        ))}
      </tbody>
    </table>
  )
}
