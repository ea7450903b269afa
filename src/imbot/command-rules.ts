// What Bitrix24's server accepts in a command, as its code does it (not as the docs say). Checked before anything is
// sent, because the server drops what breaks these rules silently: HTTP 200, no error, the old value kept or the
// language gone (im/lib/command.php, im/lib/model/command.php, im/lib/model/commandlang.php).

/**
 * The language ids of Bitrix24's interface: the only keys a title or hint is read under. CommandLangTable keeps
 * a key of at most 2 characters; a title saved under any other key is seen by no one.
 */
export const bitrixLanguages = [
  'en',
  'ru',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'ua',
  'tr',
  'kz',
  'ja',
  'sc',
  'tc',
  'vn',
  'id',
  'ms',
  'th',
  'ar',
  'in',
] as const

export type BitrixLanguage = (typeof bitrixLanguages)[number]

export const isBitrixLanguage = (id: string): id is BitrixLanguage =>
  (bitrixLanguages as readonly string[]).includes(id)

/** The longest trigger, title or hint the portal keeps (Length(null, 255) validators; a VARCHAR(255) column). */
export const maxStoredLength = 255

/**
 * The length of a title or hint as the portal stores it: characters as `mb_strlen` counts them (code points),
 * except that each character outside the Basic Multilingual Plane (emoji) is saved as a 10-character code
 * `:f09f9880:` (\Bitrix\Main\Text\Emoji, the save modifier of CommandLangTable's TITLE and PARAMS), after the
 * length check. A trigger has no such modifier (CommandTable's COMMAND): its emoji count 1 each.
 */
export function storedLength(text: string, field: 'trigger' | 'text' = 'text'): number {
  let length = 0
  for (const char of text) length += field === 'text' && (char.codePointAt(0) ?? 0) > 0xffff ? 10 : 1
  return length
}

/** By how many stored characters a trigger (without its slash) or a text is too long for the portal (0 if it fits). */
export const excessLength = (text: string, field: 'trigger' | 'text' = 'text'): number =>
  Math.max(0, storedLength(text, field) - maxStoredLength)

/**
 * The trigger as the portal stores it from what was typed: the controller strips one leading `/` and
 * Im\Command another, so `//x` is stored as `x`. Only a space (U+0020) ends a trigger in chat; any other
 * character is accepted.
 */
export function storedTrigger(typed: string): string {
  const once = typed.startsWith('/') ? typed.slice(1) : typed
  return once.startsWith('/') ? once.slice(1) : once
}

/** Whether the portal would strip a second slash the admin typed (`//x` becomes `/x`, not `//x`). */
export const losesSecondSlash = (typed: string): boolean => typed.startsWith('//')

/** Triggers are matched exactly (PHP's `===` in the controller's checks): case matters, `/Help` is not `/help`. */
export const sameTrigger = (a: string, b: string): boolean => a === b
