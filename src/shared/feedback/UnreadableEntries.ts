import { onDemand, onDemandModule } from '../../ui'

// Entries the portal sent that could not be read are rare: their list (UnreadableEntriesView) is a chunk of its
// own, fetched once the commands show (features/list/prefetch.ts), and shown only where there are any.
export const loadUnreadableEntries = onDemandModule(() => import('./on-demand/UnreadableEntriesView'))

/** The entries of a list that could not be read (see UnreadableEntriesView), shown once its chunk is here. */
export const UnreadableEntries = onDemand(loadUnreadableEntries, 'UnreadableEntriesView')
