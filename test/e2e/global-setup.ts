import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { type PreviewServer, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string
  }
}

let server: PreviewServer | undefined

/** Serves the production build (dist/) with the sandbox portal around it, as `vite preview` does. */
export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error(
      'dist/ is missing: the e2e suite tests the production build; run "vite build" first (npm test does).',
    )
  }
  server = await preview({
    root,
    logLevel: 'error',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('the preview server has no port')
  project.provide('portalUrl', `http://127.0.0.1:${address.port}/`)
}

export async function teardown() {
  await server?.close()
}
