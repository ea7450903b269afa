import { onDemand, onDemandModule } from '../../ui'

// The confirmation shows only after a click on Remove: a chunk of its own, fetched once the commands show. In a
// file of its own (not index.ts) because RemovalProvider needs it, and the other chunks lead back to it.
export const loadConfirmRemoval = onDemandModule(() => import('./on-demand/ConfirmRemoval'))

export const ConfirmRemoval = onDemand(loadConfirmRemoval, 'ConfirmRemoval')
