// What Bitrix24's server accepts in a command, as its code does it (not as the docs say). Checked before anything is
// sent, because the server drops what breaks these rules silently: HTTP 200, no error, the old value kept or the
// language gone (im/lib/command.php, im/lib/model/command.php, im/lib/model/commandlang.php).

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

// A trigger has three forms: as stored (any characters), as listed (`"/" + stored`: imbot/lib/V2/Controller/
// Command.php, nothing trimmed, so a stored `/x` is listed `//x`), and as sent (what the portal strips to the stored
// one). These are the only conversions between them.

/** The trigger as the list shows it. */
export const listedTrigger = (stored: string): string => `/${stored}`

/** The trigger as stored, from the listed one. */
export const storedOfListed = (listed: string): string => listed.slice(1)

/**
 * What to send so that the portal stores exactly `stored`: the controller strips one leading `/` and Im\Command
 * another, so a trigger that itself begins with `/` goes with the two they strip.
 */
export const sentTrigger = (stored: string): string => (stored.startsWith('/') ? `//${stored}` : stored)

/** What to send for a trigger as the list showed it: one slash more, which the portal strips with the list's. */
export const sentOfListed = (listed: string): string => `/${listed}`

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
