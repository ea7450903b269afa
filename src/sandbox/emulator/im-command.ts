import { looseEqualStrings, mbStrlen, phpEmpty } from './php.ts'
import type { NewCommand, PortalState } from './state.ts'
import type { SandboxCommand } from './types.ts'

/**
 * How the im module stores a command, for every REST method that registers or changes one (v1 and v2 alike):
 * Im\Command::register and ::update (im/lib/command.php) over CommandTable (im/lib/model/command.php) and
 * CommandLangTable (im/lib/model/commandlang.php), and how Command.list reads the texts back
 * (im/lib/V2/Entity/Command/Command.php, commandRestLang). What a table's validators refuse is dropped without a
 * word: the methods answer as if it had been saved.
 */

/** The longest COMMAND, TITLE and PARAMS the tables keep (Length(null, 255); VARCHAR(255) columns). */
export const MAX_TEXT_LENGTH = 255
/** The longest LANGUAGE_ID (Length(null, 2)). */
export const MAX_LANGUAGE_LENGTH = 2

/** A language row as Im\Command passes it on: LANGUAGE_ID, TITLE, PARAMS (undefined: not set). */
export interface LangRow {
  language: unknown
  title: unknown
  params?: unknown
}

/** Characters outside the Basic Multilingual Plane: the 4-byte UTF-8 sequences \Bitrix\Main\Text\Emoji encodes. */
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu

/** Emoji::encode, TITLE's and PARAMS's save modifier: each emoji becomes ":" + its 4 UTF-8 bytes in hex + ":". */
export function emojiEncode(text: string): string {
  return text.replace(ASTRAL, (char) => {
    const hex = [...new TextEncoder().encode(char)].map((byte) => byte.toString(16).padStart(2, '0'))
    return `:${hex.join('')}:`
  })
}

/** Whether 4 bytes are one 4-byte UTF-8 sequence (Emoji's pattern: planes 1 to 16). */
function isEmojiBytes([a = 0, b = 0, c = 0, d = 0]: number[]): boolean {
  const continuation = (byte: number) => byte >= 0x80 && byte <= 0xbf
  if (!continuation(c) || !continuation(d)) return false
  if (a === 0xf0) return b >= 0x90 && b <= 0xbf
  if (a >= 0xf1 && a <= 0xf3) return continuation(b)
  return a === 0xf4 && b >= 0x80 && b <= 0x8f
}

/**
 * Emoji::decode, the fetch modifier: any ":XXXXXXXX:" (8 hex digits, any case) that spells an emoji's bytes is read
 * back as that emoji, whether the save modifier wrote it or the text held it as typed.
 */
export function emojiDecode(text: string): string {
  return text.replace(/:([A-F0-9]{8}):/gi, (code, hex: string) => {
    const bytes = (hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16))
    return isEmojiBytes(bytes) ? new TextDecoder().decode(new Uint8Array(bytes)) : code
  })
}

/**
 * Whether CommandLangTable keeps a TITLE or PARAMS: the Length validator counts mb_strlen BEFORE the save modifier
 * (DataManager::add runs checkFields, then modifyValueBeforeSave), and the column then holds the encoded text, so
 * each emoji takes 10 of its 255 characters.
 */
export function fitsTextColumn(text: string): boolean {
  return mbStrlen(text) <= MAX_TEXT_LENGTH && mbStrlen(emojiEncode(text)) <= MAX_TEXT_LENGTH
}

/** What a fetch of a stored TITLE or PARAMS gives back: the text encoded on save, decoded on fetch. */
export const fetchedText = (text: string): string => emojiDecode(emojiEncode(text))

/** A scalar as PHP casts it to a string column; undefined for what PHP would not store as text. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? '1' : ''
  return undefined
}

/**
 * The rows CommandLangTable ends up holding, in order: Im\Command skips a row without a LANGUAGE_ID (PHP `empty`:
 * also "0") or without a TITLE (unset or null; '' is a title), lower-cases LANGUAGE_ID and adds the rest one by one,
 * ignoring each add's result, so a row its validators refuse (LANGUAGE_ID over 2 characters, TITLE or PARAMS over
 * 255) is silently missing. The same language twice keeps its first place and its last texts, as the list reads them.
 * A row whose add `rowFails` (a database failure: Im\Command catches the exception and goes on) is missing too.
 */
export function storedTexts(
  rows: readonly LangRow[],
  rowFails?: (language: string) => boolean,
): Pick<SandboxCommand, 'titles' | 'params'> {
  const titles: Record<string, string> = {}
  const params: Record<string, string> = {}
  for (const row of rows) {
    if (phpEmpty(row.language) || row.title === undefined || row.title === null) continue
    const language = asText(row.language)?.toLowerCase()
    const title = asText(row.title)
    const hint = row.params === undefined || row.params === null ? '' : asText(row.params)
    if (language === undefined || title === undefined || hint === undefined) continue
    if (mbStrlen(language) > MAX_LANGUAGE_LENGTH || !fitsTextColumn(title) || !fitsTextColumn(hint)) continue
    if (rowFails?.(language)) continue
    titles[language] = fetchedText(title)
    params[language] = fetchedText(hint)
  }
  return { titles, params }
}

/** The trigger as Im\Command keeps it: one leading "/" stripped (the v2 controller has stripped one already). */
export function withoutSlash(command: string): string {
  return command.startsWith('/') ? command.slice(1) : command
}

/** Whether CommandTable takes a COMMAND: required (not '') and at most 255 characters (mb_strlen). */
export function fitsCommandColumn(command: string): boolean {
  return command !== '' && mbStrlen(command) <= MAX_TEXT_LENGTH
}

/** What Im\Command::register is given. */
export interface RegisterFields extends Omit<NewCommand, 'titles' | 'params' | 'command'> {
  command: string
  rows: readonly LangRow[]
  /** A row whose CommandLangTable::add fails (storedTexts). */
  rowFails?: ((language: string) => boolean) | undefined
}

/**
 * Im\Command::register: the command the bot already has with this trigger (compared with PHP's `==`, so exact case
 * but "1" == "01"), whoever registered it; otherwise a new one, or undefined when CommandTable refuses it (the
 * trigger empty once its slash is stripped, or over 255 characters). A visible command without rows is refused too.
 */
export function registerCommand(state: PortalState, fields: RegisterFields): SandboxCommand | undefined {
  const { rows, rowFails, command: sent, ...rest } = fields
  const command = withoutSlash(sent)
  if (rows.length === 0 && !fields.hidden) return undefined
  const existing = state.commandsOf(fields.botId).find((other) => looseEqualStrings(other.command, command))
  if (existing) return existing
  if (!fitsCommandColumn(command)) return undefined
  return state.addCommand({ ...rest, command, ...storedTexts(rows, rowFails) })
}

/** What Im\Command::update is given: only what is set changes. */
export interface UpdateFields {
  command?: string
  common?: boolean
  hidden?: boolean
  extranetSupport?: boolean
  /** Every language row the command is to have: all its rows are deleted first. */
  rows?: readonly LangRow[]
  /** A row whose CommandLangTable::add fails (storedTexts). */
  rowFails?: ((language: string) => boolean) | undefined
}

/**
 * Im\Command::update: with rows, deletes every language row of the command and adds the given ones (storedTexts);
 * then the trigger (one more slash stripped) and the flags in ONE CommandTable::update, whose result is ignored: a
 * trigger that table refuses (empty, over 255 characters) leaves the trigger AND the flags as they were, the rows
 * already replaced.
 */
export function updateCommand(command: SandboxCommand, fields: UpdateFields): void {
  if (fields.rows) Object.assign(command, storedTexts(fields.rows, fields.rowFails))
  const trigger =
    fields.command === undefined || fields.command === '' ? undefined : withoutSlash(fields.command)
  if (trigger !== undefined && !fitsCommandColumn(trigger)) return
  command.command = trigger ?? command.command
  command.common = fields.common ?? command.common
  command.hidden = fields.hidden ?? command.hidden
  command.extranetSupport = fields.extranetSupport ?? command.extranetSupport
}

/** The command's language rows as CommandLangTable::getList gives them back, in order. */
export function languageRows(command: SandboxCommand): LangRow[] {
  return Object.entries(command.titles).map(([language, title]) => ({
    language,
    title,
    params: command.params[language] ?? '',
  }))
}

/**
 * The title and hint Command.list shows (commandRestLang): the rows of the request's language, else of the portal's
 * default language (Im\Bot::getDefaultLanguage), else the first row; none: ''. A command whose title is `empty`
 * there ('' or "0") is marked hidden in the list's data (`hidden` says so where the answer has that field).
 */
export function listedTexts(
  command: SandboxCommand,
  requestLanguage: string,
  defaultLanguage: string,
): { title: string; params: string; hidden: boolean } {
  const has = (language: string) => Object.hasOwn(command.titles, language)
  const language = has(requestLanguage)
    ? requestLanguage
    : has(defaultLanguage)
      ? defaultLanguage
      : Object.keys(command.titles)[0]
  const title = language === undefined ? '' : (command.titles[language] ?? '')
  const params = language === undefined ? '' : (command.params[language] ?? '')
  return { title, params, hidden: command.hidden || phpEmpty(title) }
}
