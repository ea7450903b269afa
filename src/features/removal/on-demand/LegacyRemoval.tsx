import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { useMoreI18n } from '../../../i18n'
import { removeCommand } from '../../../imbot/on-demand/unregister'
import { type PortalError, usePortalClient } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { commandKeys } from '../../../shared/queries/keys'
import { retryDelay, shouldRetry } from '../../../shared/queries/retry-policy'
import { useToasts } from '../../../ui'
import { HeldUndo } from '../HeldUndo'
import { createRemovalStore } from '../hold-store'
import { ConfirmRemoval } from './ConfirmRemoval'

/** A command id as a user types it: a whole number above zero, nothing else. */
export function parseCommandId(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const id = Number(trimmed)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

type LegacyOutcome = 'removed' | 'not-found'

const byIdKey = [...commandKeys.removals(), 'by-id']

/** What a confirmation holds: the id to remove (the hold store holds items with an id). */
interface Confirmation {
  id: number
}

/**
 * For a portal that predates imbot.v2 (no way to list commands): removal by command id, which needs only
 * imbot.command.unregister. Without a list to check against, COMMAND_ID_ERROR can only mean "no such command
 * (any more)", and is said so, not shown as a failure. As on the commands page, a confirmed removal waits out the
 * undo window (the same hold store) before it is sent, and is sent once.
 */
export function LegacyRemoval({ reason }: { reason: PortalError }) {
  const { t } = useMoreI18n()
  const client = usePortalClient()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const toasts = useToasts()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState<Confirmation | null>(null)
  const removal = useMutation<LegacyOutcome, PortalError, number>({
    mutationKey: byIdKey,
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
  const { mutate } = removal
  // Never while a removal by id is on its way (a retry clicked twice in one moment).
  const send = useRef<(id: number) => void>(() => undefined)
  send.current = (id) => {
    if (queryClient.isMutating({ mutationKey: byIdKey }) === 0) mutate(id)
  }
  const [store] = useState(() =>
    createRemovalStore<Confirmation>({
      onRelease: ({ commands: [held] }) => held && send.current(held.id),
    }),
  )
  useEffect(() => () => store.dispose(), [store])
  const held = useSyncExternalStore(store.subscribe, () => store.getState().holds[0])
  const busy = held !== undefined || removal.isPending
  const confirm = (confirmation: Confirmation) => {
    setConfirming(null)
    // However often Confirm is activated in one moment, one hold (the store holds it at once).
    if (store.getState().holds.length === 0) store.hold([confirmation], false)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const id = parseCommandId(text)
    setInvalid(id === null)
    if (id !== null) setConfirming({ id })
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
            <button type="submit" className="button button--danger" disabled={busy}>
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
        {held && (
          <HeldUndo
            key={held.id}
            onUndo={() => toasts.show({ text: t(store.undo(held.id) ? 'toast.undone' : 'toast.tooLate') })}
            takeFocus
            className="legacy__held"
            as="p"
          />
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
            onRetry={() => send.current(removal.variables)}
            onDismiss={() => removal.reset()}
          />
        )}
      </section>
      {confirming !== null && (
        <ConfirmRemoval
          target={{ command: t('legacy.command', { id: confirming.id }) }}
          onCancel={() => setConfirming(null)}
          onConfirm={() => confirm(confirming)}
        />
      )}
    </main>
  )
}
