import { onDemand, onDemandModule } from '../../ui'

// What shows of a removal once it is asked for (Undo, progress): after a confirmation only, so a chunk of its own,
// fetched ahead once the commands show.
export const loadRemovalStatus = onDemandModule(() => import('./on-demand/RemovalStatus'))

export const RowRemovalStatus = onDemand(loadRemovalStatus, 'RowRemovalStatus')
export const BulkRemovalStatus = onDemand(loadRemovalStatus, 'BulkRemovalStatus')
