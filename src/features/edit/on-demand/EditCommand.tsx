import { type QueryClient, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { type MessageKey, MoreMessages, type Translate, useMoreI18n } from '../../../i18n'
import type { Command, CommandListing } from '../../../imbot'
import type { PortalError } from '../../../portal'
import { bitrixLanguages } from '../../../portal/on-demand/bitrix-language'
// The notice itself, not the lazy ErrorNotice: a field points at it (aria-describedby) in the render that shows it,
// so it cannot wait for a chunk; edit's chunk brings it along.
import { commandFlags, flagLabel } from '../../../shared/command/fields'
import { languageName } from '../../../shared/command/on-demand/language-name'
import { ErrorNoticeView } from '../../../shared/feedback/on-demand/ErrorNoticeView'
import { commandKeys } from '../../../shared/queries/keys'
import { Dialog } from '../../../ui/on-demand/Dialog'
import { type Edit, type EditMutation, untold } from '../failure'
import { type EditForm, planEdit, triggerOf, triggerWarning } from './changes'
import type { Unsaved } from './confirm'
import { useTitleLanguage } from './languages'
import { forgetEdits, useEditCommand } from './mutation'
import { unsavedWords } from './words'

// How edits ended once the form is closed comes in the same chunk: one on-demand piece for the page to name.
export { EditOutcome } from './EditOutcome'

interface EditCommandProps {
  command: Command
  onClose: () => void
}

/** What the form says under a field (or above them all, `form`): a check of its own, or Bitrix24's refusal. */
type Shown = { field: string; text: string } | { field: string; error: PortalError }

/** Bitrix24's refusals of an update that point at one field; any other is said above the fields. */
const refusedField: Readonly<Record<string, string>> = {
  COMMAND_ALREADY_EXISTS: 'command',
  COMMAND_NAME_EMPTY: 'command',
  COMMAND_NAME_INVALID: 'command',
  COMMAND_REQUIRED: 'command',
  COMMAND_TITLE_INVALID: 'title',
  COMMAND_TITLE_REQUIRED: 'title',
}

/** "Bitrix24 did not save …", under the field it is about. */
function unsavedShown(unsaved: Unsaved, language: string, t: Translate, interfaceLanguage: string): Shown {
  const text = unsavedWords(unsaved, t, interfaceLanguage)
  if (unsaved.field === 'command') return { field: 'command', text }
  if (unsaved.field !== 'title' && unsaved.field !== 'params') return { field: 'flags', text }
  return {
    field: unsaved.language === language ? unsaved.field : `${unsaved.field}-${unsaved.language}`,
    text,
  }
}

/** What the form shows of an edit that ended badly: the refusal under its field, or what was not saved. */
function outcomeShown(
  state: EditMutation['state'],
  language: string,
  t: Translate,
  interfaceLanguage: string,
): Shown[] {
  if (state.error) return [{ field: refusedField[state.error.code] ?? 'form', error: state.error }]
  return (state.data?.unsaved ?? []).map((unsaved) => unsavedShown(unsaved, language, t, interfaceLanguage))
}

/** The command's latest edit, if it ended badly and was not dismissed: the form opens with what was typed. */
function latestUntold(queryClient: QueryClient, commandId: number) {
  const edits = queryClient
    .getMutationCache()
    .findAll({ mutationKey: commandKeys.edits() })
    .map((mutation) => (mutation as EditMutation).state)
    .filter((state) => state.variables?.before.id === commandId)
  const latest = edits.at(-1)
  return latest?.variables && untold(latest) ? latest : undefined
}

/**
 * The edit form: trigger, title and hint (in the list's language, and in any language added), the three flags.
 * It stays open while Bitrix24 answers: a refusal, or a part Bitrix24 did not save, is said under the field at
 * fault with everything typed kept; it closes when the edit is confirmed (or the command turns out to be gone, which
 * its bot's section then says). Closed before the answer, the row says how the edit ended, and Edit opens the form
 * again with what was typed.
 */
export function EditCommand(props: EditCommandProps) {
  return (
    <MoreMessages>
      <EditDialog {...props} />
    </MoreMessages>
  )
}

function EditDialog({ command, onClose }: EditCommandProps) {
  const { t, language: interfaceLanguage } = useMoreI18n()
  const id = useId()
  const queryClient = useQueryClient()
  const edit = useEditCommand(command.id)
  const formRef = useRef<HTMLFormElement>(null)
  const language = useTitleLanguage(command.botId)
  const name = (code: string) => languageName(code, interfaceLanguage)
  // A failed edit, not dismissed, opens again as it was typed, with its reasons.
  const [resumed] = useState(() => latestUntold(queryClient, command.id))
  const typed: EditForm = resumed?.variables?.form ?? {
    trigger: triggerOf(command),
    title: command.title,
    params: command.params,
    flags: { common: command.common, hidden: command.hidden, extranetSupport: command.extranetSupport },
    extra: [],
  }
  const [trigger, setTrigger] = useState(typed.trigger)
  const [title, setTitle] = useState(typed.title)
  const [params, setParams] = useState(typed.params)
  const [flagValues, setFlagValues] = useState(typed.flags)
  const [extra, setExtra] = useState(typed.extra)
  const [shown, setShown] = useState<Shown[]>(() =>
    resumed ? outcomeShown(resumed, language, t, interfaceLanguage) : [],
  )

  const close = () => {
    // What the form said of this command's edits is told: the row does not say it again. (That it is gone, the
    // bot's section says: the row goes.)
    forgetEdits(
      queryClient,
      (other) => other.variables?.before.id !== command.id || other.data?.gone === true,
    )
    onClose()
  }
  /**
   * Closes the form after a save and puts the focus on the row, which shows the result: closing gives it back to the
   * row's Edit (the dialog's opener), where a second Enter, or a held one, would open the form again. The row takes
   * it once the dialog has let go (flushSync: at once, before another key press can land on Edit).
   */
  const closeOnRow = () => {
    const row = formRef.current?.closest<HTMLElement>('tr[data-command-id]')
    flushSync(close)
    if (!row?.isConnected) return
    // Focusable by script only, not a Tab stop (as the dialog itself is while it opens).
    row.tabIndex = -1
    row.focus()
  }

  /** Shows what is wrong and takes the focus to the first field at fault, once the words are under it. */
  const [focusAt, setFocusAt] = useState<{ field: string } | null>(null)
  const show = (items: Shown[]) => {
    setShown(items)
    setFocusAt(items[0] ? { field: items[0].field } : null)
  }
  useEffect(() => {
    if (!focusAt) return
    // Above the fields, the notice itself; else the field, which the words under it describe.
    const target = focusAt.field === 'form' ? `${id}-form-problem` : `${id}-${focusAt.field}`
    document.getElementById(target)?.focus()
  }, [focusAt, id])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (edit.isPending) return
    const form: EditForm = { trigger, title, params, flags: flagValues, extra }
    const siblings = queryClient.getQueryData<CommandListing>(commandKeys.list(command.botId))?.items ?? []
    const plan = planEdit(command, form, siblings, language)
    if ('problems' in plan) {
      return show(
        plan.problems.map(({ field, problem, values, language: about }) => ({
          field,
          text: t(problem, about ? { ...values, language: name(about) } : values),
        })),
      )
    }
    if ('unchanged' in plan) return closeOnRow()
    setShown([])
    const variables: Edit = { before: command, changes: plan.changes, after: plan.after, language, form }
    edit.mutate(variables, {
      onSuccess: (outcome) => {
        if (outcome.gone || outcome.unsaved.length === 0) return closeOnRow()
        show(outcome.unsaved.map((unsaved) => unsavedShown(unsaved, language, t, interfaceLanguage)))
      },
      onError: (error) => show([{ field: refusedField[error.code] ?? 'form', error }]),
    })
  }

  const problemsAt = (field: string): ReactNode => {
    const here = shown.filter((item) => item.field === field)
    if (here.length === 0) return null
    return (
      <div id={`${id}-${field}-problem`} tabIndex={field === 'form' ? -1 : undefined}>
        {here.map((item) =>
          'error' in item ? (
            <ErrorNoticeView
              key={item.error.code}
              error={item.error}
              lead="edit.failedLead"
              onRetry={() => formRef.current?.requestSubmit()}
              onRefresh={() => queryClient.invalidateQueries({ queryKey: commandKeys.list(command.botId) })}
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
  const faulty = (field: string) => shown.some((item) => item.field === field)

  const text = (
    label: MessageKey,
    value: string,
    onChange: (value: string) => void,
    field: string,
    note?: ReactNode,
    noteId?: string,
  ) => (
    <>
      <label className="field" htmlFor={`${id}-${field}`}>
        <span className="field__label">{t(label)}</span>
        <input
          id={`${id}-${field}`}
          className="input"
          value={value}
          aria-invalid={faulty(field) || undefined}
          aria-describedby={describedBy(faulty(field) && `${id}-${field}-problem`, noteId ?? false)}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {note}
      {problemsAt(field)}
    </>
  )

  const warning = triggerWarning(command, trigger)
  const languageNoteId = `${id}-language`
  return (
    <Dialog
      title={t('edit.title', { command: command.command })}
      onClose={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            {t('action.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            aria-disabled={edit.isPending || undefined}
          >
            {t('edit.save')}
          </button>
        </>
      }
    >
      <form ref={formRef} id={`${id}-form`} className="edit" onSubmit={submit} noValidate>
        {problemsAt('form')}
        {edit.isPending && (
          <p className="field__hint" role="status">
            {t('edit.saving')}
          </p>
        )}
        {text(
          'edit.command',
          trigger,
          setTrigger,
          'command',
          warning && (
            <p id={`${id}-command-note`} className="field__hint">
              {t('edit.note.slashes', warning)}
            </p>
          ),
          warning && `${id}-command-note`,
        )}
        <p id={languageNoteId} className="field__hint">
          {t('edit.languageNote', { language: name(language) })}
        </p>
        {text('edit.titleField', title, setTitle, 'title', null, languageNoteId)}
        {text('edit.params', params, setParams, 'params', null, languageNoteId)}
        <fieldset className="edit__flags">
          <legend>{t('table.flags')}</legend>
          {commandFlags.map((flag, index) => (
            <label key={flag} className="check">
              <input
                id={index === 0 ? `${id}-flags` : undefined}
                type="checkbox"
                checked={flagValues[flag] === true}
                aria-describedby={faulty('flags') ? `${id}-flags-problem` : undefined}
                ref={(input) => {
                  // Bitrix24 did not say (live portals leave `hidden` out): shown as unknown until changed.
                  if (input) input.indeterminate = flagValues[flag] === null
                }}
                onChange={(e) => setFlagValues((values) => ({ ...values, [flag]: e.target.checked }))}
              />
              {t(flagLabel[flag])}
            </label>
          ))}
          {problemsAt('flags')}
        </fieldset>
        {extra.map((row, index) => (
          <fieldset key={row.language} className="edit__language">
            <legend>{t('edit.inLanguage', { language: name(row.language) })}</legend>
            {text(
              'edit.titleField',
              row.title,
              (value) => setExtra((rows) => rows.map((r, i) => (i === index ? { ...r, title: value } : r))),
              `title-${row.language}`,
            )}
            {text(
              'edit.params',
              row.params,
              (value) => setExtra((rows) => rows.map((r, i) => (i === index ? { ...r, params: value } : r))),
              `params-${row.language}`,
            )}
          </fieldset>
        ))}
        <label className="field" htmlFor={`${id}-add`}>
          <span className="field__label">{t('edit.addLanguage')}</span>
          <select
            id={`${id}-add`}
            className="input"
            value=""
            aria-describedby={`${id}-add-note`}
            onChange={(e) => {
              const added = e.target.value
              if (added) setExtra((rows) => [...rows, { language: added, title: '', params: '' }])
            }}
          >
            <option value="">—</option>
            {bitrixLanguages
              .filter((code) => code !== language && !extra.some((row) => row.language === code))
              .map((code) => (
                <option key={code} value={code}>
                  {name(code)}
                </option>
              ))}
          </select>
        </label>
        <p id={`${id}-add-note`} className="field__hint">
          {t('edit.otherLanguages')}
        </p>
      </form>
    </Dialog>
  )
}
