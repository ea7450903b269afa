import { type MessageKey, MoreMessages, useMoreI18n } from '../../i18n'
import { useStillWaiting } from '../../ui'

interface StillWaitingProps {
  /** Whether the request is still on its way. */
  waiting: boolean
  /** What stopping means here (nothing is lost either way). */
  note: MessageKey
  onStop: () => void
}

/**
 * A request that has not answered after a while says it is still waiting, and offers to stop waiting, instead
 * of a spinner that says nothing for a minute and a half.
 */
export function StillWaiting({ waiting, note, onStop }: StillWaitingProps) {
  const long = useStillWaiting(waiting)
  if (!long) return null
  return (
    <MoreMessages>
      <StillWaitingText note={note} onStop={onStop} />
    </MoreMessages>
  )
}

function StillWaitingText({ note, onStop }: Pick<StillWaitingProps, 'note' | 'onStop'>) {
  const { t } = useMoreI18n()
  return (
    <span className="still-waiting" role="status">
      {t('waiting.still')} {t(note)}
      <button type="button" className="button button--small button--link" onClick={onStop}>
        {t('waiting.stop')}
      </button>
    </span>
  )
}
