import { startTransition, useEffect, useState } from 'react'
import { MoreText } from '../../i18n'
import type { BotListing } from '../../imbot'
import { usePortalClient } from '../../portal'
import { UnreadableEntries } from '../../shared/feedback/UnreadableEntries'
import { useRefreshBot } from '../../shared/queries/use-bots'
import { useCommandLists } from '../../shared/queries/use-command-lists'
import { afterNextPaint } from '../../ui'
import { useExportCommands } from '../export'
import { LatestBulkSummary, RemovalProvider } from '../removal'
import { RestoreFromFile } from '../restore'
import { BotSection } from './BotSection'
import { BulkBar } from './BulkBar'
import { usePrefetchInteractions } from './prefetch'
import { useSelection } from './selection'
import { Toolbar } from './Toolbar'
import { pickerThreshold, useCommandsView } from './use-commands-view'

/** Rows a bot's section shows at first: all of them for a few bots, the first few when there are many (the
 * page of 10,000 commands over 60 bots stays light and quick to search; the rest are one click away). */
const firstRows = (bots: number) => (bots > pickerThreshold ? 10 : 500)

/** About the rows a first screen holds: 20 at 900 px, under the toolbar and a bot's heading. */
const firstScreenRows = 20

/**
 * False for the page's first render, true once it is painted: at first only the sections that fill the first screen
 * render, the others in a transition after the browser has drawn them (a click or a keystroke goes first), so that
 * with many bots the first commands show without waiting for the rows below them, nor for their layout.
 */
function useBelowFirstScreen(): boolean {
  const [below, setBelow] = useState(false)
  useEffect(() => afterNextPaint(() => startTransition(() => setBelow(true))), [])
  return below
}

/** Every bot's commands: toolbar, selection bar, the summary of the last removal of many, one section per bot. */
export function BotsCommands({ bots }: { bots: BotListing }) {
  const client = usePortalClient()
  const lists = useCommandLists(bots.items)
  const view = useCommandsView(bots.items, lists.byBot)
  const selection = useSelection()
  const [restoring, setRestoring] = useState(false)
  const refreshBot = useRefreshBot()
  const exportCommands = useExportCommands(bots.items)
  usePrefetchInteractions(lists.anyLoaded)
  const belowFirstScreen = useBelowFirstScreen()

  const { shownCommands } = view
  let rowsAbove = 0
  const sections = belowFirstScreen
    ? view.shown
    : view.shown.filter(({ commands }) => {
        const onFirstScreen = rowsAbove < firstScreenRows
        rowsAbove += Math.min(commands?.length ?? 1, firstRows(bots.items.length))
        return onFirstScreen
      })
  const selected = [...selection.ids].flatMap((id) => lists.listed.get(id) ?? [])
  const shownSelected = shownCommands.filter((command) => selection.ids.has(command.id)).length
  return (
    <RemovalProvider onSettled={selection.dropRemoved}>
      <main className="page">
        <Toolbar
          totalCommands={lists.listed.size}
          bots={bots.items}
          search={view.search}
          onSearch={view.setSearch}
          pickedBot={view.pickedBot}
          onPickBot={view.setPickedBot}
        />
        {!client.isAdmin && (
          <p className="notice notice--info">
            <MoreText id="page.readOnly" />
          </p>
        )}
        {bots.unreadable.length > 0 && (
          <UnreadableEntries entries={bots.unreadable} message="page.unreadableBots" />
        )}
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
          onExport={() => exportCommands(selected.length > 0 ? selected : shownCommands)}
          onRestore={client.isAdmin ? () => setRestoring(true) : undefined}
        />
        {restoring && <RestoreFromFile onClose={() => setRestoring(false)} />}
        <LatestBulkSummary isListed={(command) => lists.listed.has(command.id)} />
        {sections.map(({ list, commands }) => (
          <BotSection
            key={list.bot.id}
            bot={list.bot}
            firstRows={firstRows(bots.items.length)}
            list={list}
            shown={commands}
            searchQuery={view.appliedSearch}
            selection={selection.ids}
            canRemove={client.isAdmin}
            sort={view.sort}
            onToggleSort={view.toggleSort}
            onRefresh={refreshBot}
            onToggleSelect={selection.toggle}
          />
        ))}
      </main>
    </RemovalProvider>
  )
}
