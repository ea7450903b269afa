import type { MessageKey } from '../../i18n'
import type { Command } from '../../imbot'
import type { CommandChanges } from '../../imbot/update'

export type Flag = 'common' | 'hidden' | 'extranetSupport'
export const flagNames: readonly Flag[] = ['common', 'hidden', 'extranetSupport']

/** What the form holds when the admin saves. */
export interface EditForm {
  trigger: string
  /** Title and hint in the portal's language. */
  title: string
  params: string
  flags: Record<Flag, boolean | null>
  /** Titles and hints added in other languages. */
  extra: readonly { language: string; title: string; params: string }[]
}

export type EditPlan =
  /** Why it cannot be sent, and the field at fault: `command`, `title`, or `title-{language}` of an added one. */
  | { problem: MessageKey; values?: Record<string, string>; field: string }
  | { changes: CommandChanges; after: Command }
  /** Nothing was changed: nothing is sent. */
  | { unchanged: true }

/**
 * What to send for an edit, only what the admin changed, or why not: checked before anything is sent (an empty
 * trigger, spaces, a trigger the bot already has, a hint without its title). Bitrix24 reads a hint only for the
 * languages whose title comes in the same call, so a changed hint takes its title along; an empty title cannot go
 * along (it would wipe the real one on portals that list every title as ""), so the admin is asked for it.
 */
export function planEdit(
  command: Command,
  form: EditForm,
  siblings: readonly Command[],
  /** The portal's language: the title and hint of the form are in it. */
  language: string,
): EditPlan {
  const name = form.trigger.trim().replace(/^\/+/, '')
  if (name === '') return { problem: 'edit.problem.empty', field: 'command' }
  if (/\s/.test(name)) return { problem: 'edit.problem.spaces', field: 'command' }
  const taken = siblings.find(
    (other) => other.id !== command.id && other.command.toLowerCase() === `/${name}`.toLowerCase(),
  )
  if (taken) return { problem: 'edit.problem.taken', values: { command: taken.command }, field: 'command' }
  const changes: { -readonly [K in keyof CommandChanges]: CommandChanges[K] } = {}
  if (`/${name}` !== command.command) changes.command = name
  const titles: Record<string, string> = {}
  const hints: Record<string, string> = {}
  if (form.params !== command.params) {
    if (form.title.trim() === '') {
      return { problem: 'edit.problem.hintWithoutTitle', values: { language }, field: 'title' }
    }
    hints[language] = form.params
    titles[language] = form.title
  }
  if (form.title !== command.title) titles[language] = form.title
  for (const row of form.extra) {
    if (row.params.trim() && !row.title.trim()) {
      return {
        problem: 'edit.problem.hintWithoutTitle',
        values: { language: row.language },
        field: `title-${row.language}`,
      }
    }
    if (row.title.trim()) titles[row.language] = row.title
    if (row.params.trim()) hints[row.language] = row.params
  }
  if (Object.keys(titles).length > 0) changes.title = titles
  if (Object.keys(hints).length > 0) changes.params = hints
  for (const flag of flagNames) {
    const value = form.flags[flag]
    if (value !== null && value !== command[flag]) changes[flag] = value
  }
  if (Object.keys(changes).length === 0) return { unchanged: true }
  return {
    changes,
    after: { ...command, command: `/${name}`, title: form.title, params: form.params, ...form.flags },
  }
}
