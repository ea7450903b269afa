import { useEffect, useState } from 'react'

/** After this long, a request that has not answered is said to be still waiting, with a way to stop waiting. */
export const stillWaitingAfterMs = 10_000

/** Whether `active` has held for {@link stillWaitingAfterMs} (false again as soon as it stops). */
export function useStillWaiting(active: boolean): boolean {
  const [long, setLong] = useState(false)
  useEffect(() => {
    setLong(false)
    if (!active) return
    const timer = setTimeout(() => setLong(true), stillWaitingAfterMs)
    return () => clearTimeout(timer)
  }, [active])
  return active && long
}
