import type { Dispatch } from 'react'
import { languages, useMoreI18n } from '../../../i18n'
import { languageName } from '../../../shared/command/on-demand/language-name'
import type { LanguageTexts } from './changes'
import { type ProblemsAt, TextField } from './form-fields'
import type { FormChange } from './form-state'

interface OtherLanguagesProps {
  /** The form's id. */
  id: string
  /** The list's language, which the form's own title and hint are in: it is not offered again. */
  language: string
  extra: readonly LanguageTexts[]
  change: Dispatch<FormChange>
  problems: ProblemsAt
}

/** Titles and hints in the languages added, and the choice of one more among Bitrix24's languages, by name. */
export function OtherLanguages({ id, language, extra, change, problems }: OtherLanguagesProps) {
  const { t, language: interfaceLanguage } = useMoreI18n()
  const name = (code: string) => languageName(code, interfaceLanguage)
  return (
    <>
      {extra.map((row) => (
        <fieldset key={row.language} className="edit__language">
          <legend>{t('edit.inLanguage', { language: name(row.language) })}</legend>
          <TextField
            id={id}
            field={`title-${row.language}`}
            label={t('edit.titleField')}
            value={row.title}
            onChange={(value) =>
              change({ type: 'language text', language: row.language, field: 'title', value })
            }
            problems={problems}
          />
          <TextField
            id={id}
            field={`params-${row.language}`}
            label={t('edit.params')}
            value={row.params}
            onChange={(value) =>
              change({ type: 'language text', language: row.language, field: 'params', value })
            }
            problems={problems}
          />
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
            if (added) change({ type: 'add language', language: added })
          }}
        >
          <option value="">—</option>
          {languages
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
    </>
  )
}
