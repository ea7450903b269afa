import { type Command, listCommands, NotSent } from '../../imbot'
import { type CommandRegistration, registerCommands, updateCommands } from '../../imbot/register'
import type { CommandChanges } from '../../imbot/update'
import { malformedAnswer, type PortalClient, PortalError } from '../../portal'
import { differences, type RestoreEntry, sameTrigger } from './diff'

/** What a restore picked: gone commands to register, differing ones to update. */
export type RestorePick = Extract<RestoreEntry, { kind: 'gone' | 'differs' }>

/** How one picked command's restore ended. */
export type RestoreOutcome =
  | { status: 'restored' }
  | { status: 'updated' }
  /** Already there as the file has it when the restore began (a retry, or another hand): nothing was sent. */
  | { status: 'already' }
  | { status: 'failed'; error: PortalError }
  /** Never sent: an earlier request of the same run failed as a whole. */
  | { status: 'not-sent'; error: PortalError }

export type RestoreResults = ReadonlyMap<string, RestoreOutcome>

export interface RestoreProgress {
  done: number
  total: number
}

const textsIn = (language: string, value: string): Record<string, string> =>
  value === '' ? {} : { [language]: value }

/** What register needs of a command of the file: titles and hints as maps by language, the flags it states. */
export function registrationOf(pick: RestorePick, language: string): CommandRegistration {
  const { file } = pick
  return {
    command: file.command.replace(/^\/+/, ''),
    title: textsIn(language, file.title),
    params: textsIn(language, file.params),
    ...(file.common !== null && { common: file.common }),
    ...(file.hidden !== null && { hidden: file.hidden }),
    ...(file.extranetSupport !== null && { extranetSupport: file.extranetSupport }),
  }
}

/** What update changes to make a command as the file has it: only the fields that differ. */
export function changesOf(pick: RestorePick, current: Command, language: string): CommandChanges {
  const changes: { -readonly [K in keyof CommandChanges]: CommandChanges[K] } = {}
  for (const field of differences(pick.file, current)) {
    if (field === 'title' || field === 'params') changes[field] = { [language]: pick.file[field] }
    else changes[field] = pick.file[field] ?? undefined
  }
  // Bitrix24 keeps a hint only for the languages of a title sent with it: a changed hint takes its title along.
  if (changes.params && !changes.title && pick.file.title !== '')
    changes.title = { [language]: pick.file.title }
  return changes
}

/**
 * Restores the picked commands and never registers one twice, nor misreports one:
 * - first the bots' lists are read again: a gone command that is listed now (a retry, a second tab) is not sent,
 *   and an update is sent against the command as it is now;
 * - gone commands go through imbot.v2.Command.register, then differing ones through imbot.v2.Command.update,
 *   50 to a `batch` request (register is idempotent for the same bot and command besides);
 * - at the end the lists are read once more: a command listed as the file has it is restored, whatever the
 *   answer said (a lost answer), and one an answer called restored that is not listed is not claimed.
 */
export async function restoreCommands(
  client: PortalClient,
  picks: readonly RestorePick[],
  /** The language the file's titles and hints are in. */
  language: string,
  onProgress: (progress: RestoreProgress) => void = () => undefined,
): Promise<RestoreResults> {
  const results = new Map<string, RestoreOutcome>()
  const botIds = [...new Set(picks.map((pick) => pick.bot.id))]
  const before = await readLists(client, botIds)
  const toRegister: RestorePick[] = []
  const toUpdate: { pick: RestorePick; current: Command }[] = []
  for (const pick of picks) {
    const list = before.get(pick.bot.id)
    // A list that cannot be read now leaves the preview's view: a command that differed is updated as it was then
    // (register would leave an existing command as it is, and the run would call it restored).
    const current = list
      ? list.find((command) => sameTrigger(command.command, pick.file.command))
      : pick.kind === 'differs'
        ? pick.current
        : undefined
    if (current && differences(pick.file, current).length === 0) results.set(pick.key, { status: 'already' })
    else if (current) toUpdate.push({ pick, current })
    else toRegister.push(pick)
  }
  const total = toRegister.length + toUpdate.length
  onProgress({ done: 0, total })
  const registered = await registerCommands(
    client,
    toRegister.map((pick) => ({ botId: pick.bot.id, fields: registrationOf(pick, language) })),
    (done) => onProgress({ done, total }),
  )
  toRegister.forEach((pick, index) => {
    results.set(pick.key, outcomeOf(registered[index], 'restored', 'imbot.v2.Command.register'))
  })
  const updated = await updateCommands(
    client,
    toUpdate.map(({ pick, current }) => ({
      botId: pick.bot.id,
      commandId: current.id,
      fields: changesOf(pick, current, language),
    })),
    (done) => onProgress({ done: toRegister.length + done, total }),
  )
  toUpdate.forEach(({ pick }, index) => {
    results.set(pick.key, outcomeOf(updated[index], 'updated', 'imbot.v2.Command.update'))
  })
  await settleByListing(
    client,
    [
      ...toRegister.map((pick) => ({ pick, success: 'restored' as const })),
      ...toUpdate.map(({ pick }) => ({ pick, success: 'updated' as const })),
    ],
    results,
    language,
  )
  return results
}

/** The bots' lists as they are now, by bot id (null: this bot's list could not be read). */
export async function readLists(
  client: PortalClient,
  botIds: readonly number[],
): Promise<Map<number, readonly Command[] | null>> {
  const lists = await listCommands(client, botIds).catch(() => [])
  return new Map(
    botIds.map((botId, index) => {
      const list = lists[index]
      return [
        botId,
        list === undefined || list instanceof NotSent || list instanceof PortalError ? null : list.items,
      ]
    }),
  )
}

function outcomeOf(answer: unknown, success: 'restored' | 'updated', method: string): RestoreOutcome {
  if (answer instanceof NotSent) return { status: 'not-sent', error: answer.cause }
  if (answer instanceof PortalError) return { status: 'failed', error: answer }
  if (answer !== undefined) return { status: success }
  return {
    status: 'failed',
    error: malformedAnswer(method, 'Bitrix24 gave no outcome for this command.', 0),
  }
}

/**
 * Reads the lists of the bots once more, and believes the lists over the answers: a command listed as the file has
 * it was restored (or updated), whatever the answer said (a lost answer); one an answer called restored or updated
 * that is not listed, or listed with other values, was not, and says so. Titles and hints are compared only when
 * the file's language is the one the lists are in (the portal's).
 */
async function settleByListing(
  client: PortalClient,
  sent: readonly { pick: RestorePick; success: 'restored' | 'updated' }[],
  results: Map<string, RestoreOutcome>,
  language: string,
): Promise<void> {
  if (sent.length === 0) return
  const after = await readLists(client, [...new Set(sent.map(({ pick }) => pick.bot.id))])
  const compared = (pick: RestorePick, now: Command) =>
    differences(pick.file, now).filter(
      (field) => (field !== 'title' && field !== 'params') || language === client.lang,
    )
  for (const { pick, success } of sent) {
    const list = after.get(pick.bot.id)
    if (!list) continue
    const outcome = results.get(pick.key)
    const now = list.find((command) => sameTrigger(command.command, pick.file.command))
    const asInFile = now !== undefined && compared(pick, now).length === 0
    if (outcome?.status === 'failed' || outcome?.status === 'not-sent') {
      if (asInFile) results.set(pick.key, { status: success })
    } else if (!asInFile) {
      const method = success === 'updated' ? 'imbot.v2.Command.update' : 'imbot.v2.Command.register'
      results.set(pick.key, {
        status: 'failed',
        error: malformedAnswer(
          method,
          now === undefined
            ? 'Bitrix24 answered that the command was saved, but the bot does not list it.'
            : `Bitrix24 answered that the command was saved, but the bot lists it with another ${compared(pick, now).join(', ')}.`,
        ),
      })
    }
  }
}
