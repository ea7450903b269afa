export {
  I18nProvider,
  type MoreI18n,
  MoreMessages,
  MoreText,
  useDictionaryReady,
  useI18n,
  useMoreI18n,
  useMoreMessages,
} from './context'
export type { CoreMessageKey } from './core-keys'
export { loadDictionary, loadMoreMessages } from './dictionaries'
export {
  browserLanguage,
  isLanguage,
  type Language,
  languages,
  languageTag,
  resolveLanguage,
} from './languages'
export { type CoreTranslate, createTranslator, prepareLanguage, type Translate } from './translate'
export type { MessageKey, Messages } from './types'
