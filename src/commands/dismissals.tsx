import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'

interface Dismissals {
  /** When the user last dismissed this command's removal feedback (0: never). */
  dismissedAt: (commandId: number) => number
  dismiss: (commandIds: readonly number[]) => void
}

const DismissalsContext = createContext<Dismissals>({ dismissedAt: () => 0, dismiss: () => undefined })

/**
 * Which rows' removal feedback the user has put away. A removal attempt older than the dismissal is no
 * longer shown; the attempt itself (single or part of many) stays in TanStack Query's mutation cache.
 */
export function DismissalsProvider({ children }: { children: ReactNode }) {
  const [times, setTimes] = useState<ReadonlyMap<number, number>>(new Map())
  const dismiss = useCallback((commandIds: readonly number[]) => {
    const now = Date.now()
    setTimes((current) => new Map([...current, ...commandIds.map((id) => [id, now] as const)]))
  }, [])
  const value = useMemo(
    () => ({ dismissedAt: (id: number) => times.get(id) ?? 0, dismiss }),
    [times, dismiss],
  )
  return <DismissalsContext.Provider value={value}>{children}</DismissalsContext.Provider>
}

export function useDismissals(): Dismissals {
  return useContext(DismissalsContext)
}
