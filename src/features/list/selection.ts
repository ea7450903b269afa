import { useCallback, useMemo, useState } from 'react'

export interface Selection {
  ids: ReadonlySet<number>
  toggle: (id: number) => void
  add: (ids: readonly number[]) => void
  remove: (ids: readonly number[]) => void
  replace: (ids: readonly number[]) => void
  clear: () => void
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
  const replace = useCallback((next: readonly number[]) => setIds(new Set(next)), [])
  const clear = useCallback(() => setIds(new Set()), [])
  return useMemo(
    () => ({ ids, toggle, add, remove, replace, clear }),
    [ids, toggle, add, remove, replace, clear],
  )
}
