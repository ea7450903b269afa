import { useI18n } from '../i18n'

/** The page's outline while the app connects; index.html paints the same markup before any script runs. */
export function Skeleton() {
  const { t } = useI18n()
  return (
    <div className="skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('app.connecting')}
      </p>
      <div className="skeleton__bar skeleton__bar--toolbar" />
      <div className="skeleton__card">
        <div className="skeleton__bar skeleton__bar--title" />
        <div className="skeleton__bar" />
        <div className="skeleton__bar" />
        <div className="skeleton__bar" />
        <div className="skeleton__bar" />
      </div>
    </div>
  )
}
