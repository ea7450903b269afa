import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connect } from './portal'
import './styles.css'

// Connecting starts before React renders, and only once; the SDK chunk downloads meanwhile.
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
