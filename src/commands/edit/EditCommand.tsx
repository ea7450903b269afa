import { type FormEvent, useId, useState } from 'react'
import { type MessageKey, MoreMessages, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { Dialog } from '../../ui/Dialog'
import { type Flag, planEdit } from './changes'
import type { Edit } from './failure'
import { useEditCommand } from './mutation'

/** Languages Bitrix24 knows, for titles and hints in more than the portal's language. */
const languages = [
  'en',
  'ru',
  'de',
  'ua',
  'by',
  'kz',
  'pl',
  'fr',
  'es',
  'it',
  'br',
  'tr',
  'vn',
  'id',
  'ja',
  'sc',
  'tc',
]

interface EditCommandProps {
  command: Command
  /** The bot's other commands (a trigger may not be used twice). */
  siblings: readonly Command[]
  /** The portal's language: the title and hint shown are in it. */
  language: string
  onClose: () => void
}

const flags: readonly [Flag, MessageKey][] = [
  ['common', 'flag.common'],
  ['hidden', 'flag.hidden'],
  ['extranetSupport', 'flag.extranet'],
]

/** The edit form: trigger, title and hint (portal language and any added), the three flags. */
export function EditCommand(props: EditCommandProps) {
  return (
    <MoreMessages>
      <EditForm {...props} />
    </MoreMessages>
  )
}

function EditForm({ command, siblings, language, onClose }: EditCommandProps) {
  const { t } = useI18n()
  const id = useId()
  const edit = useEditCommand(command.id)
  const [trigger, setTrigger] = useState(command.command.replace(/^\//, ''))
  const [title, setTitle] = useState(command.title)
  const [params, setParams] = useState(command.params)
  const [flagValues, setFlagValues] = useState({
    common: command.common,
    hidden: command.hidden,
    extranetSupport: command.extranetSupport,
  })
  const [extra, setExtra] = useState<{ language: string; title: string; params: string }[]>([])
  /** What stops the save, said under the field at fault (which takes the focus). */
  const [problem, setProblem] = useState<{ text: string; field: string } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (edit.isPending) return
    const plan = planEdit(command, { trigger, title, params, flags: flagValues, extra }, siblings, language)
    if ('problem' in plan) {
      setProblem({ text: t(plan.problem, plan.values), field: plan.field })
      return document.getElementById(`${id}-${plan.field}`)?.focus()
    }
    if ('changes' in plan)
      edit.mutate({ before: command, changes: plan.changes, after: plan.after } satisfies Edit)
    onClose()
  }

  const text = (label: MessageKey, value: string, onChange: (value: string) => void, name: string) => {
    const fault = problem?.field === name
    return (
      <>
        <label className="field" htmlFor={`${id}-${name}`}>
          <span className="field__label">{t(label)}</span>
          <input
            id={`${id}-${name}`}
            className="input"
            value={value}
            aria-invalid={fault || undefined}
            aria-describedby={fault ? `${id}-problem` : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        </label>
        {fault && (
          <p id={`${id}-problem`} className="field__error" role="alert">
            {problem.text}
          </p>
        )}
      </>
    )
  }

  return (
    <Dialog
      title={t('edit.title', { command: command.command })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            disabled={edit.isPending}
          >
            {t('edit.save')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="edit" onSubmit={submit} noValidate>
        {text('edit.command', trigger, setTrigger, 'command')}
        {text('edit.titleField', title, setTitle, 'title')}
        {text('edit.params', params, setParams, 'params')}
        <fieldset className="edit__flags">
          <legend>{t('table.flags')}</legend>
          {flags.map(([flag, label]) => (
            <label key={flag} className="check">
              <input
                type="checkbox"
                checked={flagValues[flag] === true}
                ref={(input) => {
                  // Bitrix24 did not say (live portals leave `hidden` out): shown as unknown until changed.
                  if (input) input.indeterminate = flagValues[flag] === null
                }}
                onChange={(e) => setFlagValues((values) => ({ ...values, [flag]: e.target.checked }))}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
        {extra.map((row, index) => (
          <fieldset key={row.language} className="edit__language">
            <legend>{t('edit.inLanguage', { language: row.language })}</legend>
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
            onChange={(e) => {
              const added = e.target.value
              if (added) setExtra((rows) => [...rows, { language: added, title: '', params: '' }])
            }}
          >
            <option value="">—</option>
            {languages
              .filter((code) => code !== language && !extra.some((row) => row.language === code))
              .map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
          </select>
        </label>
      </form>
    </Dialog>
  )
}
