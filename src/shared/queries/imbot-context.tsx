import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { usePortalClient } from '../../portal'
import { type CommandsLoader, createCommandsLoader } from './commands-loader'

const LoaderContext = createContext<CommandsLoader | null>(null)

export function CommandsLoaderProvider({ children }: { children: ReactNode }) {
  const client = usePortalClient()
  const loader = useMemo(() => createCommandsLoader(client), [client])
  return <LoaderContext.Provider value={loader}>{children}</LoaderContext.Provider>
}

export function useCommandsLoader(): CommandsLoader {
  const loader = useContext(LoaderContext)
  if (!loader) throw new Error('useCommandsLoader() needs a CommandsLoaderProvider above it')
  return loader
}
