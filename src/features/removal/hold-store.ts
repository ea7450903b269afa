import type { Command } from '../../imbot'
import type { RemovalProgress } from './on-demand/remove-commands'
import type { Removable } from './outcome'

/** How long a confirmed removal waits, undoable, before anything is sent to Bitrix24. */
export const undoWindowMs = 5000

export interface Hold<Item extends Removable = Command> {
  id: number
  commands: readonly Item[]
  /** Held from the selection (the bulk bar offers Undo) rather than from one row. */
  bulk: boolean
}

interface State<Item extends Removable = Command> {
  holds: readonly Hold<Item>[]
  /** When the user last put away each command's removal feedback (0: never). */
  dismissedAt: ReadonlyMap<number, number>
  /** The running bulk removal's progress (k of N). */
  progress: RemovalProgress | null
  /** When the user last put away the summary of a removal of many (0: never). */
  summaryDismissedAt: number
  /** Commands whose removal waits to be sent again because Bitrix24 asked to slow down. */
  waiting: ReadonlySet<number>
}

export interface RemovalStoreOptions<Item extends Removable = Command> {
  /** The undo window; injectable so that tests need not wait it out. */
  windowMs?: number
  /** Called when a hold's window passes without Undo: the removal is sent then. */
  onRelease: (hold: Hold<Item>) => void
  now?: () => number
}

/**
 * The state rows share about removals that is not a request to Bitrix24: removals held in their undo window,
 * feedback the user dismissed, and the progress of a removal of many. A small external store: each row reads
 * its own slice through a selector (`useSyncExternalStore`), so a hold or a dismissal re-renders only the rows
 * it concerns. Undo sends nothing; closing the page during the window sends nothing (the timers die with it).
 */
export function createRemovalStore<Item extends Removable = Command>({
  windowMs = undoWindowMs,
  onRelease,
  now = Date.now,
}: RemovalStoreOptions<Item>) {
  let state: State<Item> = {
    holds: [],
    dismissedAt: new Map(),
    progress: null,
    waiting: new Set(),
    summaryDismissedAt: 0,
  }
  const listeners = new Set<() => void>()
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  let nextId = 1

  const update = (next: Partial<State<Item>>) => {
    state = { ...state, ...next }
    for (const listener of listeners) listener()
  }
  const release = (holdId: number): Hold<Item> | undefined => {
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
    getState: (): State<Item> => state,

    /** Holds the removal of `commands` for the undo window, then hands it (as it then stands) to `onRelease`. */
    hold(commands: readonly Item[], bulk: boolean): Hold<Item> {
      const hold: Hold<Item> = { id: nextId++, commands, bulk }
      update({ holds: [...state.holds, hold] })
      timers.set(
        hold.id,
        setTimeout(() => {
          const released = release(hold.id)
          if (released) onRelease(released)
        }, windowMs),
      )
      return hold
    },
    /**
     * Cancels a held removal, or takes one command (`commandId`) out of it while the others stay held; false when
     * it is too late (already sent) or unknown.
     */
    undo(holdId: number, commandId?: number): boolean {
      const hold = state.holds.find((candidate) => candidate.id === holdId)
      const rest = hold?.commands.filter((command) => command.id !== commandId)
      if (!rest?.length || commandId === undefined) return release(holdId) !== undefined
      update({ holds: state.holds.map((held) => (held === hold ? { ...held, commands: rest } : held)) })
      return true
    },

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

export type RemovalStore<Item extends Removable = Command> = ReturnType<typeof createRemovalStore<Item>>

/** The hold a command is in, if its removal is waiting out its undo window. */
export const holdOf = <Item extends Removable>(
  state: State<Item>,
  commandId: number,
): Hold<Item> | undefined =>
  state.holds.find((hold) => hold.commands.some((command) => command.id === commandId))
