import { createTranslator, type Language, type Translate } from '../../src/i18n'
import { readDictionary } from '../../src/i18n/messages/vite-plugin'

/** The `t()` of a language over its whole dictionary file (src/i18n/messages/<id>.json), as the app shows it. */
export function translatorOf(language: Language): Translate {
  return createTranslator(language, readDictionary(language))
}
