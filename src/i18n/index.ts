export { I18nProvider, useI18n } from './context'
export type { MessageKey } from './en'
export { createTranslator, resolveLanguage, type Translate, type Values } from './translate'
export type { Language } from './types'
