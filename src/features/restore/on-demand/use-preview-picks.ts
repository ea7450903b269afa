import { useCallback, useMemo, useState } from 'react'
import type { Flag } from '../../../shared/command/fields'
import type { BotGroup, RestoreEntry } from './diff'
import type { OpenedExport } from './open-export'
import { type FlagChoices, pickOf } from './picks'

/**
 * The preview's picks and the admin's flag choices for the file opened (null: none yet), and what they make: the
 * commands chosen, the picks to send, and how many chosen still wait for a flag to be chosen.
 */
export function usePreviewPicks(opened: Extract<OpenedExport, { ok: true }> | null) {
  const restorable = useMemo(() => (opened ? entriesOf(opened.groups, 'gone', 'differs') : []), [opened])
  // As the file opens, its gone commands are picked (one that differs is the admin's to pick).
  const firstPicked = useMemo(
    () => new Set(restorable.flatMap((entry) => (entry.kind === 'gone' ? [entry.key] : []))),
    [restorable],
  )
  /** The picks once the admin changed them (one file a visit: they never go back to another file's). */
  const [changed, setChanged] = useState<ReadonlySet<string> | null>(null)
  const picked = changed ?? firstPicked
  /** The admin's choices for the flags the file does not know, per command. */
  const [choices, setChoices] = useState<ReadonlyMap<string, FlagChoices>>(new Map())
  // The same functions for the whole visit, so that the preview's rows need not render again for each answer.
  const toggle = useCallback(
    (key: string) =>
      setChanged((now) => {
        const next = new Set(now ?? firstPicked)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    [firstPicked],
  )
  const choose = useCallback(
    (keys: readonly string[], field: Flag, value: boolean) =>
      setChoices((now) => {
        const next = new Map(now)
        for (const key of keys) next.set(key, { ...next.get(key), [field]: value })
        return next
      }),
    [],
  )
  const chosen = useMemo(() => restorable.filter((entry) => picked.has(entry.key)), [restorable, picked])
  const picks = useMemo(
    () => chosen.flatMap((entry) => pickOf(entry, choices.get(entry.key)) ?? []),
    [chosen, choices],
  )
  // A gone command whose flag the file does not know is sent only once the admin said what it is.
  const undecided = chosen.length - picks.length
  return { restorable, picked, choices, toggle, choose, chosen, picks, undecided }
}

function entriesOf<K extends RestoreEntry['kind']>(groups: readonly BotGroup[], ...kinds: K[]) {
  return groups.flatMap((group) =>
    group.entries.filter((entry): entry is Extract<RestoreEntry, { kind: K }> =>
      (kinds as string[]).includes(entry.kind),
    ),
  )
}
