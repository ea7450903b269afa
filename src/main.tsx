import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadDictionary, prepareLanguage, resolveLanguage } from './i18n'
import { startListingBots } from './imbot'
import { connect, languageHint } from './portal'
import { startIdleWork, whenIdle } from './ui'
import './styles.css'

// Connecting starts before React renders, and only once; the SDK chunk downloads meanwhile, and so does
// the dictionary of the language Bitrix24 put in the frame's URL.
const language = resolveLanguage(languageHint())
void loadDictionary(language)
const connection = connect()
connection
  .then(
    // Connected, the request for the bots and their commands leaves at once, not once React has rendered the page
    // and the dictionary has come: the list's query takes it over (listBots). Bitrix24 opened the app to install
    // it: the installation step shows instead.
    (client) => client.installMode || startListingBots(client),
    // Handled by the App; this keeps an early failure from being reported as unhandled.
    () => undefined,
  )
  // React starts once the handshake has settled (connected, outside Bitrix24, or timed out), so that its first
  // render never holds the handshake's answer and the request; until then index.html's skeleton shows, as it would.
  .then(() => {
    // The request is on its way: what the page will need (the language's Intl objects, the collator) is made while
    // the thread waits for the answer, not while it waits for the handshake's.
    whenIdle(() => prepareLanguage(language))
    startIdleWork()
    const container = document.getElementById('root')
    if (container) {
      createRoot(container).render(
        <StrictMode>
          <App connection={connection} />
        </StrictMode>,
      )
    }
  })
