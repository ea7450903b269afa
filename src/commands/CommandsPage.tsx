import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useId, useState } from 'react'
import { loadMoreMessages, MoreMessages, useI18n } from '../i18n'
import { type Command, describeError } from '../imbot'
import { usePortalClient } from '../portal'
import { useToasts } from '../ui'
import { BotSection } from './BotSection'
import { BulkBar } from './BulkBar'
import {
  BulkSummary,
  ConfirmRemoval,
  ErrorNotice,
  loadExportFile,
  prefetchInteractions,
  UnreadableEntries,
} from './deferred'
import { useDismissals } from './dismissals'
import type { SortDirection } from './filter'
import { useHeldRemovals } from './held-removals'
import { commandKeys } from './keys'
import { useBotCommands, useBots } from './queries'
import { useRemoveCommand, useRemoveCommands } from './removal'
import { useSelection } from './selection'
import { useVisibleCommands } from './use-visible-commands'

// Only portals that predate imbot.v2 need this form: it is fetched when one is met.
const LegacyRemoval = lazy(() =>
  import('./LegacyRemoval').then((module) => ({ default: module.LegacyRemoval })),
)

/** Past this many bots, a picker reads better than one long page of sections. */
const pickerThreshold = 5
const allBots = 'all'

type Confirming = { kind: 'one'; command: Command } | { kind: 'many'; commands: Command[] }

export function CommandsPage() {
  const { t, language } = useI18n()
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const toasts = useToasts()
  const bots = useBots()
  const botList = bots.data?.items ?? []
  const commandQueries = useBotCommands(botList)
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const [sort, setSort] = useState<SortDirection>('ascending')
  const [pickedBot, setPickedBot] = useState<string>(allBots)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [summaryDismissed, setSummaryDismissed] = useState(true)
  const visible = useVisibleCommands(commandQueries, deferredSearch, sort)
  const single = useRemoveCommand()
  const bulk = useRemoveCommands()
  const { holds, hold, undo } = useHeldRemovals()
  const { dismiss } = useDismissals()
  const selection = useSelection()
  const searchId = useId()
  const pickerId = useId()

  const usePicker = botList.length > pickerThreshold
  const shownBots = botList
    .map((bot, index) => ({ bot, index }))
    .filter(({ bot }) => !usePicker || pickedBot === allBots || String(bot.id) === pickedBot)
  const shownCommands = shownBots.flatMap(({ index }) => visible[index] ?? [])
  const listed = new Map(
    commandQueries.flatMap((query) => query.data?.items ?? []).map((command) => [command.id, command]),
  )
  const selectedCommands = [...selection.ids].flatMap((id) => {
    const command = listed.get(id)
    return command ? [command] : []
  })
  const bulkHold = holds.find((held) => held.bulk) ?? null

  const toggleSort = useCallback(
    () => setSort((current) => (current === 'ascending' ? 'descending' : 'ascending')),
    [],
  )
  const requestRemoval = useCallback((command: Command) => setConfirming({ kind: 'one', command }), [])
  const { mutate: removeOne } = single
  const { mutate: removeMany } = bulk
  // A row's "try again" re-sends its own removal alone, whatever removal it failed in.
  const retryRemoval = useCallback((command: Command) => removeOne(command), [removeOne])
  // A stale row or section may mean the bot itself changed: read the bots again, and this bot's commands.
  const refreshBot = useCallback(
    (botId: number) => {
      void queryClient.invalidateQueries({ queryKey: commandKeys.bots() })
      void queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) })
    },
    [queryClient],
  )

  const confirm = () => {
    if (!confirming) return
    setConfirming(null)
    if (confirming.kind === 'one') {
      const { command } = confirming
      hold([command], () => removeOne(command))
      return
    }
    const { commands } = confirming
    hold(
      commands,
      () => {
        setSummaryDismissed(false)
        removeMany(commands, {
          // The ones that failed stay selected, with their reasons on their rows.
          onSuccess: (results) =>
            selection.replace(
              commands.filter((command) => results.get(command.id)?.status === 'failed').map((c) => c.id),
            ),
        })
      },
      { bulk: true },
    )
  }

  const exportCommands = () => {
    const commands = selectedCommands.length > 0 ? selectedCommands : shownCommands
    void Promise.all([loadExportFile(), loadMoreMessages(language)]).then(([exportFile]) => {
      exportFile(client.portalHost, botList, commands)
      toasts.show({ text: t('export.done', { count: commands.length }) })
    })
  }

  const commandsShown = commandQueries.some((query) => query.isSuccess)
  useEffect(() => {
    if (commandsShown) prefetchInteractions(language)
  }, [commandsShown, language])

  if (bots.isPending) {
    return (
      <main className="page">
        <p className="bot__placeholder" role="status">
          {t('page.loading')}
        </p>
      </main>
    )
  }
  if (bots.isError && describeError(bots.error).recovery === 'remove-by-id') {
    return (
      <Suspense fallback={null}>
        <MoreMessages>
          <LegacyRemoval reason={bots.error} />
        </MoreMessages>
      </Suspense>
    )
  }
  if (bots.isError) {
    return (
      <main className="page">
        <h1 className="page__heading">{t('page.loadFailed')}</h1>
        <ErrorNotice error={bots.error} onRetry={() => void bots.refetch()} />
      </main>
    )
  }
  if (botList.length === 0) {
    return (
      <main className="page">
        <UnreadableEntries entries={bots.data.unreadable} message="page.unreadableBots" />
        <section className="empty">
          <h1 className="empty__title">{t('page.noBots.title')}</h1>
          <p>{t('page.noBots.body')}</p>
        </section>
      </main>
    )
  }

  const totalCommands = commandQueries.reduce((sum, query) => sum + (query.data?.items.length ?? 0), 0)
  const shownSelected = shownCommands.filter((command) => selection.ids.has(command.id)).length

  return (
    <main className="page">
      <div className="toolbar">
        <h1 className="page__heading">
          {t('page.summary', { count: totalCommands, bots: t('page.bots', { count: botList.length }) })}
        </h1>
        <div className="toolbar__controls">
          <label className="field" htmlFor={searchId}>
            <span className="field__label">{t('page.search.label')}</span>
            <input
              id={searchId}
              className="input"
              type="search"
              value={search}
              placeholder={t('page.search.placeholder')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          {usePicker && (
            <label className="field" htmlFor={pickerId}>
              <span className="field__label">{t('page.botFilter')}</span>
              <select
                id={pickerId}
                className="input"
                value={pickedBot}
                onChange={(event) => setPickedBot(event.target.value)}
              >
                <option value={allBots}>{t('page.botFilter.all')}</option>
                {botList.map((bot) => (
                  <option key={bot.id} value={String(bot.id)}>
                    {bot.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      {!client.isAdmin && <p className="notice notice--info">{t('page.readOnly')}</p>}
      <UnreadableEntries entries={bots.data.unreadable} message="page.unreadableBots" />
      {bots.data.truncated && (
        <MoreMessages>
          <p className="notice notice--warning" role="status">
            {t('page.truncated', { count: botList.length })}
          </p>
        </MoreMessages>
      )}
      <BulkBar
        selectedCount={selectedCommands.length}
        shownCount={shownCommands.length}
        allShownSelected={shownCommands.length > 0 && shownSelected === shownCommands.length}
        someShownSelected={shownSelected > 0}
        canRemove={client.isAdmin}
        heldId={bulkHold?.id ?? null}
        progress={bulk.isPending ? bulk.progress : null}
        onToggleAllShown={() =>
          shownSelected === shownCommands.length
            ? selection.remove(shownCommands.map((command) => command.id))
            : selection.add(shownCommands.map((command) => command.id))
        }
        onClear={selection.clear}
        onRemove={() => setConfirming({ kind: 'many', commands: selectedCommands })}
        onExport={exportCommands}
        onUndo={undo}
      />
      {bulk.isSuccess && bulk.variables && !summaryDismissed && (
        <BulkSummary
          commands={bulk.variables}
          results={bulk.data}
          onDismiss={() => setSummaryDismissed(true)}
        />
      )}
      {shownBots.map(({ bot, index }) => {
        const query = commandQueries[index]
        if (!query) return null
        return (
          <BotSection
            key={bot.id}
            bot={bot}
            query={query}
            shown={visible[index]}
            searchQuery={deferredSearch}
            selection={selection.ids}
            canRemove={client.isAdmin}
            sort={sort}
            onToggleSort={toggleSort}
            onRemove={requestRemoval}
            onRetry={retryRemoval}
            onDismiss={dismiss}
            onRefresh={refreshBot}
            onToggleSelect={selection.toggle}
          />
        )
      })}
      {confirming && (
        <Suspense fallback={null}>
          <ConfirmRemoval
            target={
              confirming.kind === 'one'
                ? { command: confirming.command.command }
                : { count: confirming.commands.length }
            }
            onCancel={() => setConfirming(null)}
            onConfirm={confirm}
          />
        </Suspense>
      )}
    </main>
  )
}
