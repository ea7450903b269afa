import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useState } from 'react'
import { type Language, loadMoreMessages, MoreMessages, MoreText, type Translate, useI18n } from '../../i18n'
import { type BotListing, tooOldCode } from '../../imbot'
import { usePortalClient } from '../../portal'
import { ErrorNotice, loadErrorNotice } from '../../shared/feedback/ErrorNotice'
import { StillWaiting } from '../../shared/feedback/StillWaiting'
import { loadUnreadableEntries, UnreadableEntries } from '../../shared/feedback/UnreadableEntries'
import { commandKeys } from '../../shared/queries/keys'
import { useBots } from '../../shared/queries/use-bots'
import { useCommandLists } from '../../shared/queries/use-command-lists'
import { loadToastItem, useToasts } from '../../ui'
// The export is needed only after a click: a chunk of its own, fetched ahead with the rest below.
import { loadExport } from '../export'
import {
  LegacyRemoval,
  loadConfirmRemoval,
  loadRemovalSummary,
  loadRemoveCommands,
  RemovalProvider,
  type RemovalRequest,
  type RemovalResults,
  RemovalSummary,
  useLatestBulkRemoval,
} from '../removal'
import { RestoreFromFile } from '../restore'
import { BotSection } from './BotSection'
import { BulkBar } from './BulkBar'
import type { SortDirection } from './filter'
import { useSelection } from './selection'
import { allBots, Toolbar } from './Toolbar'
import { useVisibleCommands } from './use-visible-commands'

/**
 * Fetches what a click may need next (the confirmation, the summary of a removal of many, the export), what
 * shows when something went wrong, and the rest of the dictionary, ahead of use: once the commands show, so the
 * first download stays small and a click never waits.
 */
function prefetchInteractions(language: Language): void {
  void Promise.all([
    loadConfirmRemoval(),
    loadRemovalSummary(),
    loadExport(),
    loadRemoveCommands(),
    loadErrorNotice(),
    loadUnreadableEntries(),
    loadToastItem(),
    loadMoreMessages(language),
  ]).catch(() => undefined)
}

/** Past this many bots, a picker reads better than one long page of sections. */
const pickerThreshold = 5
/** Rows a bot's section shows at first: all of them for a few bots, the first few when there are many (the
 * page of 10,000 commands over 60 bots stays light and quick to search; the rest are one click away). */
const firstRows = (bots: number) => (bots > pickerThreshold ? 10 : 500)

/** The page: the bots' state (loading, failed, too old a portal, none), then their commands. */
export function CommandsPage() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const webhook = usePortalClient().mode === 'webhook'
  const bots = useBots()
  if (bots.isPending) {
    const fetching = bots.fetchStatus === 'fetching'
    return (
      <main className="page">
        <p className="bot__placeholder" role="status">
          {fetching ? t('page.loading') : <MoreText id="waiting.stopped" />}
          {!fetching && (
            <button type="button" className="button button--small" onClick={() => void bots.refetch()}>
              {t('action.retry')}
            </button>
          )}
        </p>
        <StillWaiting
          waiting={fetching}
          note="waiting.listNote"
          onStop={() => void queryClient.cancelQueries({ queryKey: commandKeys.bots() })}
        />
      </main>
    )
  }
  if (bots.isError) {
    return bots.error.code === tooOldCode ? (
      <MoreMessages>
        <LegacyRemoval reason={bots.error} />
      </MoreMessages>
    ) : (
      <main className="page">
        <h1 className="page__heading">
          <MoreText id="page.loadFailed" />
        </h1>
        <ErrorNotice error={bots.error} onRetry={() => void bots.refetch()} />
      </main>
    )
  }
  if (bots.data.items.length === 0) {
    return (
      <main className="page">
        <UnreadableEntries entries={bots.data.unreadable} message="page.unreadableBots" />
        <section className="empty">
          {/* Through a webhook, an empty list means the bot token owns no bots: say what to check. */}
          <h1 className="empty__title">
            <MoreText id={webhook ? 'webhook.noBots.title' : 'page.noBots.title'} />
          </h1>
          <p>
            <MoreText id={webhook ? 'webhook.noBots.body' : 'page.noBots.body'} />
          </p>
        </section>
      </main>
    )
  }
  return <BotsCommands bots={bots.data} />
}

/** Every bot's commands: toolbar, selection bar, the summary of the last removal of many, one section per bot. */
function BotsCommands({ bots }: { bots: BotListing }) {
  const { t, language } = useI18n()
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const toasts = useToasts()
  const lists = useCommandLists(bots.items)
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const [sort, setSort] = useState<SortDirection>('ascending')
  const [pickedBot, setPickedBot] = useState(allBots)
  const [restoring, setRestoring] = useState(false)
  const selection = useSelection()
  const visible = useVisibleCommands(lists.byBot, deferredSearch, sort)

  const usePicker = bots.items.length > pickerThreshold
  const shown = lists.byBot
    .map((list, index) => ({ list, commands: visible[index] }))
    .filter(({ list }) => !usePicker || pickedBot === allBots || String(list.bot.id) === pickedBot)
  const shownCommands = shown.flatMap(({ commands }) => commands ?? [])
  const selected = [...selection.ids].flatMap((id) => lists.listed.get(id) ?? [])
  const shownSelected = shownCommands.filter((command) => selection.ids.has(command.id)).length

  const toggleSort = useCallback(() => setSort((s) => (s === 'ascending' ? 'descending' : 'ascending')), [])
  // A stale row or section may mean the bot itself changed: read the bots again, and this bot's commands.
  const refreshBot = useCallback(
    (botId: number) => {
      void queryClient.invalidateQueries({ queryKey: commandKeys.bots() })
      void queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) })
    },
    [queryClient],
  )
  // Removed commands leave the selection; the ones that failed stay selected, with their reasons on their rows.
  const removeFromSelection = useCallback(
    ({ commands }: RemovalRequest, results: RemovalResults) =>
      selection.remove(commands.filter((c) => results.get(c.id)?.status === 'removed').map((c) => c.id)),
    [selection.remove],
  )
  const exportCommands = () => {
    const commands = selected.length > 0 ? selected : shownCommands
    void Promise.all([loadExport(), loadMoreMessages(language)]).then(([{ exportFile }]) => {
      exportFile(client.portalHost, bots.items, commands, client.lang)
      // The rest of the dictionary is here: loadMoreMessages above has settled.
      toasts.show({ text: (t as Translate)('export.done', { count: commands.length }) })
    })
  }
  useEffect(() => {
    if (lists.anyLoaded) prefetchInteractions(language)
  }, [lists.anyLoaded, language])

  return (
    <RemovalProvider onSettled={removeFromSelection}>
      <main className="page">
        <Toolbar
          totalCommands={lists.listed.size}
          bots={bots.items}
          search={search}
          onSearch={setSearch}
          pickedBot={usePicker ? pickedBot : null}
          onPickBot={setPickedBot}
        />
        {!client.isAdmin && (
          <p className="notice notice--info">
            <MoreText id="page.readOnly" />
          </p>
        )}
        <UnreadableEntries entries={bots.unreadable} message="page.unreadableBots" />
        {bots.truncated && (
          <p className="notice notice--warning" role="status">
            <MoreText id="page.truncated" values={{ count: bots.items.length }} />
          </p>
        )}
        <BulkBar
          selected={selected}
          shownCount={shownCommands.length}
          allShownSelected={shownCommands.length > 0 && shownSelected === shownCommands.length}
          someShownSelected={shownSelected > 0}
          canRemove={client.isAdmin}
          onToggleAllShown={() =>
            shownSelected === shownCommands.length
              ? selection.remove(shownCommands.map((command) => command.id))
              : selection.add(shownCommands.map((command) => command.id))
          }
          onClear={selection.clear}
          onExport={exportCommands}
          onRestore={client.isAdmin ? () => setRestoring(true) : undefined}
        />
        {restoring && <RestoreFromFile onClose={() => setRestoring(false)} />}
        <LatestBulkSummary isListed={(command) => lists.listed.has(command.id)} />
        {shown.map(({ list, commands }) => (
          <BotSection
            key={list.bot.id}
            bot={list.bot}
            firstRows={firstRows(bots.items.length)}
            list={list}
            shown={commands}
            searchQuery={deferredSearch}
            selection={selection.ids}
            canRemove={client.isAdmin}
            sort={sort}
            onToggleSort={toggleSort}
            onRefresh={refreshBot}
            onToggleSelect={selection.toggle}
          />
        ))}
      </main>
    </RemovalProvider>
  )
}

function LatestBulkSummary({ isListed }: { isListed: Parameters<typeof RemovalSummary>[0]['isListed'] }) {
  const latest = useLatestBulkRemoval()
  // A new summary for each removal (keyed by when it was sent), so that it takes the focus when it appears.
  return latest ? (
    <RemovalSummary
      key={latest.submittedAt}
      request={latest.request}
      results={latest.results}
      isListed={isListed}
    />
  ) : null
}
