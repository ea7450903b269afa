import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { CommandsScreen, createQueryClient } from './commands'
import { I18nProvider, resolveLanguage, useI18n } from './i18n'
import { languageHint, localErrorCodes, type PortalClient, PortalClientProvider } from './portal'
import { ConnectionFailed } from './shell/ConnectionFailed'
import { OutsideBitrix24 } from './shell/OutsideBitrix24'
import { Skeleton } from './shell/Skeleton'
import { useConnection } from './shell/use-connection'
import { useFrameFit } from './shell/use-frame-fit'
import { ToastProvider } from './ui'

export function App({ connection }: { connection: Promise<PortalClient> }) {
  const state = useConnection(connection)
  const portalLanguage =
    state.status === 'connected'
      ? state.client.lang
      : state.status === 'failed' && state.error.code === localErrorCodes.outsideBitrix24
        ? navigator.language
        : languageHint()
  return (
    <I18nProvider language={resolveLanguage(portalLanguage)}>
      {state.status === 'connecting' && <Skeleton />}
      {state.status === 'failed' &&
        (state.error.code === localErrorCodes.outsideBitrix24 ? (
          <OutsideBitrix24 />
        ) : (
          <ConnectionFailed error={state.error} />
        ))}
      {state.status === 'connected' && <ConnectedApp client={state.client} />}
    </I18nProvider>
  )
}

function ConnectedApp({ client }: { client: PortalClient }) {
  const [queryClient] = useState(createQueryClient)
  const root = useRef<HTMLDivElement>(null)
  const { t } = useI18n()
  useFrameFit(client, root)
  useEffect(() => {
    client.setTitle(t('app.title'))
  }, [client, t])
  return (
    <div ref={root} className="app">
      <PortalClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <CommandsScreen />
          </ToastProvider>
        </QueryClientProvider>
      </PortalClientProvider>
    </div>
  )
}
