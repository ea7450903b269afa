import { render } from '@testing-library/react'
import { App } from '../../src/App'
import { createEmulatedClient, type EmulatedClientOptions } from './emulated-client'

/** Renders the whole app, connected to an in-memory sandbox portal. */
export function renderApp(options: EmulatedClientOptions = {}) {
  const emulated = createEmulatedClient(options)
  const view = render(<App connection={Promise.resolve(emulated.client)} />)
  return { ...emulated, ...view }
}
