import type { UseMutationResult } from '@tanstack/react-query'
import { type FormEvent, useId, useState, useSyncExternalStore } from 'react'
import { useMoreI18n } from '../../../i18n'
import { type PortalError, usePortalClient } from '../../../portal'
import { ErrorNotice } from '../../../shared/feedback/ErrorNotice'
import { useRemovalFlow } from '../flow'
import type { Removable, RemovalOutcome, RemovalRequest, RemovalResults } from '../outcome'
import { HeldUndo } from './RemovalStatus'

/** A command id as a user types it: a whole number above zero, nothing else. */
export function parseCommandId(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const id = Number(trimmed)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

type RemovalById = UseMutationResult<RemovalResults, PortalError, RemovalRequest<Removable>>

/**
 * For a portal that predates imbot.v2 (no way to list commands): removal by command id, which needs only
 * imbot.command.unregister. The removal goes as on the commands page (the one flow: asked, held for the undo
 * window, sent once); what is this page's own is the id form and its words.
 */
export function LegacyRemoval({ reason }: { reason: PortalError }) {
  const { t } = useMoreI18n()
  const { isAdmin } = usePortalClient()
  const titleId = useId()
  const { removal, mutation, dialog } = useRemovalFlow<Removable>({ quiet: true })
  const { store } = removal
  const held = useSyncExternalStore(store.subscribe, () => store.getState().holds[0])
  return (
    <main className="page">
      <ErrorNotice error={reason} className="notice--legacy" />
      <section className="legacy" aria-labelledby={titleId}>
        <h1 id={titleId} className="legacy__title">
          {t('legacy.title')}
        </h1>
        <p>{t('legacy.body')}</p>
        <p className="muted">{t('edit.unavailable')}</p>
        {isAdmin ? (
          <IdForm
            busy={held !== undefined || mutation.isPending}
            sending={mutation.isPending}
            // Known by its id only: named by it, and on no list (the portal has none).
            onSubmit={(id) => removal.request([{ id, command: t('legacy.command', { id }) }], false)}
          />
        ) : (
          <p className="notice notice--info">{t('page.readOnly')}</p>
        )}
        {held && (
          <HeldUndo
            key={held.id}
            onUndo={() => removal.undo(held.id)}
            takeFocus
            className="legacy__held"
            as="p"
          />
        )}
        <Outcome removal={mutation} onRetry={(commands) => removal.send(commands, false)} />
      </section>
      {dialog}
    </main>
  )
}

interface IdFormProps {
  /** A removal is held or on its way: no other until it ends. */
  busy: boolean
  sending: boolean
  onSubmit: (commandId: number) => void
}

/** The command id to remove, checked as it is submitted (a wrong one is said so, and nothing is asked). */
function IdForm({ busy, sending, onSubmit }: IdFormProps) {
  const { t } = useMoreI18n()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const id = parseCommandId(text)
    setInvalid(id === null)
    if (id !== null) onSubmit(id)
  }
  return (
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
        {sending ? t('row.removing') : t('legacy.submit')}
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
  )
}

/**
 * How the latest removal by id ended. Without a list to check against, COMMAND_ID_ERROR can only mean "no such
 * command (any more)", and is said so, not shown as a failure.
 */
function Outcome({
  removal,
  onRetry,
}: {
  removal: RemovalById
  onRetry: (commands: readonly Removable[]) => void
}) {
  const { t } = useMoreI18n()
  const { variables, submittedAt } = removal
  const command = variables?.commands[0]
  const outcome: RemovalOutcome | undefined = removal.isError
    ? { status: 'failed', error: removal.error }
    : command && removal.data?.get(command.id)
  if (!variables || !command || !outcome) return null
  if (
    outcome.status === 'removed' ||
    (outcome.status === 'failed' && outcome.error.code === 'COMMAND_ID_ERROR')
  ) {
    return (
      <p className="notice notice--success" role="status">
        {t(outcome.status === 'removed' ? 'legacy.removed' : 'legacy.alreadyGone', { id: command.id })}
      </p>
    )
  }
  return (
    <ErrorNotice
      error={outcome.error}
      at={submittedAt}
      onRetry={() => onRetry(variables.commands)}
      onDismiss={() => removal.reset()}
    />
  )
}
