import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../../i18n'
import { removeCommand } from '../../imbot/unregister'
import { type PortalError, usePortalClient } from '../../portal'
import { ErrorNotice } from '../deferred'
import { commandKeys } from '../keys'
import { retryDelay, shouldRetry } from '../retry-policy'
import { ConfirmRemoval } from './ConfirmRemoval'

/** A command id as a user types it: a whole number above zero, nothing else. */
export function parseCommandId(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const id = Number(trimmed)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

type LegacyOutcome = 'removed' | 'not-found'

/**
 * For a portal that predates imbot.v2 (no way to list commands): removal by command id, which needs only
 * imbot.command.unregister. Without a list to check against, COMMAND_ID_ERROR can only mean "no such command
 * (any more)", and is said so, not shown as a failure.
 */
export function LegacyRemoval({ reason }: { reason: PortalError }) {
  const { t } = useI18n()
  const client = usePortalClient()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [confirming, setConfirming] = useState<number | null>(null)
  const removal = useMutation<LegacyOutcome, PortalError, number>({
    mutationKey: [...commandKeys.removals(), 'by-id'],
    mutationFn: async (commandId) => {
      try {
        await removeCommand(client, commandId)
        return 'removed'
      } catch (error) {
        if ((error as PortalError).code === 'COMMAND_ID_ERROR') return 'not-found'
        throw error
      }
    },
    retry: shouldRetry,
    retryDelay,
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const id = parseCommandId(text)
    setInvalid(id === null)
    if (id !== null) setConfirming(id)
  }

  return (
    <main className="page">
      <ErrorNotice error={reason} className="notice--legacy" />
      <section className="legacy" aria-labelledby={`${inputId}-title`}>
        <h1 id={`${inputId}-title`} className="legacy__title">
          {t('legacy.title')}
        </h1>
        <p>{t('legacy.body')}</p>
        <p className="muted">{t('edit.unavailable')}</p>
        {client.isAdmin ? (
          <form className="legacy__form" onSubmit={submit} noValidate>
            <label className="field" htmlFor={inputId}>
              <span className="field__label">{t('legacy.label')}</span>
              <input
                id={inputId}
                className="input"
                inputMode="numeric"
                autoComplete="off"
                value={text}
                aria-invalid={invalid}
                aria-describedby={invalid ? errorId : hintId}
                onChange={(event) => {
                  setText(event.target.value)
                  setInvalid(false)
                }}
              />
            </label>
            <button type="submit" className="button button--danger" disabled={removal.isPending}>
              {removal.isPending ? t('row.removing') : t('legacy.submit')}
            </button>
            <p id={hintId} className="field__hint">
              {t('legacy.hint')}
            </p>
            {invalid && (
              <p id={errorId} className="field__error" role="alert">
                {t('legacy.invalid')}
              </p>
            )}
          </form>
        ) : (
          <p className="notice notice--info">{t('page.readOnly')}</p>
        )}
        {removal.isSuccess && (
          <p className="notice notice--success" role="status">
            {removal.data === 'removed'
              ? t('legacy.removed', { id: removal.variables })
              : t('legacy.alreadyGone', { id: removal.variables })}
          </p>
        )}
        {removal.isError && (
          <ErrorNotice
            error={removal.error}
            at={removal.submittedAt}
            onRetry={() => removal.mutate(removal.variables)}
            onDismiss={() => removal.reset()}
          />
        )}
      </section>
      {confirming !== null && (
        <ConfirmRemoval
          target={{ command: t('legacy.command', { id: confirming }) }}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            removal.mutate(confirming)
            setConfirming(null)
          }}
        />
      )}
    </main>
  )
}
