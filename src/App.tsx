import { QueryClientProvider } from '@tanstack/react-query'
import { Suspense, useEffect, useRef, useState } from 'react'
import { loadInstallStep } from './features/install'
import { CommandsScreen } from './features/list'
import { loadOutsidePage, loadWebhookBar } from './features/webhook'
import {
  browserLanguage,
  I18nProvider,
  languageTag,
  MoreMessages,
  resolveLanguage,
  useDictionaryReady,
  useI18n,
} from './i18n'
import { languageHint, localErrorCodes, type PortalClient, PortalClientProvider } from './portal'
import { createQueryClient } from './shared/queries/query-client'
import { Skeleton } from './shell/Skeleton'
import { useConnection } from './shell/use-connection'
import { useFrameFit } from './shell/use-frame-fit'
import { lazyComponent, ToastProvider } from './ui'
import { linkScriptFonts } from './ui/script-fonts'

// Pages only some visits show are fetched when needed, keeping the first download small.
const ConnectionFailed = lazyComponent(() =>
  import('./shell/on-demand/ConnectionFailed').then((module) => module.ConnectionFailed),
)
const OutsidePage = lazyComponent(loadOutsidePage)
const WebhookBar = lazyComponent(loadWebhookBar)
const InstallStep = lazyComponent(loadInstallStep)

export function App({ connection }: { connection: Promise<PortalClient> }) {
  const state = useConnection(connection)
  // Opened in a plain tab, the app can connect with an inbound webhook instead; Disconnect forgets it.
  const [webhookClient, setWebhookClient] = useState<PortalClient | null>(null)
  const client = webhookClient ?? (state.status === 'connected' ? state.client : null)
  const outside = state.status === 'failed' && state.error.code === localErrorCodes.outsideBitrix24
  const language = client
    ? resolveLanguage(client.lang)
    : outside
      ? browserLanguage(navigator.language)
      : resolveLanguage(languageHint())
  // The page is in this language: screen readers pick its voice, the browser its hyphens and quotes; Arabic mirrors
  // the whole layout (written with logical properties, styles.css); Arabic, Thai, Hindi, Japanese and Chinese fetch
  // fonts of their own.
  useEffect(() => {
    const page = document.documentElement
    page.lang = languageTag(language)
    page.dir = language === 'ar' ? 'rtl' : 'ltr'
    linkScriptFonts(language)
  }, [language])
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
      {client ? (
        <ConnectedApp
          key={client.mode}
          client={client}
          disconnect={webhookClient ? () => setWebhookClient(null) : undefined}
        />
      ) : state.status === 'failed' ? (
        <Suspense fallback={<Skeleton />}>
          <MoreMessages>
            {outside ? (
              <OutsidePage onConnected={setWebhookClient} />
            ) : (
              <ConnectionFailed error={state.error} />
            )}
          </MoreMessages>
        </Suspense>
      ) : (
        <Skeleton />
      )}
    </I18nProvider>
  )
}

function ConnectedApp({ client, disconnect }: { client: PortalClient; disconnect?: () => void }) {
  const [queryClient] = useState(createQueryClient)
  const root = useRef<HTMLDivElement>(null)
  const { t } = useI18n()
  useFrameFit(client, root)
  useEffect(() => {
    client.setTitle(t('app.title'))
  }, [client, t])
  // Disconnect also ends the work under way: the client refuses every request, no query or mutation lives on.
  const leave =
    disconnect &&
    (() => {
      client.close?.()
      void queryClient.cancelQueries()
      queryClient.clear()
      disconnect()
    })
  return (
    <div ref={root} className="app">
      {leave && (
        <Suspense fallback={null}>
          <WebhookBar portal={client.portalHost} onDisconnect={leave} />
        </Suspense>
      )}
      <PortalClientProvider client={client} disconnect={leave}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            {client.installMode ? (
              // Bitrix24 opened the app to install it: the installation step, until the portal reloads it installed.
              <Suspense fallback={<Skeleton />}>
                <InstallStep />
              </Suspense>
            ) : (
              <CommandsScreen />
            )}
          </ToastProvider>
        </QueryClientProvider>
      </PortalClientProvider>
    </div>
  )
}
