import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type PreviewServer, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** One sandbox portal per worker of the e2e project; a test file leases one (test/support/e2e-context.ts). */
    portalUrls: string[]
    /** Where the leases are held: a directory made for this run. */
    portalLocks: string
  }
}

let servers: PreviewServer[] = []
let locks = ''

/**
 * Serves the production build (dist/) with the sandbox portal around it, as `vite preview` does, once per worker:
 * each server loads the config anew, so each has a sandbox of its own, and test files running side by side never
 * share a portal's state.
 */
export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error(
      'dist/ is missing: the e2e suite tests the production build; run "vite build" first (npm test does).',
    )
  }
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1)
  servers = await Promise.all(
    Array.from({ length: workers }, () =>
      preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false } }),
    ),
  )
  locks = mkdtempSync(join(tmpdir(), 'bot-commands-e2e-portals-'))
  project.provide('portalLocks', locks)
  project.provide(
    'portalUrls',
    servers.map((server) => {
      const address = server.httpServer.address()
      if (!address || typeof address === 'string') throw new Error('the preview server has no port')
      return `http://127.0.0.1:${address.port}/`
    }),
  )
}

export async function teardown() {
  await Promise.all(servers.map((server) => server.close()))
  if (locks) rmSync(locks, { recursive: true, force: true })
}
