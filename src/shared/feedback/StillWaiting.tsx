import type { MessageKey } from '../../i18n'
import { onDemand, onDemandModule, useStillWaiting } from '../../ui'

interface StillWaitingProps {
  /** Whether the request is still on its way. */
  waiting: boolean
  /** What stopping means here (nothing is lost either way). */
  note: MessageKey
  onStop: () => void
}

// What it says, and its Stop waiting, come only after a while: fetched with the rest once the commands show.
export const loadStillWaitingNotice = onDemandModule(() => import('./on-demand/StillWaitingNotice'))
const StillWaitingNotice = onDemand(loadStillWaitingNotice, 'StillWaitingNotice')

/**
 * A request that has not answered after a while says it is still waiting, and offers to stop waiting, instead
 * of a spinner that says nothing for a minute and a half.
 */
export function StillWaiting({ waiting, note, onStop }: StillWaitingProps) {
  return useStillWaiting(waiting) ? <StillWaitingNotice note={note} onStop={onStop} /> : null
}
