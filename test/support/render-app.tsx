import { render } from '@testing-library/react'
import { App } from '../../src/App'
import type { SandboxPortalOptions } from '../../src/sandbox/emulator'
import { createEmulatedClient } from './emulated-client'

/** Renders the whole app, connected to an in-memory sandbox portal. */
export function renderApp(
  options: SandboxPortalOptions & { isAdmin?: boolean; lang?: string; installMode?: boolean } = {},
) {
  const emulated = createEmulatedClient(options)
  const view = render(<App connection={Promise.resolve(emulated.client)} />)
  return { ...emulated, ...view }
}
