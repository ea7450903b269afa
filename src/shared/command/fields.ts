import type { CoreMessageKey } from '../../i18n'

// A command's fields as every screen names them: the list, the edit form, the restore's preview and summary.

/** The three flags of a command, in the order they are shown. */
export type Flag = 'common' | 'hidden' | 'extranetSupport'
export const commandFlags: readonly Flag[] = ['common', 'hidden', 'extranetSupport']

/** A command's texts: its title and its hint (`params`), stored per language. */
export type TextField = 'title' | 'params'
export const textFields: readonly TextField[] = ['title', 'params']

/** The words for each flag: core keys, because the list shows them at first paint. */
export const flagLabel = {
  common: 'flag.common',
  hidden: 'flag.hidden',
  extranetSupport: 'flag.extranet',
} as const satisfies Record<Flag, CoreMessageKey>
