import { useEffect, useState } from 'react'
import type { Language, Translate } from '../../../i18n'
import type { PortalError } from '../../../portal'
import { languageName } from '../../../shared/command/on-demand/language-name'
import type { EditMutation } from '../failure'
import type { FieldProblem } from './changes'
import type { Unsaved } from './confirm'
import { unsavedWords } from './words'

// What the form says under a field, or above them all: its own checks, Bitrix24's refusal, what Bitrix24 did not
// save. A field is `command`, `title`, `params`, `title-{language}` / `params-{language}` of an added language,
// `flags`, or `form` (above the fields).

/** What the form says under a field: a check of its own, or Bitrix24's refusal. */
export type Shown = { field: string; text: string } | { field: string; error: PortalError }

/** Bitrix24's refusals of an update that point at one field; any other is said above the fields. */
const refusedField: Readonly<Record<string, string>> = {
  COMMAND_ALREADY_EXISTS: 'command',
  COMMAND_NAME_EMPTY: 'command',
  COMMAND_NAME_INVALID: 'command',
  COMMAND_REQUIRED: 'command',
  COMMAND_TITLE_INVALID: 'title',
  COMMAND_TITLE_REQUIRED: 'title',
}

/** Bitrix24's refusal, under the field it points at, else above the fields. */
export const refusalShown = (error: PortalError): Shown => ({
  field: refusedField[error.code] ?? 'form',
  error,
})

/** Why a field cannot be sent as it is (planEdit), in words, naming the language it is about. */
export function problemShown(
  { field, problem, values, language }: FieldProblem,
  t: Translate,
  interfaceLanguage: Language,
): Shown {
  return {
    field,
    // A language Bitrix24 does not have is named by the id typed, which the message quotes itself.
    text: t(
      problem,
      language
        ? {
            ...values,
            language:
              problem === 'edit.problem.language' ? language : languageName(language, interfaceLanguage),
          }
        : values,
    ),
  }
}

/**
 * "Bitrix24 did not save …", under the field it is about: a title or hint in the list's `language` is under the
 * form's own field, one in an added language under that language's.
 */
export function unsavedShown(
  unsaved: Unsaved,
  language: string,
  t: Translate,
  interfaceLanguage: Language,
): Shown {
  const text = unsavedWords(unsaved, t, interfaceLanguage)
  if (unsaved.field === 'command') return { field: 'command', text }
  if (unsaved.field !== 'title' && unsaved.field !== 'params') return { field: 'flags', text }
  return {
    field: unsaved.language === language ? unsaved.field : `${unsaved.field}-${unsaved.language}`,
    text,
  }
}

/** What the form shows of an edit that ended badly: the refusal under its field, or what was not saved. */
export function outcomeShown(
  state: EditMutation['state'],
  language: string,
  t: Translate,
  interfaceLanguage: Language,
): Shown[] {
  if (state.error) return [refusalShown(state.error)]
  return (state.data?.unsaved ?? []).map((unsaved) => unsavedShown(unsaved, language, t, interfaceLanguage))
}

/**
 * What the form shows (at first, `initial`), and `show` to say something else: it takes the focus to the first field
 * at fault once the words are under it, the notice itself when they are above the fields. `id` is the form's id.
 */
export function useShownProblems(id: string, initial: () => Shown[]) {
  const [shown, setShown] = useState(initial)
  const [focusAt, setFocusAt] = useState<{ field: string } | null>(null)
  const show = (items: Shown[]) => {
    setShown(items)
    // A new object each time: the same field at fault again takes the focus again.
    setFocusAt(items[0] ? { field: items[0].field } : null)
  }
  useEffect(() => {
    if (!focusAt) return
    // The field is described by the words under it, so it takes the focus; words above the fields describe none.
    const target = focusAt.field === 'form' ? `${id}-form-problem` : `${id}-${focusAt.field}`
    document.getElementById(target)?.focus()
  }, [focusAt, id])
  return { shown, show }
}
