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
export { loadDictionary, loadMoreMessages, type MessageKey, type Messages } from './dictionaries'
export type { CoreMessageKey } from './on-demand/en'
export { type CoreTranslate, createTranslator, resolveLanguage, type Translate } from './translate'
export type { Language } from './types'
