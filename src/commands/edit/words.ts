import type { Translate } from '../../i18n'
import { languageName } from '../language-name'
import type { Flag } from './changes'
import type { Unsaved } from './confirm'

/** The flags an edit sets, and their names (the table's). */
export const flagLabels = {
  common: 'flag.common',
  hidden: 'flag.hidden',
  extranetSupport: 'flag.extranet',
} as const satisfies Record<Flag, string>

/** "Bitrix24 did not save …" in words, for the form (under the field) and the row alike. */
export function unsavedWords(unsaved: Unsaved, t: Translate, interfaceLanguage: string): string {
  switch (unsaved.field) {
    case 'command':
      return t('edit.unsaved.command', { command: unsaved.stored })
    case 'title':
    case 'params':
      return t(`edit.unsaved.${unsaved.field}`, {
        language: languageName(unsaved.language, interfaceLanguage),
      })
    default:
      return t('edit.unsaved.flag', { flag: t(flagLabels[unsaved.field]) })
  }
}
