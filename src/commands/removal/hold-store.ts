import type { Command } from '../../imbot'
import type { RemovalProgress } from './remove-commands'

/** How long a confirmed removal waits, undoable, before anything is sent to Bitrix24. */
export const undoWindowMs = 5000

export interface Hold {
  id: number
  commands: readonly Command[]
  /** Held from the selection (the bulk bar offers Undo) rather than from one row. */
  bulk: boolean
}

interface State {
  holds: readonly Hold[]
  /** When the user last put away each command's removal feedback (0: never). */
  dismissedAt: ReadonlyMap<number, number>
  /** The running bulk removal's progress (k of N). */
  progress: RemovalProgress | null
  /** When the user last put away the summary of a removal of many (0: never). */
  summaryDismissedAt: number
  /** Commands whose removal waits to be sent again because Bitrix24 asked to slow down. */
  waiting: ReadonlySet<number>
}

export interface RemovalStoreOptions {
  /** The undo window; injectable so that tests need not wait it out. */
  windowMs?: number
  /** Called when a hold's window passes without Undo: the removal is sent then. */
  onRelease: (hold: Hold) => void
  now?: () => number
}

/**
 * The state rows share about removals that is not a request to Bitrix24: removals held in their undo window,
 * feedback the user dismissed, and the progress of a removal of many. A small external store: each row reads
 * its own slice through a selector (`useSyncExternalStore`), so a hold or a dismissal re-renders only the rows
 * it concerns. Undo sends nothing; closing the page during the window sends nothing (the timers die with it).
 */
export function createRemovalStore({
  windowMs = undoWindowMs,
  onRelease,
  now = Date.now,
}: RemovalStoreOptions) {
  let state: State = {
    holds: [],
    dismissedAt: new Map(),
    progress: null,
    waiting: new Set(),
    summaryDismissedAt: 0,
  }
  const listeners = new Set<() => void>()
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  let nextId = 1

  const update = (next: Partial<State>) => {
    state = { ...state, ...next }
    for (const listener of listeners) listener()
  }
  const release = (holdId: number): Hold | undefined => {
    const hold = state.holds.find((candidate) => candidate.id === holdId)
    clearTimeout(timers.get(holdId))
    timers.delete(holdId)
    if (hold) update({ holds: state.holds.filter((candidate) => candidate !== hold) })
    return hold
  }

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getState: (): State => state,

    /** Holds the removal of `commands` for the undo window, then hands it to `onRelease`. */
    hold(commands: readonly Command[], bulk: boolean): Hold {
      const hold: Hold = { id: nextId++, commands, bulk }
      update({ holds: [...state.holds, hold] })
      timers.set(
        hold.id,
        setTimeout(() => {
          if (release(hold.id)) onRelease(hold)
        }, windowMs),
      )
      return hold
    },
    /** Cancels a held removal; false when it is too late (already sent) or unknown. */
    undo: (holdId: number): boolean => release(holdId) !== undefined,

    dismiss(commandIds: readonly number[]): void {
      const at = now()
      update({ dismissedAt: new Map([...state.dismissedAt, ...commandIds.map((id) => [id, at] as const)]) })
    },
    dismissSummary: (): void => update({ summaryDismissedAt: now() }),
    setProgress: (progress: RemovalProgress | null): void => update({ progress }),
    setWaiting(commandIds: readonly number[], waiting: boolean): void {
      const next = new Set(state.waiting)
      for (const id of commandIds) {
        if (waiting) next.add(id)
        else next.delete(id)
      }
      update({ waiting: next })
    },

    /** Stops every timer (the page is going away): nothing held is sent. */
    dispose(): void {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}

export type RemovalStore = ReturnType<typeof createRemovalStore>

/** The hold a command is in, if its removal is waiting out its undo window. */
export const holdOf = (state: State, commandId: number): Hold | undefined =>
  state.holds.find((hold) => hold.commands.some((command) => command.id === commandId))
