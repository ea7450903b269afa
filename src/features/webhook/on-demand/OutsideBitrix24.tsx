import { useMoreI18n } from '../../../i18n'

/** Shown when the page is opened in a plain tab: what the app is and how to open it where it works. */
export function OutsideBitrix24() {
  const { t } = useMoreI18n()
  return (
    <main className="outside">
      <h1>{t('outside.title')}</h1>
      <p>{t('outside.body')}</p>
      <h2>{t('outside.install.title')}</h2>
      <p>{t('outside.install.steps')}</p>
      <h2>{t('outside.sandbox.title')}</h2>
      <p>{t('outside.sandbox.body')}</p>
    </main>
  )
}
