// Restoring commands from an exported file, in one folder; all of it comes in chunks of its own, on demand,
// after a click on Restore.
import { onDemand, onDemandModule } from '../../ui'

const loadRestore = onDemandModule(() => import('./on-demand/RestoreFromFile'))

export const RestoreFromFile = onDemand(loadRestore, 'RestoreFromFile')
