/** A plural message: one form per Intl.PluralRules category the language uses (`other` is required). */
export interface PluralMessage {
  zero?: string
  one?: string
  two?: string
  few?: string
  many?: string
  other: string
}

export type Message = string | PluralMessage

export type Dictionary = Record<string, Message>

export type Language = 'en' | 'ru' | 'de'
