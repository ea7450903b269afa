import { useEffect, useRef } from 'react'
import { useRestoreCommands } from './mutations'
import type { RestorePick } from './picks'

/**
 * A restore as the dialog runs it (see useRestoreCommands): one run at a time, each run's summary a new one, and the
 * focus where the user's attention goes: to the progress as a run starts, and as it is stopped.
 */
export function useRestoreRun() {
  const restoring = useRestoreCommands()
  const { run, stop } = restoring
  /** How many restores ran: each summary is a new one (it takes the focus when it appears). */
  const runs = useRef(0)
  const progress = useRef<HTMLDivElement>(null)
  const start = (picks: readonly RestorePick[]) => {
    // One run at a time: a second press (or Enter held) while one runs sends nothing.
    if (restoring.isPending || picks.length === 0) return
    runs.current++
    restoring.mutate(picks)
  }
  const running = run !== null
  // The focus goes with the user's attention: to the progress when a run starts (the button pressed is disabled).
  useEffect(() => {
    if (running) progress.current?.focus()
  }, [running])
  return {
    ...restoring,
    start,
    // Stopping moves the focus off the button pressed: it becomes Close, which a held Enter must not press.
    stop: () => {
      stop()
      progress.current?.focus()
    },
    runs: runs.current,
    /** For the progress of a run under way. */
    progress,
  }
}
