import { QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { CommandsScreen, createQueryClient } from './commands'
import { I18nProvider, MoreMessages, resolveLanguage, useDictionaryReady, useI18n } from './i18n'
import { languageHint, localErrorCodes, type PortalClient, PortalClientProvider } from './portal'
import { Skeleton } from './shell/Skeleton'
import { useConnection } from './shell/use-connection'
import { useFrameFit } from './shell/use-frame-fit'
import { ToastProvider } from './ui'

// Pages only some visits show are fetched when needed, keeping the first download small.
const ConnectionFailed = lazy(() =>
  import('./shell/ConnectionFailed').then((module) => ({ default: module.ConnectionFailed })),
)
const OutsideBitrix24 = lazy(() =>
  import('./shell/OutsideBitrix24').then((module) => ({ default: module.OutsideBitrix24 })),
)

export function App({ connection }: { connection: Promise<PortalClient> }) {
  const state = useConnection(connection)
  const portalLanguage =
    state.status === 'connected'
      ? state.client.lang
      : state.status === 'failed' && state.error.code === localErrorCodes.outsideBitrix24
        ? navigator.language
        : languageHint()
  const language = resolveLanguage(portalLanguage)
  if (!useDictionaryReady(language)) {
    // The portal's language is still on its way (usually it arrived while the SDK connected).
    return (
      <I18nProvider language="en">
        <Skeleton />
      </I18nProvider>
    )
  }
  return (
    <I18nProvider language={language}>
      {state.status === 'connecting' && <Skeleton />}
      {state.status === 'failed' && (
        <Suspense fallback={<Skeleton />}>
          <MoreMessages>
            {state.error.code === localErrorCodes.outsideBitrix24 ? (
              <OutsideBitrix24 />
            ) : (
              <ConnectionFailed error={state.error} />
            )}
          </MoreMessages>
        </Suspense>
      )}
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
