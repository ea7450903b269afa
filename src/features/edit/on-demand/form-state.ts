import { type QueryClient, useQueryClient } from '@tanstack/react-query'
import { useReducer, useState } from 'react'
import type { Command } from '../../../imbot'
import type { Flag } from '../../../shared/command/fields'
import { commandKeys } from '../../../shared/queries/keys'
import { type EditMutation, untold } from '../failure'
import { type EditForm, triggerOf } from './changes'

/** One change the admin makes to the form. */
export type FormChange =
  | { type: 'text'; field: 'trigger' | 'title' | 'params'; value: string }
  | { type: 'flag'; flag: Flag; checked: boolean }
  /** A title or hint in a language added. */
  | { type: 'language text'; language: string; field: 'title' | 'params'; value: string }
  /** A language added, its title and hint still empty. */
  | { type: 'add language'; language: string }

export function changeForm(form: EditForm, change: FormChange): EditForm {
  switch (change.type) {
    case 'text':
      return { ...form, [change.field]: change.value }
    case 'flag':
      return { ...form, flags: { ...form.flags, [change.flag]: change.checked } }
    case 'language text':
      return {
        ...form,
        extra: form.extra.map((row) =>
          row.language === change.language ? { ...row, [change.field]: change.value } : row,
        ),
      }
    case 'add language':
      return { ...form, extra: [...form.extra, { language: change.language, title: '', params: '' }] }
  }
}

/** The form as it opens on the command as listed. */
export const formOf = (command: Command): EditForm => ({
  trigger: triggerOf(command),
  title: command.title,
  params: command.params,
  flags: { common: command.common, hidden: command.hidden, extranetSupport: command.extranetSupport },
  extra: [],
})

/** The form's values, and `change` to change them: they start as `resumed` when given, else as `command` is listed. */
export function useEditForm(command: Command, resumed: EditForm | undefined) {
  return useReducer(changeForm, command, (listed) => resumed ?? formOf(listed))
}

/** The command's latest edit, if it ended badly and was not dismissed: the form opens with what was typed. */
function latestUntold(queryClient: QueryClient, commandId: number) {
  const edits = queryClient
    .getMutationCache()
    .findAll({ mutationKey: commandKeys.edits() })
    .map((mutation) => (mutation as EditMutation).state)
    .filter((state) => state.variables?.before.id === commandId)
  const latest = edits.at(-1)
  return latest?.variables && untold(latest) ? latest : undefined
}

/** The failed edit the form resumes, as it was when the form opened (the form's own saves do not change it). */
export function useResumedEdit(commandId: number): EditMutation['state'] | undefined {
  const queryClient = useQueryClient()
  const [resumed] = useState(() => latestUntold(queryClient, commandId))
  return resumed
}
