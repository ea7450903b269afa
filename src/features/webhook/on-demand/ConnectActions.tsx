import { useMoreI18n } from '../../../i18n'
import { useStillWaiting } from '../../../ui'

/**
 * Connect, and while connecting, Cancel at once and the still-waiting notice with Stop waiting after a while: a
 * portal that does not answer is not waited for in silence.
 */
export function ConnectActions({ connecting, onStop }: { connecting: boolean; onStop: () => void }) {
  const { t } = useMoreI18n()
  const waitingLong = useStillWaiting(connecting)
  return (
    <>
      <div className="webhook__actions">
        <button type="submit" className="button button--primary" disabled={connecting}>
          {t(connecting ? 'webhook.connecting' : 'webhook.connect')}
        </button>
        {connecting && (
          <button type="button" className="button" onClick={onStop}>
            {t('action.cancel')}
          </button>
        )}
      </div>
      {/* Not the shared StillWaiting: this one is a paragraph of the form, its note a sentence of its own. */}
      {waitingLong && (
        <p className="still-waiting" role="status">
          {t('waiting.still')} {t('webhook.waitingNote')}{' '}
          <button type="button" className="button button--small button--link" onClick={onStop}>
            {t('waiting.stop')}
          </button>
        </p>
      )}
    </>
  )
}
