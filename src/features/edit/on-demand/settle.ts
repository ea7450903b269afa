import type { Command } from '../../../imbot'
import { describeError } from '../../../imbot/on-demand/error-catalogue'
import type { UpdatedCommand } from '../../../imbot/on-demand/update'
import type { PortalError } from '../../../portal'
import { commandFlags, textFields } from '../../../shared/command/fields'
import type { Edit, EditOutcome } from '../failure'
import { listShows, unsavedInAnswer, unsavedInList } from './confirm'

// How an edit ends, from Bitrix24's answer and, where that is lost or not enough, its bot's list read again. No
// React and no request here: the caller hands in how to send the edit and how to read the list (mutation.ts), so
// each way an edit can end is tested with stubs.

/** The command as its bot's list shows it now; 'gone' when the list no longer has it; null when it cannot be read. */
export type Listed = Command | 'gone' | null

export interface EditIO {
  /** Sends the edit's changes (imbot.v2.Command.update); rejects with Bitrix24's PortalError. */
  send: () => Promise<UpdatedCommand>
  /** Reads the command's list again, past the page's cache. */
  listedNow: () => Promise<Listed>
}

const fields = ['command', ...textFields, ...commandFlags] as const

/**
 * What the list shows of an edit whose answer was lost: 'saved' when every field the list reports is as the edit
 * left it and one it changed is seen so; 'not saved' when one differs; 'unknown' when nothing it changed can be
 * seen there (a title in another language, or `hidden`, which live portals do not list).
 */
function seenInList(now: Command, { before, after }: Edit): 'saved' | 'not saved' | 'unknown' {
  const reported = fields.filter((field) => now[field] !== null && after[field] !== null)
  if (reported.some((field) => now[field] !== after[field])) return 'not saved'
  return reported.some((field) => before[field] !== after[field]) ? 'saved' : 'unknown'
}

/**
 * Sends an edit and says how it ended. A refusal is a refusal (it rejects with it), except "not found", which the
 * list read again tells apart: a command removed elsewhere meanwhile is `gone`, one still listed is refused
 * (another application's: "Command not found or access denied"). A lost answer (the connection, an unreadable
 * answer) is settled by the list read again, and when the list cannot show the change, by sending it once more (an
 * update sets values: sending it twice changes nothing more); a list that cannot be read leaves the failure
 * standing, as nothing may be claimed that the portal did not confirm. What Bitrix24 took is then checked against
 * what was sent, in its answer and, for a title in the list's language, in the list read again.
 */
export async function settleEdit(edit: Edit, { send, listedNow }: EditIO): Promise<EditOutcome> {
  const { changes, language } = edit
  let answer: UpdatedCommand | null = null
  try {
    answer = await send()
  } catch (error) {
    const failure = error as PortalError
    const { kind } = describeError(failure)
    if (kind !== 'network' && kind !== 'malformed' && kind !== 'not-found') throw failure
    const now = await listedNow()
    if (now === 'gone') return { answer: null, unsaved: [], gone: true }
    if (now === null || kind === 'not-found') throw failure
    const seen = seenInList(now, edit)
    if (seen === 'not saved') throw failure
    if (seen === 'unknown') answer = await send()
  }
  const unsaved = answer ? unsavedInAnswer(changes, answer) : []
  if (listShows(changes, language)) {
    const now = await listedNow()
    if (now !== null && now !== 'gone') unsaved.push(...unsavedInList(changes, language, now))
  }
  return { answer, unsaved, gone: false }
}
