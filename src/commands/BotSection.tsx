import type { UseQueryResult } from '@tanstack/react-query'
import { useId } from 'react'
import { useI18n } from '../i18n'
import type { Bot, Command, CommandListing } from '../imbot'
import type { PortalError } from '../portal'
import type { RowActions } from './CommandRow'
import { CommandsTable } from './CommandsTable'
import { ErrorNotice, UnreadableEntries } from './deferred'
import type { SortDirection } from './filter'

interface BotSectionProps extends RowActions {
  bot: Bot
  query: UseQueryResult<CommandListing, PortalError>
  /** The bot's commands after search and sort; undefined while they load. */
  shown: readonly Command[] | undefined
  searchQuery: string
  selection: ReadonlySet<number>
  canRemove: boolean
  sort: SortDirection
  onToggleSort: () => void
}

export function BotSection({
  bot,
  query,
  shown,
  searchQuery,
  selection,
  canRemove,
  sort,
  onToggleSort,
  ...actions
}: BotSectionProps) {
  const { t } = useI18n()
  const headingId = useId()
  const total = query.data?.items.length
  return (
    <section className="bot" aria-labelledby={headingId}>
      <header className="bot__header">
        <h2 id={headingId} className="bot__name">
          {bot.name}
        </h2>
        {total !== undefined && <span className="bot__count">{t('bot.commandCount', { count: total })}</span>}
      </header>
      {query.data && <UnreadableEntries entries={query.data.unreadable} message="bot.unreadable" />}
      {query.isPending ? (
        <p className="bot__placeholder" role="status">
          {t('bot.loading')}
        </p>
      ) : query.isError && !query.data ? (
        <div className="bot__body">
          <p className="bot__placeholder">{t('bot.loadFailed')}</p>
          <ErrorNotice
            error={query.error}
            onRetry={() => void query.refetch()}
            onRefresh={() => void query.refetch()}
          />
        </div>
      ) : total === 0 ? (
        <p className="bot__placeholder">{t('bot.empty')}</p>
      ) : shown && shown.length === 0 ? (
        <p className="bot__placeholder">{t('bot.noMatches', { query: searchQuery })}</p>
      ) : (
        <CommandsTable
          botName={bot.name}
          commands={shown ?? []}
          selection={selection}
          canRemove={canRemove}
          sort={sort}
          onToggleSort={onToggleSort}
          {...actions}
        />
      )}
    </section>
  )
}
