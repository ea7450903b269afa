import { APP_ID, type NewBot, type NewCommand, PortalState } from './state.ts'
import type { SeedRequest, SeedResult } from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * The portal a developer finds after `npm start` or reset():
 * - bot 1 "Helpdesk Bot" (this app): commands 1-12 with en/ru/de titles and hints, mixed flags;
 *   command 12 (/sysinfo) is one Bitrix24 refuses to delete (WRONG_REQUEST).
 * - bot 2 "Sales Assistant" (this app): commands 13-15; 15 (/quote) was registered by another application
 *   (APP_ID_ERROR on removal, still listed under the bot).
 * - bot 3 "Marketing Bot" of another application: not in Bot.list; Command.list on it → BOT_OWNERSHIP_ERROR.
 */

export const OTHER_APP_ID = 'local.marketing.app'
export const QUOTES_APP_ID = 'local.quotes.app'
const HANDLER = 'https://bots.example.com/bitrix24/command'

type Texts = [en: string, ru: string, de: string]

interface CommandSeed {
  command: string
  title: Texts
  params?: Texts
  category: string
  common?: boolean
  hidden?: boolean
  extranetSupport?: boolean
  undeletable?: boolean
  appId?: string
}

function texts([en, ru, de]: Texts): Record<string, string> {
  return { en, ru, de }
}

function bot(name: string, code: string, appId: string, counts: [number, number, number]): NewBot {
  return {
    code,
    name,
    type: 'bot',
    appId,
    isHidden: false,
    isSupportOpenline: false,
    language: 'en',
    eventMode: 'fetch',
    countMessage: counts[0],
    countChat: counts[1],
    countUser: counts[2],
  }
}

function command(botId: number, seed: CommandSeed, botAppId: string): NewCommand {
  return {
    botId,
    appId: seed.appId ?? botAppId,
    command: seed.command,
    titles: texts(seed.title),
    params: seed.params ? texts(seed.params) : {},
    common: seed.common ?? false,
    hidden: seed.hidden ?? false,
    extranetSupport: seed.extranetSupport ?? false,
    category: seed.category,
    context: '',
    eventCommandAdd: HANDLER,
    undeletable: seed.undeletable ?? false,
  }
}

const HELPDESK_COMMANDS: CommandSeed[] = [
  {
    command: 'help',
    title: ['Show help', 'Показать справку', 'Hilfe anzeigen'],
    params: ['[topic]', '[тема]', '[Thema]'],
    category: 'General',
    common: true,
    extranetSupport: true,
  },
  {
    command: 'ticket',
    title: ['Create a support ticket', 'Создать обращение', 'Support-Ticket erstellen'],
    params: ['<subject>', '<тема обращения>', '<Betreff>'],
    category: 'Tickets',
    extranetSupport: true,
  },
  {
    command: 'status',
    title: ['Check ticket status', 'Статус обращения', 'Ticketstatus prüfen'],
    params: ['<ticket number>', '<номер обращения>', '<Ticketnummer>'],
    category: 'Tickets',
    extranetSupport: true,
  },
  {
    command: 'assign',
    title: ['Assign a ticket', 'Назначить ответственного', 'Ticket zuweisen'],
    params: ['<ticket number> <user>', '<номер обращения> <сотрудник>', '<Ticketnummer> <Benutzer>'],
    category: 'Tickets',
  },
  {
    command: 'close',
    title: ['Close a ticket', 'Закрыть обращение', 'Ticket schließen'],
    params: ['<ticket number> [comment]', '<номер обращения> [комментарий]', '<Ticketnummer> [Kommentar]'],
    category: 'Tickets',
  },
  {
    command: 'escalate',
    title: ['Escalate to the second line', 'Передать на вторую линию', 'An den Second-Level eskalieren'],
    params: ['<ticket number>', '<номер обращения>', '<Ticketnummer>'],
    category: 'Tickets',
    hidden: true,
  },
  {
    command: 'report',
    title: ['Weekly support report', 'Недельный отчёт поддержки', 'Wöchentlicher Support-Bericht'],
    params: ['[week]', '[неделя]', '[Woche]'],
    category: 'Reports',
    common: true,
  },
  {
    command: 'sla',
    title: ['SLA overview', 'Обзор SLA', 'SLA-Übersicht'],
    category: 'Reports',
  },
  {
    command: 'faq',
    title: ['Search the FAQ', 'Поиск по частым вопросам', 'FAQ durchsuchen'],
    params: ['<question>', '<вопрос>', '<Frage>'],
    category: 'Knowledge base',
    common: true,
    extranetSupport: true,
  },
  {
    command: 'kb',
    title: ['Open a knowledge base article', 'Открыть статью базы знаний', 'Wissensartikel öffnen'],
    params: ['<article id>', '<номер статьи>', '<Artikel-ID>'],
    category: 'Knowledge base',
  },
  {
    command: 'debug',
    title: [
      'Diagnostics for administrators',
      'Диагностика для администраторов',
      'Diagnose für Administratoren',
    ],
    category: '',
    hidden: true,
  },
  {
    command: 'sysinfo',
    title: ['System information', 'Сведения о системе', 'Systeminformationen'],
    category: 'General',
    common: true,
    undeletable: true,
  },
]

const SALES_COMMANDS: CommandSeed[] = [
  {
    command: 'lead',
    title: ['Create a lead', 'Создать лид', 'Lead anlegen'],
    params: ['<company> [contact]', '<компания> [контакт]', '<Firma> [Kontakt]'],
    category: 'CRM',
  },
  {
    command: 'deal',
    title: ['Find a deal', 'Найти сделку', 'Deal suchen'],
    params: ['<deal name or id>', '<название или номер сделки>', '<Dealname oder ID>'],
    category: 'CRM',
    common: true,
  },
  {
    command: 'quote',
    title: ['Prepare a quote', 'Подготовить предложение', 'Angebot vorbereiten'],
    params: ['<deal id>', '<номер сделки>', '<Deal-ID>'],
    category: 'CRM',
    appId: QUOTES_APP_ID,
  },
]

const MARKETING_COMMANDS: CommandSeed[] = [
  {
    command: 'campaign',
    title: ['Campaign results', 'Итоги кампании', 'Kampagnenergebnisse'],
    params: ['<campaign>', '<кампания>', '<Kampagne>'],
    category: 'Marketing',
  },
  {
    command: 'unsubscribe',
    title: ['Unsubscribe from news', 'Отписаться от новостей', 'Newsletter abbestellen'],
    category: 'Marketing',
    common: true,
  },
]

export const SEED_BOT_IDS = { helpdesk: 1, sales: 2, otherApp: 3 } as const
export const SEED_COMMAND_IDS = { undeletable: 12, otherApp: 15 } as const

/** A fresh state holding the seed data above. */
export function createSeedState(): PortalState {
  const state = new PortalState()
  const groups: [NewBot, CommandSeed[]][] = [
    [bot('Helpdesk Bot', 'helpdesk_bot', APP_ID, [1284, 37, 212]), HELPDESK_COMMANDS],
    [bot('Sales Assistant', 'sales_assistant', APP_ID, [418, 9, 26]), SALES_COMMANDS],
    [bot('Marketing Bot', 'marketing_bot', OTHER_APP_ID, [96, 4, 61]), MARKETING_COMMANDS],
  ]
  for (const [newBot, commands] of groups) {
    const stored = state.addBot(newBot)
    for (const seed of commands) state.addCommand(command(stored.id, seed, stored.appId))
  }
  return state
}

const WORDS = ['task', 'remind', 'poll', 'digest', 'sync', 'export', 'notify', 'vote', 'track', 'deploy']

/** Generated command number `n` of a bot: distinct command strings, titles in the three languages. */
function generatedCommand(botId: number, n: number): NewCommand {
  const word = WORDS[n % WORDS.length] ?? 'cmd'
  const name = `${word}${n + 1}`
  return {
    botId,
    appId: APP_ID,
    command: name,
    titles: {
      en: `Generated command ${n + 1}`,
      ru: `Сгенерированная команда ${n + 1}`,
      de: `Erzeugter Befehl ${n + 1}`,
    },
    params: { en: '[text]', ru: '[текст]', de: '[Text]' },
    common: n % 3 === 0,
    hidden: n % 7 === 0,
    extranetSupport: n % 5 === 0,
    category: n % 2 === 0 ? 'Generated' : 'Generated extra',
    context: '',
    eventCommandAdd: HANDLER,
    undeletable: false,
  }
}

/** Far above what any test needs (1000 commands), low enough that a typo cannot exhaust the dev server. */
const MAX_SEEDED = 50_000

function positive(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

/** Adds generated bots/commands (tests need 120 commands on a bot, 50 bots × 20 commands, ...). */
export function applySeed(state: PortalState, request: SeedRequest): SeedResult {
  const planned = positive(request.bots) * (1 + positive(request.commandsPerBot)) + positive(request.commands)
  if (planned > MAX_SEEDED)
    throw new RangeError(`A seed request may add at most ${MAX_SEEDED} bots and commands`)
  // Refuse before changing anything; the bot may only come from this request's own `bots`.
  const botMissing = request.botId !== undefined && (request.replace || !state.getBot(request.botId))
  if (botMissing && !request.bots) throw new RangeError(`Bot ${request.botId} does not exist`)
  if (request.replace) state.clear()
  const result: SeedResult = { botIds: [], commandIds: [] }
  const addCommands = (botId: number, count: number) => {
    const offset = state.commandsOf(botId).length
    for (let n = 0; n < count; n++)
      result.commandIds.push(state.addCommand(generatedCommand(botId, offset + n)).id)
  }
  const bots = positive(request.bots)
  for (let n = 0; n < bots; n++) {
    const stored = state.addBot(bot('Test Bot', 'test_bot', APP_ID, [n * 3, n, n * 2]))
    // Named after the id so that names stay distinct across several seed calls.
    stored.name = `Test Bot ${stored.id}`
    stored.code = `test_bot_${stored.id}`
    result.botIds.push(stored.id)
    addCommands(stored.id, positive(request.commandsPerBot))
  }
  if (request.botId !== undefined) {
    if (!state.getBot(request.botId)) throw new RangeError(`Bot ${request.botId} does not exist`)
    addCommands(request.botId, positive(request.commands))
  }
  return result
}

/** Reads a SeedRequest from untrusted JSON (control API); throws a TypeError naming the bad field. */
export function parseSeedRequest(input: unknown): SeedRequest {
  if (!isPlainObject(input)) throw new TypeError('seed request must be an object')
  const request: SeedRequest = {}
  if (input.replace !== undefined) {
    if (typeof input.replace !== 'boolean') throw new TypeError('seed.replace must be a boolean')
    request.replace = input.replace
  }
  for (const key of ['bots', 'commandsPerBot', 'botId', 'commands'] as const) {
    const value = input[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new TypeError(`seed.${key} must be a non-negative integer`)
    }
    request[key] = value
  }
  return request
}
