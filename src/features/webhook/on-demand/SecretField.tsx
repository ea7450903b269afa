import type { RefObject } from 'react'
import { type MessageKey, useMoreI18n } from '../../../i18n'

interface SecretFieldProps {
  /** The input's id; its hint and its problem are named after it, for its aria-describedby. */
  id: string
  label: MessageKey
  hint?: MessageKey | undefined
  /** What is wrong with what was typed, since the last Connect. */
  problem?: MessageKey | undefined
  inputRef: RefObject<HTMLInputElement | null>
  onEdit: () => void
}

/**
 * One secret of the webhook form: a password field, uncontrolled (see WebhookConnect), described by its hint and,
 * once checked, its problem, which comes right after it in the page.
 */
export function SecretField({ id, label, hint, problem, inputRef, onEdit }: SecretFieldProps) {
  const { t } = useMoreI18n()
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean)
  return (
    <>
      <label className="field" htmlFor={id}>
        <span className="field__label">{t(label)}</span>
        <input
          id={id}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          ref={inputRef}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described.join(' ') || undefined}
          onChange={onEdit}
        />
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {t(hint)}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {t(problem)}
        </p>
      )}
    </>
  )
}
