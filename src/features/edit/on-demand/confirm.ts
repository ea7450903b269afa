import type { Command } from '../../../imbot'
import { listedTrigger, storedTrigger } from '../../../imbot/on-demand/command-rules'
import type { CommandChanges, UpdatedCommand } from '../../../imbot/on-demand/update'
import { commandFlags, type Flag } from '../../../shared/command/fields'

// Bitrix24 answers HTTP 200 for an edit it did not wholly save: a trigger over 255 characters is not saved (the
// answer shows the old one), and a title or hint it cannot store takes its whole language with it (update deletes
// every language row and adds them again one by one, ignoring a row that fails: im/lib/command.php,
// im/lib/model/commandlang.php). So what an edit sent is compared with what Bitrix24 says it has.

/** A part of an edit Bitrix24 did not save. */
export type Unsaved =
  /** `stored`: the trigger it kept, with its slash. */
  { field: 'command'; stored: string } | { field: 'title' | 'params'; language: string } | { field: Flag }

/** What the answer of imbot.v2.Command.update shows was not saved: the trigger, a flag. */
export function unsavedInAnswer(changes: CommandChanges, answer: UpdatedCommand): Unsaved[] {
  const unsaved: Unsaved[] = []
  if (changes.command !== undefined && answer.command !== listedTrigger(storedTrigger(changes.command))) {
    unsaved.push({ field: 'command', stored: answer.command })
  }
  for (const flag of commandFlags) {
    const sent = changes[flag]
    if (sent !== undefined && answer[flag] !== null && answer[flag] !== sent) unsaved.push({ field: flag })
  }
  return unsaved
}

/** Whether the list can show what the edit sent that the answer cannot: a title in the list's language. */
export const listShows = (changes: CommandChanges, language: string): boolean =>
  changes.title?.[language] !== undefined

/**
 * What the list read again shows was not saved: the title and hint in the list's language. A title Bitrix24 could
 * not store takes its language away, and the list then shows another language's title or none. A hint not sent
 * is not compared: the portal keeps the one it had, which the list may not have shown.
 */
export function unsavedInList(changes: CommandChanges, language: string, listed: Command): Unsaved[] {
  const title = changes.title?.[language]
  if (typeof title !== 'string') return []
  if (listed.title !== title) return [{ field: 'title', language }]
  const hint = changes.params?.[language]
  return typeof hint === 'string' && listed.params !== hint ? [{ field: 'params', language }] : []
}
