import { type MessageKey, MoreMessages, useMoreI18n } from '../../../i18n'

interface StillWaitingNoticeProps {
  /** What stopping means here (nothing is lost either way). */
  note: MessageKey
  onStop: () => void
}

/** "Still waiting", what stopping means, and Stop waiting (see StillWaiting). */
export function StillWaitingNotice(props: StillWaitingNoticeProps) {
  return (
    <MoreMessages>
      <StillWaitingText {...props} />
    </MoreMessages>
  )
}

function StillWaitingText({ note, onStop }: StillWaitingNoticeProps) {
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
