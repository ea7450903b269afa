export { I18nProvider, MoreMessages, MoreText, useDictionaryReady, useI18n } from './context'
export { loadDictionary, loadMoreMessages, type MessageKey, type Messages } from './dictionaries'
export { createTranslator, resolveLanguage, type Translate } from './translate'
export type { Language } from './types'
