// Editing a command, in one folder: the form (EditCommand.tsx) and what its row shows after a save
// (EditOutcome.tsx) come in one chunk, on demand: the first download only knows how a row reads an edit's state
// (failure.ts).
import { onDemand, onDemandModule } from '../../ui'

export { type EditState, useAnyEdits, useEditOutcome } from './failure'

const loadEditCommand = onDemandModule(() => import('./on-demand/EditCommand'))

export const EditCommand = onDemand(loadEditCommand, 'EditCommand')
export const EditOutcome = onDemand(loadEditCommand, 'EditOutcome')
