import { useQueryClient } from '@tanstack/react-query'
import { MoreText, useI18n } from '../../i18n'
import { StillWaiting } from '../../shared/feedback/StillWaiting'
import { commandKeys } from '../../shared/queries/keys'
import { useBots } from '../../shared/queries/use-bots'
import { onDemand, onDemandModule } from '../../ui'
import { BotsCommands } from './BotsCommands'

const loadUnavailable = onDemandModule(() => import('./on-demand/BotsUnavailable'))
const BotsFailed = onDemand(loadUnavailable, 'BotsFailed')
const NoBots = onDemand(loadUnavailable, 'NoBots')

/** The page: the bots' state (loading, failed, too old a portal, none), then their commands. */
export function CommandsPage() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
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
  if (bots.isError) return <BotsFailed error={bots.error} onRetry={() => void bots.refetch()} />
  if (bots.data.items.length === 0) return <NoBots unreadable={bots.data.unreadable} />
  return <BotsCommands bots={bots.data} />
}
