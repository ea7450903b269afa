import type { Command } from '../../imbot'
import { useLatestBulkRemoval } from './hooks'
import { RemovalSummary } from './summary-on-demand'

/** The summary of the latest removal of many, until dismissed; `isListed` tells what the lists show now. */
export function LatestBulkSummary({ isListed }: { isListed: (command: Command) => boolean }) {
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
