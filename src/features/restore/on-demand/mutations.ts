import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { toPortalError, usePortalClient } from '../../../portal'
import { commandKeys } from '../../../shared/queries/keys'
import { openExport } from './open-export'
import type { RestoreResults } from './outcomes'
import type { RestorePick } from './picks'
import { type RestorePhase, restoreCommands } from './restore-commands'
import { RestoreStop } from './stop'

/**
 * Opening a file: checked, then sorted against the portal as it is now (see openExport). One file a visit: another
 * is not taken while one is read, nor once one is open.
 */
export function useOpenExport() {
  const client = usePortalClient()
  const opening = useMutation({
    mutationFn: async (file: File) => {
      try {
        return await openExport(client, file)
      } catch (error) {
        throw toPortalError(error, 'imbot.v2.Bot.list')
      }
    },
  })
  const opened = opening.data?.ok ? opening.data : null
  return {
    opened,
    open: (file: File | undefined) => {
      if (file && !opening.isPending && !opened) opening.mutate(file)
    },
    reading: opening.isPending,
    /** What is wrong with the file: nothing was sent. */
    problem: opening.data?.ok === false ? opening.data.problem : null,
    /** The portal's lists could not be read. */
    error: opening.error,
    // Reading the lists changes nothing: its answer, when it comes, is simply not used.
    stopReading: () => opening.reset(),
  }
}

/** A restore under way, as the dialog shows it. */
export interface RestoreRun {
  phase: RestorePhase
  /** Commands with an outcome, of all to send (k of N). */
  done: number
  total: number
  /** Requests that ended so far: a new wait for an answer starts with each. */
  answers: number
  /** When it began (Date.now()), for the time elapsed. */
  startedAt: number
  /** When the last request ended (Date.now()). */
  lastAnswerAt: number
  /** Bitrix24 asked to slow down: the app waits before sending again. */
  slowDown: boolean
  /** The admin stopped it: nothing more is sent. */
  stopping: boolean
}

/**
 * Restoring the picked commands (see restoreCommands: lists read before and after, nothing registered twice, a
 * slow-down waited out), with its progress and whether it is waiting; `stop` sends nothing more after the request on
 * its way; a retry is a new run of the failed ones. The page's lists are read again when it ends.
 */
export function useRestoreCommands() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [run, setRun] = useState<RestoreRun | null>(null)
  const [ledger, setLedger] = useState<RestoreLedger | null>(null)
  const stopper = useRef<RestoreStop | null>(null)
  const mutation = useMutation({
    mutationKey: commandKeys.restores(),
    mutationFn: async (picks: readonly RestorePick[]) => {
      const stop = new RestoreStop()
      stopper.current = stop
      const update = (change: Partial<RestoreRun>) => setRun((now) => now && { ...now, ...change })
      setRun({
        phase: 'reading',
        done: 0,
        total: picks.length,
        answers: 0,
        startedAt: Date.now(),
        lastAnswerAt: Date.now(),
        slowDown: false,
        stopping: false,
      })
      try {
        return await restoreCommands(client, picks, {
          stop,
          onProgress: (progress) => update(progress),
          onWaiting: (_keys, on) => update({ slowDown: on }),
          onPhase: (phase) => update({ phase }),
          onAnswer: () =>
            setRun((now) => now && { ...now, answers: now.answers + 1, lastAnswerAt: Date.now() }),
        })
      } catch (error) {
        throw toPortalError(error, 'batch')
      } finally {
        stopper.current = null
      }
    },
    // Every run's outcomes in one summary: a retry of the failed ones keeps those restored before.
    onSuccess: (results, picks) =>
      setLedger((before) => ({
        picks: [...(before?.picks ?? []), ...picks.filter((pick) => !before?.results.has(pick.key))],
        results: new Map([...(before?.results ?? []), ...results]),
      })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commandKeys.all }),
  })
  const stop = useCallback(() => {
    if (!stopper.current) return
    stopper.current.request()
    setRun((now) => now && { ...now, stopping: true })
  }, [])
  return { ...mutation, run: mutation.isPending ? run : null, stop, ledger }
}

/** What the restores of one opened file picked, and how each ended (the latest run's word for each). */
export interface RestoreLedger {
  picks: readonly RestorePick[]
  results: RestoreResults
}
