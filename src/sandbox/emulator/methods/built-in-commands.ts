/**
 * The six commands every live portal lists before a bot's own in imbot.v2.Command.list (the im module's
 * Command entity, mergeWithDefaultCommands): ids "def0"…"def5", botId 0, always common. Their flags, category
 * and context are the server code's; the texts are the sandbox's own wording (the portal's language files are
 * not public).
 */

/** The languages the sandbox words the built-ins in (English for the others, see builtInLanguage). */
export type BuiltInLanguage = 'en' | 'ru' | 'de'

type Texts = Record<BuiltInLanguage, string>

export interface BuiltInCommand {
  /** Without the slash, as stored. */
  command: string
  title: Texts
  params: Texts
  extranet: boolean
  category: Texts
  context: '' | 'chat' | 'call'
}

const NONE: Texts = { en: '', ru: '', de: '' }
const TEXT: Texts = { en: 'text', ru: 'текст', de: 'Text' }
/** The im module's own category (COMMAND_IM_CATEGORY), for built-ins that name no other. */
const MESSENGER: Texts = { en: 'Messenger', ru: 'Мессенджер', de: 'Messenger' }
const CHAT: Texts = { en: 'Chat', ru: 'Чат', de: 'Chat' }
const DEBUG: Texts = { en: 'Debugging', ru: 'Отладка', de: 'Debugging' }

export const BUILT_IN_COMMANDS: readonly BuiltInCommand[] = [
  {
    command: 'me',
    title: {
      en: 'Speak of yourself in the third person',
      ru: 'Сказать о себе в третьем лице',
      de: 'Von sich in der dritten Person sprechen',
    },
    params: TEXT,
    extranet: true,
    category: MESSENGER,
    context: '',
  },
  {
    command: 'loud',
    title: { en: 'Say it loudly', ru: 'Сказать громко', de: 'Laut sagen' },
    params: TEXT,
    extranet: true,
    category: MESSENGER,
    context: '',
  },
  {
    command: '>>',
    title: { en: 'Quote', ru: 'Цитировать', de: 'Zitieren' },
    params: TEXT,
    extranet: true,
    category: MESSENGER,
    context: '',
  },
  {
    command: 'rename',
    title: { en: 'Rename the chat', ru: 'Переименовать чат', de: 'Chat umbenennen' },
    params: { en: 'new name', ru: 'новое название', de: 'neuer Name' },
    extranet: true,
    category: CHAT,
    context: 'chat',
  },
  {
    command: 'getDialogId',
    title: { en: 'Show the chat ID', ru: 'Показать ID чата', de: 'Chat-ID anzeigen' },
    params: NONE,
    extranet: false,
    category: CHAT,
    context: '',
  },
  {
    command: 'webrtcDebug',
    title: { en: 'Call diagnostics', ru: 'Диагностика звонков', de: 'Anrufdiagnose' },
    params: NONE,
    extranet: true,
    category: DEBUG,
    context: 'call',
  },
]
