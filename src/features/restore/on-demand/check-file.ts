import type { MessageKey } from '../../../i18n'
import { bitrixLanguage } from '../../../i18n/on-demand/bitrix-language'
import { flag, isRecord, positiveId, text, Unreadable } from '../../../imbot/fields'
import { exportFormat, exportVersion } from '../../../shared/command/on-demand/export-format'

/** The largest file a restore opens: an export of 10,000 commands is about 4 MB. */
export const maxFileBytes = 10 * 1024 * 1024

/** A command as the file carries it, checked. */
export interface FileCommand {
  /** Its place in the file (from 1), to name it in messages. */
  entry: number
  /** The id it had on the portal it was exported from (null when the file lacks it). */
  id: number | null
  bot: { id: number | null; code: string; name: string }
  /**
   * The trigger as the list showed it when exported: a slash, then the trigger as stored (which may begin with a
   * slash of its own: a stored `/x` is listed and exported as `//x`). A file's trigger without its slash gets one.
   */
  command: string
  /** The trigger exactly as the file writes it, to name it in messages. */
  written: string
  /**
   * The language its title and hint are in, as Bitrix24 names languages: its bot's in the file, else the file's;
   * null when the file names none (the first exports: the portal's list language is assumed).
   */
  language: string | null
  title: string
  params: string
  common: boolean | null
  hidden: boolean | null
  extranetSupport: boolean | null
}

/** An exported file, checked: what a restore needs of it. */
export interface ExportFile {
  /** 1: the first exports (no format field), 2: with format, language and bots. */
  version: number
  portal: string
  exportedAt: string
  /** The language its titles and hints are in (Bitrix24's id); null in version 1 files (the list's is assumed). */
  language: string | null
  commands: FileCommand[]
}

export interface FileProblem {
  message: MessageKey
  values?: Record<string, string | number>
}

export type FileCheck = { ok: true; file: ExportFile } | { ok: false; problem: FileProblem }

const fail = (message: MessageKey, values?: FileProblem['values']): FileCheck => ({
  ok: false,
  problem: { message, values },
})

/** A field of one command that is missing or cannot be read: the check names the entry and the field. */
class WrongField extends Error {
  constructor(readonly field: string) {
    super(field)
  }
}

function read<T>(field: string, reader: (value: unknown) => T, value: unknown): T {
  try {
    return reader(value)
  } catch (error) {
    if (error instanceof Unreadable) throw new WrongField(field)
    throw error
  }
}

/** A language as the file names it, in Bitrix24's form ("en-US" of older webhook exports is "en"); null if none. */
const languageOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? bitrixLanguage(value) : null

function readCommand(raw: unknown, entry: number, fileLanguage: string | null): FileCommand {
  if (!isRecord(raw)) throw new WrongField('command')
  // Any character is a trigger's (the server checks only that it is a string): nothing is trimmed; the preview
  // warns about what cannot be called in chat (a space).
  const written = typeof raw.command === 'string' ? raw.command : ''
  const command = written.startsWith('/') ? written : `/${written}`
  if (command === '/') throw new WrongField('command')
  const bot = isRecord(raw.bot) ? raw.bot : {}
  const botId = positiveId(bot.id ?? raw.botId)
  const code = typeof bot.code === 'string' ? bot.code : ''
  if (botId === null && code === '') throw new WrongField('bot')
  if (raw.id !== undefined && positiveId(raw.id) === null) throw new WrongField('id')
  // Every export writes both (an empty text when Bitrix24 gave none): a file without them was edited by hand.
  for (const field of ['title', 'params'] as const) if (!(field in raw)) throw new WrongField(field)
  return {
    entry,
    id: positiveId(raw.id),
    bot: { id: botId, code, name: typeof bot.name === 'string' ? bot.name : '' },
    command,
    written,
    language: languageOf(bot.language) ?? fileLanguage,
    title: read('title', text, raw.title),
    params: read('params', text, raw.params),
    common: read('common', flag, raw.common),
    hidden: read('hidden', flag, raw.hidden),
    extranetSupport: read('extranetSupport', flag, raw.extranetSupport ?? raw.extranet),
  }
}

/**
 * Checks an opened file before anything is sent: its size, that it is JSON, an export of this app in a format
 * this version reads (the first exports, without a format field, too), and every command in it. The first
 * problem found is said in words; nothing of a file with a problem is used.
 */
export function checkExportFile(content: string, size = content.length): FileCheck {
  if (size > maxFileBytes)
    return fail('restore.problem.tooBig', { limit: `${maxFileBytes / 1024 / 1024} MB` })
  if (content.trim() === '') return fail('restore.problem.empty')
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    return fail('restore.problem.notJson')
  }
  if (!isRecord(json)) return fail('restore.problem.notExport')
  const marked = json.format !== undefined
  if (marked && json.format !== exportFormat) return fail('restore.problem.notExport')
  if (!marked && json.version !== undefined) return fail('restore.problem.notExport')
  const version = marked ? json.version : 1
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('restore.problem.header', { field: 'version' })
  }
  if (version > exportVersion) return fail('restore.problem.newer', { version })
  if (!Array.isArray(json.commands) || typeof json.portal !== 'string') {
    return marked
      ? fail('restore.problem.header', { field: Array.isArray(json.commands) ? 'portal' : 'commands' })
      : fail('restore.problem.notExport')
  }
  if (json.commands.length === 0) return fail('restore.problem.noCommands')
  const language = languageOf(json.language)
  const commands: FileCommand[] = []
  for (const [index, raw] of json.commands.entries()) {
    try {
      commands.push(readCommand(raw, index + 1, language))
    } catch (error) {
      if (!(error instanceof WrongField)) throw error
      return fail('restore.problem.field', { entry: index + 1, field: error.field })
    }
  }
  return {
    ok: true,
    file: {
      version,
      portal: json.portal,
      exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : '',
      language,
      commands,
    },
  }
}
