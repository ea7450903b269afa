import { MoreMessages, MoreText } from '../../../i18n'
import { type BotListing, tooOldCode } from '../../../imbot'
import { type PortalError, usePortalClient } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { UnreadableEntries } from '../../../shared/feedback/UnreadableEntries'
import { LegacyRemoval } from '../../removal'

// What the page shows instead of the commands, when there are none to show: rarer pages, loaded when they show.

/** The bots could not be listed: why, with a retry; a portal too old for imbot.v2 gets removal by id instead. */
export function BotsFailed({ error, onRetry }: { error: PortalError; onRetry: () => void }) {
  return error.code === tooOldCode ? (
    <MoreMessages>
      <LegacyRemoval reason={error} />
    </MoreMessages>
  ) : (
    <main className="page">
      <h1 className="page__heading">
        <MoreText id="page.loadFailed" />
      </h1>
      <ErrorNotice error={error} onRetry={onRetry} />
    </main>
  )
}

/** The application has no bots (through a webhook: the bot token owns none, so it says what to check). */
export function NoBots({ unreadable }: { unreadable: BotListing['unreadable'] }) {
  const webhook = usePortalClient().mode === 'webhook'
  return (
    <main className="page">
      <UnreadableEntries entries={unreadable} message="page.unreadableBots" />
      <section className="empty">
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
