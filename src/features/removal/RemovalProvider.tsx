import { createContext, type ReactNode, useContext } from 'react'
import type { Command } from '../../imbot'
import { type Removal, useRemovalFlow } from './flow'
import type { RemovalRequest, RemovalResults } from './outcome'

const RemovalContext = createContext<Removal | null>(null)

export function useRemoval(): Removal {
  const removal = useContext(RemovalContext)
  if (!removal) throw new Error('useRemoval() needs a RemovalProvider above it')
  return removal
}

interface RemovalProviderProps {
  children: ReactNode
  /** Hears each removal's results (the page takes the removed commands out of the selection). */
  onSettled?: (request: RemovalRequest, results: RemovalResults) => void
  /** The undo window; the default is the app's. */
  windowMs?: number
}

/**
 * The commands page's removals: the one flow (`useRemovalFlow`), shared with the rows and bars below, which read
 * their state through the hooks of this folder and act through `useRemoval()`.
 */
export function RemovalProvider({ children, onSettled, windowMs }: RemovalProviderProps) {
  const { removal, dialog } = useRemovalFlow<Command>({ windowMs, onSettled })
  return (
    <RemovalContext.Provider value={removal}>
      {children}
      {dialog}
    </RemovalContext.Provider>
  )
}
