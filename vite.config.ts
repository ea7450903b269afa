import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { sandboxPlugin } from './src/sandbox/server/vite-plugin.ts'

// One server answers on two origins, as a Bitrix24 portal and a third-party app host would:
// http://127.0.0.1:PORT is the sandbox portal, http://localhost:PORT is the app in its iframe.
export default defineConfig({
  plugins: [react(), sandboxPlugin()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    // The sandbox is never part of the app: it is only reachable through the dev/preview plugin.
    rollupOptions: { input: 'index.html' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/support/component-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
