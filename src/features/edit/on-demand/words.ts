import type { Language, Translate } from '../../../i18n'
import { flagLabel } from '../../../shared/command/fields'
import { languageName } from '../../../shared/command/on-demand/language-name'
import type { Unsaved } from './confirm'

/** "Bitrix24 did not save …" in words, for the form (under the field) and the row alike. */
export function unsavedWords(unsaved: Unsaved, t: Translate, interfaceLanguage: Language): string {
  switch (unsaved.field) {
    case 'command':
      return t('edit.unsaved.command', { command: unsaved.stored })
    case 'title':
    case 'params':
      return t(`edit.unsaved.${unsaved.field}`, {
        language: languageName(unsaved.language, interfaceLanguage),
      })
    default:
      return t('edit.unsaved.flag', { flag: t(flagLabel[unsaved.field]) })
  }
}
