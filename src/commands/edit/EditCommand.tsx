import { type FormEvent, useId, useState } from 'react'
import { type MessageKey, MoreMessages, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import type { CommandChanges } from '../../imbot/update'
import { Dialog } from '../../ui/Dialog'
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

type Flag = 'common' | 'hidden' | 'extranetSupport'
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
  const edit = useEditCommand()
  const [trigger, setTrigger] = useState(command.command.replace(/^\//, ''))
  const [title, setTitle] = useState(command.title)
  const [params, setParams] = useState(command.params)
  const [flagValues, setFlagValues] = useState({
    common: command.common,
    hidden: command.hidden,
    extranetSupport: command.extranetSupport,
  })
  const [extra, setExtra] = useState<{ language: string; title: string; params: string }[]>([])
  const [problem, setProblem] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (edit.isPending) return
    const name = trigger.trim().replace(/^\/+/, '')
    if (name === '') return setProblem(t('edit.problem.empty'))
    if (/\s/.test(name)) return setProblem(t('edit.problem.spaces'))
    const taken = siblings.find(
      (other) => other.id !== command.id && other.command.toLowerCase() === `/${name}`.toLowerCase(),
    )
    if (taken) return setProblem(t('edit.problem.taken', { command: taken.command }))
    const changes: CommandChanges = {}
    if (`/${name}` !== command.command) changes.command = name
    const titles: Record<string, string> = {}
    const hints: Record<string, string> = {}
    // Bitrix24 reads a hint only for the languages whose title comes in the same call: a hint goes with its title.
    if (title !== command.title || params !== command.params) titles[language] = title
    if (params !== command.params) hints[language] = params
    for (const row of extra) {
      if (row.params.trim() && !row.title.trim()) {
        return setProblem(t('edit.problem.hintWithoutTitle', { language: row.language }))
      }
      if (row.title.trim()) titles[row.language] = row.title
      if (row.params.trim()) hints[row.language] = row.params
    }
    if (Object.keys(titles).length > 0) changes.title = titles
    if (Object.keys(hints).length > 0) changes.params = hints
    for (const [flag] of flags) {
      const value = flagValues[flag]
      if (value !== null && value !== command[flag]) changes[flag] = value
    }
    if (Object.keys(changes).length > 0) {
      const after: Command = { ...command, command: `/${name}`, title, params, ...flagValues }
      edit.mutate({ before: command, changes, after } satisfies Edit)
    }
    onClose()
  }

  const text = (label: MessageKey, value: string, onChange: (value: string) => void, name: string) => (
    <label className="field" htmlFor={`${id}-${name}`}>
      <span className="field__label">{t(label)}</span>
      <input
        id={`${id}-${name}`}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  )

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
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
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
