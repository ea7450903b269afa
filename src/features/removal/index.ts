// The whole removal of commands, in one folder: the request and its outcomes (outcome.ts, on-demand/remove-commands.ts),
// the one mutation (mutation.ts), the undo hold and feedback store (hold-store.ts), the flow from "Remove" to the
// result (flow.tsx, behind RemovalProvider) and what rows and bars read of it (hooks.ts). What shows only after a
// click, after a removal of many or on a portal too old to list commands comes in chunks of its own, on demand.
import { onDemand, onDemandModule } from '../../ui'

export { loadConfirmRemoval } from './confirm-on-demand'
export { undoWindowMs } from './hold-store'
export {
  type RowRemoval,
  useBulkHold,
  useBulkProgress,
  useRowRemoval,
} from './hooks'
export { LatestBulkSummary } from './LatestBulkSummary'
export { loadRemoveCommands } from './mutation'
export type { RemovalOutcome, RemovalRequest, RemovalResults } from './outcome'
export { RemovalProvider, useRemoval } from './RemovalProvider'
export { BulkRemovalStatus, loadRemovalStatus, RowRemovalStatus } from './status-on-demand'
export { loadRemovalSummary } from './summary-on-demand'

const loadLegacyRemoval = onDemandModule(() => import('./on-demand/LegacyRemoval'))

export const LegacyRemoval = onDemand(loadLegacyRemoval, 'LegacyRemoval')
