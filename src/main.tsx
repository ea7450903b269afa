import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadDictionary, resolveLanguage } from './i18n'
import { connect, languageHint } from './portal'
import './styles.css'

// Connecting starts before React renders, and only once; the SDK chunk downloads meanwhile, and so does
// the dictionary of the language Bitrix24 put in the frame's URL.
void loadDictionary(resolveLanguage(languageHint()))
const connection = connect()
// Handled by the App; this keeps an early failure from being reported as unhandled.
connection.catch(() => undefined)

const container = document.getElementById('root')
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  )
}
