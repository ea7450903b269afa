import { type BatchCall, type PortalClient, PortalError, toPortalError } from '../../portal'
import { NotSent, runInBatches } from '../api'
import { type CommandChanges, readCommandAnswer, type UpdatedCommand } from './update'

// Registering commands again (a restore from an exported file), kept apart from listing: only an admin who opens
// a file needs it, so it comes in a chunk of its own.

/** What imbot.v2.Command.register takes: the trigger without its slash, titles and hints as maps by language. */
export interface CommandRegistration {
  command: string
  title: Readonly<Record<string, string>>
  params: Readonly<Record<string, string>>
  common?: boolean
  hidden?: boolean
  extranetSupport?: boolean
}

/**
 * Registers commands through imbot.v2.Command.register, 50 to a `batch` request, one request after another; each
 * gets its own outcome. Bitrix24's register is idempotent for the same bot, command and application, so sending a
 * command that exists again does not make a second one.
 */
export function registerCommands(
  client: PortalClient,
  commands: readonly { botId: number; fields: CommandRegistration }[],
  onProgress?: (done: number) => void,
): Promise<(UpdatedCommand | PortalError | NotSent)[]> {
  return runUnaltered(
    client,
    commands,
    ({ botId, fields }) => ({ method: 'imbot.v2.Command.register', params: { botId, fields } }),
    (value) => readCommandAnswer(value, 'imbot.v2.Command.register'),
    onProgress,
  )
}

/** Changes commands through imbot.v2.Command.update, 50 to a `batch` request; one outcome each. */
export function updateCommands(
  client: PortalClient,
  commands: readonly { botId: number; commandId: number; fields: CommandChanges }[],
  onProgress?: (done: number) => void,
): Promise<(UpdatedCommand | PortalError | NotSent)[]> {
  return runUnaltered(
    client,
    commands,
    ({ botId, commandId, fields }) => ({
      method: 'imbot.v2.Command.update',
      params: { botId, commandId, fields },
    }),
    (value) => readCommandAnswer(value, 'imbot.v2.Command.update'),
    onProgress,
  )
}

/**
 * Whether `batch` would alter these parameters on their way: the portal runs every value and key of a batched
 * call through processBatchElement (rest/classes/general/rest_util.php), which replaces `$result[…]`, `$error[…]`,
 * `$total[…]`, `$next[…]` and `$time[…]` (any case) with answers of earlier calls of the same batch; and a batched
 * call travels as a query string, where `null` (remove a language's title) arrives as ''. Only what the admin
 * wrote can hold either, so only writing commands needs the check (the lists send ids). The server's pattern runs
 * without PCRE's u flag, so only ASCII whitespace ends a reference: a no-break space does not.
 */
export function alteredByBatch(value: unknown): boolean {
  if (value === null) return true
  if (typeof value === 'string')
    return /\$(result|next|total|time|error)[^\t\n\v\f\r ]*\[[^\]]+\]/i.test(value)
  if (Array.isArray(value)) return value.some(alteredByBatch)
  if (typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => key.includes('$') || alteredByBatch(inner))
  }
  return false
}

/**
 * runInBatches, except that a call the batch would alter goes alone, after the batched ones, with a JSON body that
 * carries its values as they are. A failure that left nothing sent after it (no answer at all) leaves the calls
 * after it unsent too.
 */
async function runUnaltered<TKey, TValue>(
  client: PortalClient,
  keys: readonly TKey[],
  toCall: (key: TKey) => BatchCall,
  parseResult: (value: unknown, key: TKey) => TValue,
  onProgress?: (done: number) => void,
): Promise<(TValue | PortalError | NotSent)[]> {
  const alone = keys.filter((key) => alteredByBatch(toCall(key).params))
  const batched = keys.filter((key) => !alone.includes(key))
  const outcomes = new Map<TKey, TValue | PortalError | NotSent>()
  const results = await runInBatches(client, batched, toCall, parseResult, onProgress)
  for (const [index, key] of batched.entries())
    outcomes.set(key, results[index] as TValue | PortalError | NotSent)
  // A batch that got no answer at all (status 0) stops the run, as runInBatches stops after it.
  const unanswered = results.find(
    (outcome) => outcome instanceof NotSent || (outcome instanceof PortalError && outcome.status === 0),
  )
  let stopped =
    unanswered instanceof NotSent ? unanswered : unanswered && new NotSent(unanswered as PortalError)
  for (const key of alone) {
    if (stopped) {
      outcomes.set(key, stopped)
      continue
    }
    const { method, params } = toCall(key)
    try {
      outcomes.set(key, parseResult(await client.call(method, params), key))
    } catch (error) {
      const failure = toPortalError(error, method)
      outcomes.set(key, failure)
      // No answer at all is the connection's failure, not this call's: the rest is not sent.
      if (failure.status === 0) stopped = new NotSent(failure)
    }
    onProgress?.(outcomes.size)
  }
  return keys.map((key) => outcomes.get(key) as TValue | PortalError | NotSent)
}
