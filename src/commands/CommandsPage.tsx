import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useId, useState } from 'react'
import { useI18n } from '../i18n'
import { type Command, describeError } from '../imbot'
import { usePortalClient } from '../portal'
import { BotSection } from './BotSection'
import { ConfirmRemoval } from './ConfirmRemoval'
import { ErrorNotice } from './ErrorNotice'
import type { SortDirection } from './filter'
import { commandKeys } from './keys'
import { LegacyRemoval } from './LegacyRemoval'
import { useBotCommands, useBots } from './queries'
import { useDismissRemoval, useRemoveCommand } from './removal'
import { useVisibleCommands } from './use-visible-commands'

/** Past this many bots, a picker reads better than one long page of sections. */
const pickerThreshold = 5
const allBots = 'all'

export function CommandsPage() {
  const { t } = useI18n()
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const bots = useBots()
  const botList = bots.data ?? []
  const commandQueries = useBotCommands(botList)
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const [sort, setSort] = useState<SortDirection>('ascending')
  const [pickedBot, setPickedBot] = useState<string>(allBots)
  const [confirming, setConfirming] = useState<Command | null>(null)
  const visible = useVisibleCommands(commandQueries, deferredSearch, sort)
  const removal = useRemoveCommand()
  const dismissRemoval = useDismissRemoval()
  const searchId = useId()
  const pickerId = useId()

  const toggleSort = useCallback(
    () => setSort((current) => (current === 'ascending' ? 'descending' : 'ascending')),
    [],
  )
  const requestRemoval = useCallback((command: Command) => setConfirming(command), [])
  const { mutate } = removal
  const retryRemoval = useCallback((command: Command) => mutate(command), [mutate])
  // A stale row or section may mean the bot itself changed: read the bots again, and this bot's commands.
  const refreshBot = useCallback(
    (botId: number) => {
      void queryClient.invalidateQueries({ queryKey: commandKeys.bots() })
      void queryClient.invalidateQueries({ queryKey: commandKeys.list(botId) })
    },
    [queryClient],
  )

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
    return <LegacyRemoval reason={bots.error} />
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
        <section className="empty">
          <h1 className="empty__title">{t('page.noBots.title')}</h1>
          <p>{t('page.noBots.body')}</p>
        </section>
      </main>
    )
  }

  const totalCommands = commandQueries.reduce((sum, query) => sum + (query.data?.length ?? 0), 0)
  const usePicker = botList.length > pickerThreshold
  const shownBots = botList
    .map((bot, index) => ({ bot, index }))
    .filter(({ bot }) => !usePicker || pickedBot === allBots || String(bot.id) === pickedBot)

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
            canRemove={client.isAdmin}
            sort={sort}
            onToggleSort={toggleSort}
            onRemove={requestRemoval}
            onRetry={retryRemoval}
            onDismiss={dismissRemoval}
            onRefresh={refreshBot}
          />
        )
      })}
      {confirming && (
        <ConfirmRemoval
          command={confirming.command}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            mutate(confirming)
            setConfirming(null)
          }}
        />
      )}
    </main>
  )
}
