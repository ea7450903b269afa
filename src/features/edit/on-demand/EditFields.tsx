import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type RefObject, useRef } from 'react'
import { useMoreI18n } from '../../../i18n'
import type { Command, CommandListing } from '../../../imbot'
import { languageName } from '../../../shared/command/on-demand/language-name'
import { commandKeys } from '../../../shared/queries/keys'
import type { Edit } from '../failure'
import { planEdit, triggerWarning } from './changes'
import { FlagsField, problemsAt, TextField } from './form-fields'
import { useEditForm, useResumedEdit } from './form-state'
import { useTitleLanguage } from './languages'
import type { useEditCommand } from './mutation'
import { OtherLanguages } from './OtherLanguages'
import { outcomeShown, problemShown, refusalShown, unsavedShown, useShownProblems } from './problems'

interface EditFieldsProps {
  /** The form's id: its fields' ids start with it. */
  id: string
  command: Command
  edit: ReturnType<typeof useEditCommand>
  formRef: RefObject<HTMLFormElement | null>
  /** Closes the form once the edit is saved, or there was nothing to save. */
  onSaved: () => void
}

/**
 * The form: what the admin types, checked before it is sent (planEdit), and sent. A refusal, or a part Bitrix24
 * did not save, is said under the field at fault with everything typed kept. A failed edit, not dismissed, opens
 * again as it was typed, with its reasons.
 */
export function EditFields({ id, command, edit, formRef, onSaved }: EditFieldsProps) {
  const { t, language: interfaceLanguage } = useMoreI18n()
  const queryClient = useQueryClient()
  const language = useTitleLanguage(command.botId)
  const resumed = useResumedEdit(command.id)
  const [form, change] = useEditForm(command, resumed?.variables?.form)
  const { shown, show } = useShownProblems(id, () =>
    resumed ? outcomeShown(resumed, language, t, interfaceLanguage) : [],
  )

  // Set at once on a save, before the mutation's own state reaches this render: a second Enter pressed in between
  // (or a held one) must not send the edit again.
  const sending = useRef(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (edit.isPending || sending.current) return
    const siblings = queryClient.getQueryData<CommandListing>(commandKeys.list(command.botId))?.items ?? []
    const plan = planEdit(command, form, siblings, language)
    if ('problems' in plan)
      return show(plan.problems.map((problem) => problemShown(problem, t, interfaceLanguage)))
    if ('unchanged' in plan) return onSaved()
    show([])
    const variables: Edit = { before: command, changes: plan.changes, after: plan.after, language, form }
    sending.current = true
    edit.mutate(variables, {
      onSettled: () => {
        sending.current = false
      },
      onSuccess: (outcome) => {
        if (outcome.gone || outcome.unsaved.length === 0) return onSaved()
        show(outcome.unsaved.map((unsaved) => unsavedShown(unsaved, language, t, interfaceLanguage)))
      },
      onError: (error) => show([refusalShown(error)]),
    })
  }

  const problems = problemsAt(id, shown, {
    onRetry: () => formRef.current?.requestSubmit(),
    onRefresh: () => queryClient.invalidateQueries({ queryKey: commandKeys.list(command.botId) }),
  })
  const warning = triggerWarning(command, form.trigger)
  const languageNoteId = `${id}-language`
  return (
    <form ref={formRef} id={`${id}-form`} className="edit" onSubmit={submit} noValidate>
      {problems.under('form')}
      {edit.isPending && (
        <p className="field__hint" role="status">
          {t('edit.saving')}
        </p>
      )}
      <TextField
        id={id}
        field="command"
        label={t('edit.command')}
        value={form.trigger}
        onChange={(value) => change({ type: 'text', field: 'trigger', value })}
        problems={problems}
        note={
          warning && (
            <p id={`${id}-command-note`} className="field__hint">
              {t('edit.note.slashes', warning)}
            </p>
          )
        }
        noteId={warning && `${id}-command-note`}
      />
      <p id={languageNoteId} className="field__hint">
        {t('edit.languageNote', { language: languageName(language, interfaceLanguage) })}
      </p>
      <TextField
        id={id}
        field="title"
        label={t('edit.titleField')}
        value={form.title}
        onChange={(value) => change({ type: 'text', field: 'title', value })}
        problems={problems}
        noteId={languageNoteId}
      />
      <TextField
        id={id}
        field="params"
        label={t('edit.params')}
        value={form.params}
        onChange={(value) => change({ type: 'text', field: 'params', value })}
        problems={problems}
        noteId={languageNoteId}
      />
      <FlagsField id={id} flags={form.flags} change={change} problems={problems} />
      <OtherLanguages id={id} language={language} extra={form.extra} change={change} problems={problems} />
    </form>
  )
}
