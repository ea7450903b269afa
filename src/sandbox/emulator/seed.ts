import { APP_ID, type NewBot, type NewCommand, PortalState, webhookOwnerKey } from './state.ts'
import type { CommandTextsRequest, SeedRequest, SeedResult } from './types.ts'
import { isPlainObject } from './validate.ts'
import { SEED_WEBHOOK } from './webhook.ts'

/**
 * The portal a developer finds after `npm start` or reset():
 * - bot 1 "Helpdesk Bot" (this app): commands 1-12 with en/ru/de titles and hints, mixed flags;
 *   command 12 (/sysinfo) is one Bitrix24 refuses to delete (WRONG_REQUEST). Event mode "fetch", as
 *   imbot.v2.Bot.register makes bots: v1 imbot.command.update refuses its commands (FETCH_NOT_SUPPORTED).
 * - bot 2 "Sales Assistant" (this app): commands 13-15; 15 (/quote) was registered by another application
 *   (APP_ID_ERROR on removal, still listed under the bot). An older bot, registered through v1 imbot.register:
 *   event mode "webhook", so v1 imbot.command.update still changes its commands.
 * - bot 3 "Marketing Bot" of another application: not in Bot.list; Command.list on it → BOT_OWNERSHIP_ERROR.
 * - bot 4 "Support Webhook Bot", registered through the inbound webhook with the bot token
 *   SEED_WEBHOOK.botToken (owner key "custom" + token): commands 18-23. Only that webhook with that token sees it.
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

function bot(
  name: string,
  code: string,
  appId: string,
  counts: [number, number, number],
  eventMode: NewBot['eventMode'] = 'fetch',
): NewBot {
  return {
    code,
    name,
    type: 'bot',
    appId,
    isHidden: false,
    isSupportOpenline: false,
    language: 'en',
    eventMode,
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

/** An in-house bot registered through the webhook (v1 imbot.register: event mode "webhook"). */
const WEBHOOK_COMMANDS: CommandSeed[] = [
  {
    command: 'oncall',
    title: ['Who is on call', 'Кто сейчас дежурит', 'Wer hat Bereitschaft'],
    params: ['[team]', '[команда]', '[Team]'],
    category: 'On call',
    common: true,
    extranetSupport: true,
  },
  {
    command: 'incident',
    title: ['Open an incident', 'Открыть инцидент', 'Vorfall eröffnen'],
    params: ['<summary>', '<краткое описание>', '<Zusammenfassung>'],
    category: 'Incidents',
  },
  {
    command: 'handover',
    title: ['Hand over the shift', 'Передать смену', 'Schicht übergeben'],
    params: ['<user>', '<сотрудник>', '<Benutzer>'],
    category: 'On call',
    hidden: true,
  },
  {
    command: 'runbook',
    title: ['Find a runbook', 'Найти инструкцию', 'Runbook suchen'],
    params: ['<topic>', '<тема>', '<Thema>'],
    category: 'Knowledge base',
    common: true,
  },
  {
    command: 'page',
    title: ['Page the on-call engineer', 'Вызвать дежурного инженера', 'Bereitschaftstechniker alarmieren'],
    params: ['<message>', '<сообщение>', '<Nachricht>'],
    category: 'On call',
    extranetSupport: true,
  },
  {
    command: 'postmortem',
    title: ['Start a post-mortem', 'Начать разбор инцидента', 'Post-Mortem starten'],
    params: ['<incident id>', '<номер инцидента>', '<Vorfall-ID>'],
    category: 'Incidents',
    common: true,
    hidden: true,
  },
]

export const SEED_BOT_IDS = { helpdesk: 1, sales: 2, otherApp: 3, webhook: 4 } as const
export const SEED_COMMAND_IDS = {
  undeletable: 12,
  otherApp: 15,
  /** The Support Webhook Bot's commands, in order: /oncall, /incident, /handover, /runbook, /page, /postmortem. */
  webhook: [18, 19, 20, 21, 22, 23],
} as const

/** A fresh state holding the seed data above. */
export function createSeedState(): PortalState {
  const state = new PortalState()
  const groups: [NewBot, CommandSeed[]][] = [
    [bot('Helpdesk Bot', 'helpdesk_bot', APP_ID, [1284, 37, 212]), HELPDESK_COMMANDS],
    [bot('Sales Assistant', 'sales_assistant', APP_ID, [418, 9, 26], 'webhook'), SALES_COMMANDS],
    [bot('Marketing Bot', 'marketing_bot', OTHER_APP_ID, [96, 4, 61]), MARKETING_COMMANDS],
    [
      bot(
        'Support Webhook Bot',
        'support_webhook',
        webhookOwnerKey(SEED_WEBHOOK.botToken),
        [342, 12, 48],
        'webhook',
      ),
      WEBHOOK_COMMANDS,
    ],
  ]
  for (const [newBot, commands] of groups) {
    const stored = state.addBot(newBot)
    for (const seed of commands) state.addCommand(command(stored.id, seed, stored.appId))
  }
  return state
}

const WORDS = ['task', 'remind', 'poll', 'digest', 'sync', 'export', 'notify', 'vote', 'track', 'deploy']

/** Generated command number `n` of a bot: distinct command strings, titles in the three languages. */
function generatedCommand(botId: number, n: number, ownerKey: string): NewCommand {
  const word = WORDS[n % WORDS.length] ?? 'cmd'
  const name = `${word}${n + 1}`
  return {
    botId,
    appId: ownerKey,
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

function checkSize(planned: number): void {
  if (planned > MAX_SEEDED)
    throw new RangeError(`A seed request may add at most ${MAX_SEEDED} bots and commands`)
}

/** Adds `count` generated commands to a bot, registered by the bot's owner. */
function addCommands(state: PortalState, botId: number, count: number, into: SeedResult): void {
  const ownerKey = state.getBot(botId)?.appId ?? APP_ID
  const offset = state.commandsOf(botId).length
  for (let n = 0; n < count; n++)
    into.commandIds.push(state.addCommand(generatedCommand(botId, offset + n, ownerKey)).id)
}

/** Generated bots of one owner, each with its commands; named after their ids so that names stay distinct. */
function addBots(
  state: PortalState,
  request: { bots?: number; commandsPerBot?: number },
  owner: { key: string; name: string; code: string },
  into: SeedResult,
): void {
  const bots = positive(request.bots)
  for (let n = 0; n < bots; n++) {
    const stored = state.addBot(bot(owner.name, owner.code, owner.key, [n * 3, n, n * 2]))
    stored.name = `${owner.name} ${stored.id}`
    stored.code = `${owner.code}_${stored.id}`
    into.botIds.push(stored.id)
    addCommands(state, stored.id, positive(request.commandsPerBot), into)
  }
}

/** Adds generated bots/commands of this application (tests need 120 commands on a bot, 50 bots × 20, ...). */
export function applySeed(state: PortalState, request: SeedRequest): SeedResult {
  checkSize(positive(request.bots) * (1 + positive(request.commandsPerBot)) + positive(request.commands))
  // Refuse before changing anything; the bot may only come from this request's own `bots`.
  const botMissing = request.botId !== undefined && (request.replace || !state.getBot(request.botId))
  if (botMissing && !request.bots) throw new RangeError(`Bot ${request.botId} does not exist`)
  if (request.replace) state.clear()
  const result: SeedResult = { botIds: [], commandIds: [] }
  addBots(state, request, { key: APP_ID, name: 'Test Bot', code: 'test_bot' }, result)
  if (request.botId !== undefined) {
    if (!state.getBot(request.botId)) throw new RangeError(`Bot ${request.botId} does not exist`)
    addCommands(state, request.botId, positive(request.commands), result)
  }
  return result
}

/** Adds generated bots registered through the webhook with `token` ("Webhook Bot N"), each with its commands. */
export function seedWebhookBots(
  state: PortalState,
  token: string,
  request: { bots?: number; commandsPerBot?: number },
): SeedResult {
  checkSize(positive(request.bots) * (1 + positive(request.commandsPerBot)))
  const result: SeedResult = { botIds: [], commandIds: [] }
  const owner = { key: webhookOwnerKey(token), name: 'Webhook Bot', code: 'webhook_bot' }
  addBots(state, request, owner, result)
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

/** A {language: text} map of strings, or a TypeError naming the field. */
function textMap(value: unknown, field: string): Record<string, string> {
  if (!isPlainObject(value) || Object.values(value).some((text) => typeof text !== 'string'))
    throw new TypeError(`${field} must be an object of strings by language id`)
  return value as Record<string, string>
}

/** Reads a CommandTextsRequest from untrusted JSON (control API); throws a TypeError naming the bad field. */
export function parseCommandTextsRequest(input: unknown): CommandTextsRequest {
  if (!isPlainObject(input)) throw new TypeError('command texts must be an object')
  const { commandId } = input
  if (typeof commandId !== 'number' || !Number.isInteger(commandId) || commandId <= 0)
    throw new TypeError('commandId must be a positive integer')
  const request: CommandTextsRequest = { commandId, titles: textMap(input.titles, 'titles') }
  if (input.params !== undefined) request.params = textMap(input.params, 'params')
  return request
}
