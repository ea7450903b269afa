import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { toPortalError, usePortalClient } from '../../portal'
import { commandKeys } from '../keys'
import { openExport } from './open-export'
import {
  type RestorePick,
  type RestoreProgress,
  type RestoreResults,
  restoreCommands,
} from './restore-commands'

/** Opening a file: checked, then sorted against the portal as it is now (see openExport). */
export function useOpenExport() {
  const client = usePortalClient()
  return useMutation({
    mutationFn: async (file: File) => {
      try {
        return await openExport(client, file)
      } catch (error) {
        throw toPortalError(error, 'imbot.v2.Bot.list')
      }
    },
  })
}

/**
 * Restoring the picked commands (see restoreCommands: lists read before and after, nothing registered twice, a
 * slow-down waited out), with its progress and whether it is waiting; a retry is a new run of the failed ones. The
 * page's lists are read again when it ends.
 */
export function useRestoreCommands() {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<RestoreProgress>({ done: 0, total: 0 })
  const [waiting, setWaiting] = useState(false)
  const [ledger, setLedger] = useState<RestoreLedger | null>(null)
  const mutation = useMutation({
    mutationKey: commandKeys.restores(),
    mutationFn: async (picks: readonly RestorePick[]) => {
      setProgress({ done: 0, total: picks.length })
      try {
        return await restoreCommands(client, picks, {
          onProgress: setProgress,
          onWaiting: (_keys, on) => setWaiting(on),
        })
      } catch (error) {
        throw toPortalError(error, 'batch')
      } finally {
        setWaiting(false)
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
  return { ...mutation, progress, waiting, ledger }
}

/** What the restores of one opened file picked, and how each ended (the latest run's word for each). */
export interface RestoreLedger {
  picks: readonly RestorePick[]
  results: RestoreResults
}
