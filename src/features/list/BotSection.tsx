import { type FocusEvent, useId, useLayoutEffect, useRef, useState } from 'react'
import { MoreText, useI18n } from '../../i18n'
import type { Bot, Command } from '../../imbot'
import { ErrorNotice } from '../../shared/feedback/ErrorNotice'
import { StillWaiting } from '../../shared/feedback/StillWaiting'
import { UnreadableEntries } from '../../shared/feedback/UnreadableEntries'
import type { BotCommands } from '../../shared/queries/use-command-lists'
import { focusIsLost } from '../../ui'
import { EditOutcome, useAnyEdits } from '../edit'
import { CommandsTable, type RowHandlers } from './CommandsTable'
import type { SortDirection } from './filter'
import { rowFocusTarget } from './use-focus-kept'

interface BotSectionProps extends RowHandlers {
  bot: Bot
  /** How many rows show at first; more on demand (a page of many bots stays light, see BotsCommands). */
  firstRows: number
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
  firstRows,
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
  const keepFocus = useFocusAfterRemoval(shown)
  const anyEdits = useAnyEdits()
  const [limit, setLimit] = useState(firstRows)
  const rows = shown && shown.length > limit ? shown.slice(0, limit) : shown
  return (
    <section
      className="bot"
      aria-labelledby={headingId}
      ref={keepFocus.section}
      onFocus={keepFocus.onFocus}
      onBlur={keepFocus.onBlur}
    >
      <header className="bot__header">
        <h2 id={headingId} className="bot__name" tabIndex={-1}>
          <bdi>{bot.name}</bdi>
        </h2>
        {total !== undefined && <span className="bot__count">{t('bot.commandCount', { count: total })}</span>}
      </header>
      {/* Rare, each in a chunk of its own: only fetched when there is something to show. */}
      {list.listing?.unreadable.length ? (
        <UnreadableEntries entries={list.listing.unreadable} message="bot.unreadable" />
      ) : null}
      {/* Edits that found their command gone. */}
      {canRemove && anyEdits && <EditOutcome botId={bot.id} />}
      {list.isPending ? (
        <p className="bot__placeholder" role="status">
          {list.isFetching ? t('bot.loading') : <MoreText id="waiting.stopped" />}
          {list.isFetching ? (
            <StillWaiting waiting note="waiting.listNote" onStop={list.cancel} />
          ) : (
            <button type="button" className="button button--small" onClick={list.refetch}>
              {t('action.retry')}
            </button>
          )}
        </p>
      ) : list.error && !list.listing ? (
        <div className="bot__body">
          <p className="bot__placeholder">
            <MoreText id="bot.loadFailed" />
          </p>
          <ErrorNotice error={list.error} onRetry={list.refetch} onRefresh={list.refetch} />
        </div>
      ) : total === 0 ? (
        <p className="bot__placeholder">
          <MoreText id="bot.empty" />
        </p>
      ) : shown && shown.length === 0 ? (
        <p className="bot__placeholder">
          <MoreText id="bot.noMatches" values={{ query: searchQuery }} />
        </p>
      ) : (
        <CommandsTable
          botName={bot.name}
          commands={rows ?? []}
          selection={selection}
          canRemove={canRemove}
          sort={sort}
          onToggleSort={onToggleSort}
          {...handlers}
        />
      )}
      {shown && rows && shown.length > rows.length && (
        <p className="bot__more">
          <button type="button" className="button button--small" onClick={() => setLimit(shown.length)}>
            <MoreText id="bot.showAll" values={{ count: shown.length }} />
          </button>
        </p>
      )}
    </section>
  )
}

/**
 * When a row the user worked in leaves the table (its command was removed), the focus would fall to the page's
 * body: it goes to the row that took its place (its Remove button), or the bot's heading when none is left.
 */
function useFocusAfterRemoval(shown: readonly Command[] | undefined) {
  const section = useRef<HTMLElement>(null)
  const lastRow = useRef<{ id: number; index: number } | null>(null)
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const row = event.target.closest<HTMLElement>('tr[data-command-id]')
    if (!row) return
    const rows = [...(section.current?.querySelectorAll('tr[data-command-id]') ?? [])]
    lastRow.current = { id: Number(row.dataset.commandId), index: rows.indexOf(row) }
  }
  // Focus that moves on to elsewhere on the page (the selection bar, another bot) is the user's choice.
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget && !section.current?.contains(event.relatedTarget)) lastRow.current = null
  }
  useLayoutEffect(() => {
    const last = lastRow.current
    if (!last || shown?.some((command) => command.id === last.id) !== false) return
    lastRow.current = null
    if (!focusIsLost()) return
    const rows = section.current?.querySelectorAll<HTMLElement>('tr[data-command-id]') ?? []
    const next = rows[Math.min(last.index, rows.length - 1)]
    const target = rowFocusTarget(next) ?? section.current?.querySelector('h2')
    target?.focus()
  }, [shown])
  return { section, onFocus, onBlur }
}
