import { useMoreI18n } from '../../i18n'
import { handshakeTimeoutMs, localErrorCodes, type PortalError } from '../../portal'

/** The parent page never answered, or answered nonsense: say so instead of spinning forever. */
export function ConnectionFailed({ error }: { error: PortalError }) {
  const { t } = useMoreI18n()
  const timedOut = error.code === localErrorCodes.handshakeTimeout
  return (
    <main className="page">
      <section className="notice notice--error" role="alert">
        <h1 className="notice__title">{t(timedOut ? 'handshake.title' : 'handshake.failed.title')}</h1>
        <p>
          {timedOut
            ? t('handshake.body', { seconds: Math.round(handshakeTimeoutMs / 1000) })
            : t('handshake.failed.body')}
        </p>
        <div className="notice__actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('action.reload')}
          </button>
        </div>
        <details className="details">
          <summary>{t('error.details')}</summary>
          <p>
            {t('error.code')}: <code>{error.code}</code>
          </p>
          <p>{error.description}</p>
        </details>
      </section>
    </main>
  )
}
