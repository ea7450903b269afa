import { onDemand, onDemandModule } from '../../ui'

// The summary of a removal of many: what shows only after one, in a chunk of its own.
export const loadRemovalSummary = onDemandModule(() => import('./on-demand/RemovalSummary'))

export const RemovalSummary = onDemand(loadRemovalSummary, 'RemovalSummary')
