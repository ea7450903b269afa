import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { MoreMessages, useMoreI18n } from '../../../i18n'
import { type PortalError, usePortalClient } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'

/** How long Bitrix24 may take to reload the app after `installFinish` before the step says it has not. */
export const reloadWaitMs = 8000

/**
 * The installation step (install mode): what the app does, the `imbot` permission checked with a real call, then
 * `installFinish`, sent by itself once the check passes and once only; Bitrix24 then marks the app installed and
 * reloads it, without answering. If no reload comes, the step says so and offers to send it again.
 */
export function InstallStep() {
  // Its words are in the part of the dictionary fetched when needed.
  return (
    <MoreMessages>
      <InstallStepText />
    </MoreMessages>
  )
}

function InstallStepText() {
  const { t } = useMoreI18n()
  const client = usePortalClient()
  // imbot.bot.list exists on every portal, old or new, and answers insufficient_scope without the permission.
  const check = useQuery({
    queryKey: ['install', 'imbot permission'],
    queryFn: () => client.call('imbot.bot.list'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
  const { finish, reloadLate } = useFinishInstall(check.isSuccess)

  const missingScope = check.error && (check.error as PortalError).code === 'insufficient_scope'
  // One live region holds the step's progress: its words change in place (screen readers hear each), and it takes
  // the focus when the button that was pressed goes away.
  const status = useRef<HTMLDivElement>(null)
  const keepFocus = () => status.current?.focus()
  return (
    <main className="page install" aria-labelledby="install-title">
      <h1 id="install-title" className="install__title">
        {t('install.title')}
      </h1>
      <p>{t('install.intro')}</p>
      <div ref={status} role="status" tabIndex={-1} className="install__status">
        {check.isFetching ? (
          <p>
            <span className="spinner" aria-hidden="true" /> {t('install.checking')}
          </p>
        ) : missingScope ? (
          <div className="notice notice--warning">
            <p className="notice__message">{t('install.missingScope')}</p>
            <p className="notice__message">{t('install.missingScopeWhere')}</p>
            <div className="notice__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  keepFocus()
                  void check.refetch()
                }}
              >
                {t('install.checkAgain')}
              </button>
            </div>
          </div>
        ) : check.isSuccess ? (
          <>
            <p>{t('install.finishing')}</p>
            {reloadLate && (
              <>
                <p>{t('install.noReload')}</p>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => {
                    finish()
                    keepFocus()
                  }}
                >
                  {t('install.finishAgain')}
                </button>
              </>
            )}
          </>
        ) : null}
      </div>
      {/* Why the permission check failed, in the app's words, with a retry. */}
      {check.error && !missingScope && !check.isFetching && (
        <ErrorNotice error={check.error as PortalError} onRetry={() => void check.refetch()} />
      )}
    </main>
  )
}

/**
 * `installFinish`, sent by itself once `ready` (the permission is there), and again by `finish()`; `reloadLate` once
 * Bitrix24 has not reloaded the app `reloadWaitMs` after the latest one.
 */
function useFinishInstall(ready: boolean) {
  const client = usePortalClient()
  const [finishedAt, setFinishedAt] = useState<number | null>(null)
  const [reloadLate, setReloadLate] = useState(false)
  const sent = useRef(false)
  const finish = () => {
    client.finishInstall?.()
    setReloadLate(false)
    setFinishedAt(Date.now())
  }
  useEffect(() => {
    // Once, by itself, when the permission is there (a ref survives StrictMode's second run of the effect).
    if (!ready || sent.current) return
    sent.current = true
    finish()
  })
  useEffect(() => {
    if (finishedAt === null) return
    const timer = setTimeout(() => setReloadLate(true), reloadWaitMs)
    return () => clearTimeout(timer)
  }, [finishedAt])
  return { finish, reloadLate }
}
