/**
 * The contract of a LIVE portal's answers, written from the tables of shared/reference/live-portal.md (the docs'
 * contract is src/sandbox/spec/). Each field is a rule: a value it must have, or absent. `violations` lists what
 * an answer breaks, so that a failure names the entry and the field.
 */

interface Rule {
  /** What the table says, for the failure message. */
  says: string
  holds(value: unknown, present: boolean): boolean
}

type Contract = Readonly<Record<string, Rule>>

const isInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value)

function required(says: string, test: (value: unknown) => boolean): Rule {
  return { says, holds: (value, present) => present && test(value) }
}

const absent = (why: string): Rule => ({ says: `absent (${why})`, holds: (_value, present) => !present })
const yesNo = required('"Y" or "N"', (value) => value === 'Y' || value === 'N')
const text = required('a string', (value) => typeof value === 'string')

/** One entry of imbot.v2.Command.list on a live portal, built-in or the bot's own. */
export const LIVE_COMMAND_ENTRY: Contract = {
  id: required(
    'an integer, or "defN" for built-ins',
    (value) => isInteger(value) || /^def\d+$/.test(String(value)),
  ),
  botId: required('an integer (0 for built-ins)', (value) => isInteger(value) && (value as number) >= 0),
  command: required(
    'a string with its leading slash',
    (value) => typeof value === 'string' && /^\/\S/.test(value),
  ),
  common: yesNo,
  extranet: yesNo,
  extranetSupport: absent('the field is called extranet'),
  hidden: absent('hidden commands are listed, unmarked'),
  title: text,
  params: text,
  category: text,
  context: text,
}

/** A bot's own command, beyond LIVE_COMMAND_ENTRY: integer id, the bot's full name as category, no context. */
export function liveOwnCommand(botName: string): Contract {
  return {
    id: required('an integer', isInteger),
    botId: required('the bot id', (value) => isInteger(value) && (value as number) > 0),
    category: required(`the bot's full name (${botName})`, (value) => value === botName),
    context: required('""', (value) => value === ''),
  }
}

const realBoolean = required('true or false (a real boolean)', (value) => typeof value === 'boolean')

/**
 * `command` of what imbot.v2.Command.register and update answer on a live portal (the controller's formatCommand):
 * the trigger with its slash, real booleans, `extranetSupport` (not `extranet`), and no texts.
 */
export const LIVE_COMMAND_ANSWER: Contract = {
  id: required('an integer', isInteger),
  botId: required('the bot id', (value) => isInteger(value) && (value as number) > 0),
  command: required(
    'a string with its leading slash',
    (value) => typeof value === 'string' && /^\/[^/\s]/.test(value),
  ),
  common: realBoolean,
  hidden: realBoolean,
  extranetSupport: realBoolean,
  extranet: absent('formatCommand calls it extranetSupport'),
  title: absent('no texts in the answer'),
  params: absent('no texts in the answer'),
}

/** The built-ins a live portal lists before a bot's own commands, in this order. */
export const LIVE_BUILT_IN_COMMANDS = ['/me', '/loud', '/>>', '/rename', '/getDialogId', '/webrtcDebug']

/** imbot.v2.Bot.list's result on a live portal. */
export const LIVE_BOT_LIST: Contract = {
  bots: required('a list', Array.isArray),
  users: required('a list', Array.isArray),
  hasNextPage: required('a boolean: count === limit', (value) => typeof value === 'boolean'),
}

/** One bot of imbot.v2.Bot.list: never `appId` (for a webhook bot, "custom" + its secret token). */
export const LIVE_BOT_ENTRY: Contract = {
  id: required('an integer', isInteger),
  code: text,
  appId: absent('a secret for webhook bots; builds since 2026-05-01 leave it out'),
}

/** "where.field: must be …, got …" for every rule `value` breaks. */
export function violations(value: unknown, contract: Contract, where: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: not an object`]
  const record = value as Record<string, unknown>
  return Object.entries(contract)
    .filter(([field, rule]) => !rule.holds(record[field], Object.hasOwn(record, field)))
    .map(([field, rule]) => `${where}.${field}: must be ${rule.says}, got ${JSON.stringify(record[field])}`)
}
