// The whole removal of commands, in one folder: the request and its outcomes (remove-commands.ts), the one
// mutation (mutation.ts), the undo hold and feedback store (hold-store.ts), the flow from "Remove" to the
// result (RemovalProvider.tsx) and what rows and bars read of it (hooks.ts). Chunks loaded on demand
// (ConfirmRemoval, RemovalSummary, LegacyRemoval) are reached through ../deferred.
export { HeldUndo } from './HeldUndo'
export { type Hold, undoWindowMs } from './hold-store'
export {
  type RowRemoval,
  useBulkHold,
  useBulkProgress,
  useLatestBulkRemoval,
  useRowRemoval,
  useRunningBulk,
} from './hooks'
export { type RemovalOutcome, type RemovalRequest, type RemovalResults, reconcile } from './outcome'
export { RemovalProvider, useRemoval } from './RemovalProvider'
