import { useId } from 'react'
import { useI18n } from '../i18n'
import type { Bot, Command } from '../imbot'
import { CommandsTable, type RowHandlers } from './CommandsTable'
import { ErrorNotice, UnreadableEntries } from './deferred'
import type { SortDirection } from './filter'
import type { BotCommands } from './use-command-lists'

interface BotSectionProps extends RowHandlers {
  bot: Bot
  list: BotCommands
  /** The bot's commands after search and sort; undefined while they load. */
  shown: readonly Command[] | undefined
  searchQuery: string
  selection: ReadonlySet<number>
  canRemove: boolean
  sort: SortDirection
  onToggleSort: () => void
}

/** One bot: its name and command count, then its table, or why there is none. */
export function BotSection({
  bot,
  list,
  shown,
  searchQuery,
  selection,
  canRemove,
  sort,
  onToggleSort,
  ...handlers
}: BotSectionProps) {
  const { t } = useI18n()
  const headingId = useId()
  const total = list.listing?.items.length
  return (
    <section className="bot" aria-labelledby={headingId}>
      <header className="bot__header">
        <h2 id={headingId} className="bot__name">
          {bot.name}
        </h2>
        {total !== undefined && <span className="bot__count">{t('bot.commandCount', { count: total })}</span>}
      </header>
      {list.listing && <UnreadableEntries entries={list.listing.unreadable} message="bot.unreadable" />}
      {list.isPending ? (
        <p className="bot__placeholder" role="status">
          {t('bot.loading')}
        </p>
      ) : list.error && !list.listing ? (
        <div className="bot__body">
          <p className="bot__placeholder">{t('bot.loadFailed')}</p>
          <ErrorNotice error={list.error} onRetry={list.refetch} onRefresh={list.refetch} />
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
          {...handlers}
        />
      )}
    </section>
  )
}
