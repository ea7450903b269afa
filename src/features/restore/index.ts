// Restoring commands from an exported file, in one folder; all of it comes in chunks of its own, on demand,
// after a click on Restore.
import { onDemand } from '../../ui'

export const RestoreFromFile = onDemand(() => import('./on-demand/RestoreFromFile'), 'RestoreFromFile')
