import { flagLabel } from '../../../shared/command/fields'
import type { DiffField } from './diff'

/** The words for each field of a command, as the preview and the summary name them. */
export const fieldLabel = {
  title: 'restore.field.title',
  params: 'restore.field.params',
  ...flagLabel,
} as const satisfies Record<DiffField, string>
