import type { Dispatch, ReactNode } from 'react'
import { useMoreI18n } from '../../../i18n'
import { commandFlags, flagLabel } from '../../../shared/command/fields'
// The notice itself, not the lazy ErrorNotice: a field points at it (aria-describedby) in the render that shows it,
// so it cannot wait for a chunk; edit's chunk brings it along.
import { ErrorNoticeView } from '../../../shared/feedback/on-demand/ErrorNoticeView'
import type { EditForm } from './changes'
import type { FormChange } from './form-state'
import type { Shown } from './problems'

// The pieces of the edit form. Ids follow one scheme, from the form's `id`: a field's input is `{id}-{field}`, the
// words under it `{id}-{field}-problem` (useShownProblems takes the focus there by it).

/** The problems the form shows, as a field needs them: whether it is at fault, and the words under it. */
export interface ProblemsAt {
  faulty: (field: string) => boolean
  under: (field: string) => ReactNode
}

/** What a refusal's notice offers: sending the form again, reading the list again. */
interface NoticeActions {
  onRetry: () => void
  onRefresh: () => void
}

export function problemsAt(id: string, shown: readonly Shown[], actions: NoticeActions): ProblemsAt {
  const at = (field: string) => shown.filter((item) => item.field === field)
  return {
    faulty: (field) => at(field).length > 0,
    under: (field) => (
      <FieldProblems
        id={`${id}-${field}-problem`}
        focusable={field === 'form'}
        items={at(field)}
        {...actions}
      />
    ),
  }
}

/** The words under one field; above them all (`focusable`), they take the focus themselves. */
function FieldProblems({
  id,
  focusable,
  items,
  onRetry,
  onRefresh,
}: { id: string; focusable: boolean; items: readonly Shown[] } & NoticeActions) {
  if (items.length === 0) return null
  return (
    <div id={id} tabIndex={focusable ? -1 : undefined}>
      {items.map((item) =>
        'error' in item ? (
          <ErrorNoticeView
            key={item.error.code}
            error={item.error}
            lead="edit.failedLead"
            onRetry={onRetry}
            onRefresh={onRefresh}
          />
        ) : (
          <p key={item.text} className="field__error" role="alert">
            {item.text}
          </p>
        ),
      )}
    </div>
  )
}

const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined

interface TextFieldProps {
  /** The form's id. */
  id: string
  field: string
  label: string
  value: string
  onChange: (value: string) => void
  problems: ProblemsAt
  /** A note shown under the input. */
  note?: ReactNode
  /** What describes the input besides its problems: the note's id, or one shown elsewhere (the list's language). */
  noteId?: string
}

export function TextField({ id, field, label, value, onChange, problems, note, noteId }: TextFieldProps) {
  const faulty = problems.faulty(field)
  return (
    <>
      <label className="field" htmlFor={`${id}-${field}`}>
        <span className="field__label">{label}</span>
        <input
          id={`${id}-${field}`}
          className="input"
          value={value}
          aria-invalid={faulty || undefined}
          aria-describedby={describedBy(faulty && `${id}-${field}-problem`, noteId ?? false)}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {note}
      {problems.under(field)}
    </>
  )
}

interface FlagsFieldProps {
  id: string
  flags: EditForm['flags']
  change: Dispatch<FormChange>
  problems: ProblemsAt
}

/** The three flags. The first box is the field (`{id}-flags`) that what Bitrix24 did not save of them focuses. */
export function FlagsField({ id, flags, change, problems }: FlagsFieldProps) {
  const { t } = useMoreI18n()
  return (
    <fieldset className="edit__flags">
      <legend>{t('table.flags')}</legend>
      {commandFlags.map((flag, index) => (
        <label key={flag} className="check">
          <input
            id={index === 0 ? `${id}-flags` : undefined}
            type="checkbox"
            checked={flags[flag] === true}
            aria-describedby={problems.faulty('flags') ? `${id}-flags-problem` : undefined}
            ref={(input) => {
              // Bitrix24 did not say (live portals leave `hidden` out): shown as unknown until changed.
              if (input) input.indeterminate = flags[flag] === null
            }}
            onChange={(e) => change({ type: 'flag', flag, checked: e.target.checked })}
          />
          {t(flagLabel[flag])}
        </label>
      ))}
      {problems.under('flags')}
    </fieldset>
  )
}
