import { useCallback, useMemo, useState } from 'react'
import type { RemovalRequest, RemovalResults } from '../removal'

export interface Selection {
  ids: ReadonlySet<number>
  toggle: (id: number) => void
  add: (ids: readonly number[]) => void
  remove: (ids: readonly number[]) => void
  clear: () => void
  /** Takes the removed commands out; the ones that failed stay selected, with their reasons on their rows. */
  dropRemoved: (request: RemovalRequest, results: RemovalResults) => void
}

/** The commands the user picked, by id; stable callbacks so that rows do not re-render needlessly. */
export function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set())
  const toggle = useCallback(
    (id: number) =>
      setIds((current) => {
        const next = new Set(current)
        if (!next.delete(id)) next.add(id)
        return next
      }),
    [],
  )
  const add = useCallback(
    (added: readonly number[]) => setIds((current) => new Set([...current, ...added])),
    [],
  )
  const remove = useCallback(
    (removed: readonly number[]) =>
      setIds((current) => {
        const gone = new Set(removed)
        return new Set([...current].filter((id) => !gone.has(id)))
      }),
    [],
  )
  const clear = useCallback(() => setIds(new Set()), [])
  const dropRemoved = useCallback(
    ({ commands }: RemovalRequest, results: RemovalResults) =>
      remove(commands.filter((c) => results.get(c.id)?.status === 'removed').map((c) => c.id)),
    [remove],
  )
  return useMemo(
    () => ({ ids, toggle, add, remove, clear, dropRemoved }),
    [ids, toggle, add, remove, clear, dropRemoved],
  )
}
