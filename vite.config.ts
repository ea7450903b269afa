import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { dictionaryPlugin } from './src/i18n/messages/vite-plugin.ts'
import { sandboxPlugin } from './src/sandbox/server/vite-plugin.ts'
import { scriptFontsPlugin } from './src/ui/script-fonts/vite-plugin.ts'

// What stays out of the first download is said by where it lives: any module under an `on-demand/` folder
// (ARCHITECTURE.md, "What loads when"). The SDK and its dependencies wait too. The build fails if first paint
// imports an on-demand module statically (onDemandStaysOut), since such a module would silently turn eager.
const onDemandPath = /\/src\/(?!sandbox\/)(?:[\w-]+\/)+on-demand\//
const sdkModules =
  /\/node_modules\/(@bitrix24|axios|luxon|qs-esm|follow-redirects|form-data|proxy-from-env|asynckit|combined-stream|delayed-stream|mime-types|mime-db)\//

function eagerModule(id: string): boolean {
  return !onDemandPath.test(id) && !sdkModules.test(id) && !id.includes('/src/sandbox/')
}

/** What connecting inside the frame needs, in one chunk: the SDK (not its webhook class) and the frame client. */
function frameModule(id: string): boolean {
  return (
    /\/src\/portal\/on-demand\/(frame-client|sdk-client|batch-envelope)\.ts$/.test(id) ||
    (sdkModules.test(id) && !id.includes('/b24jssdk/dist/esm/hook/'))
  )
}

function chunkOf(id: string): string | undefined {
  if (eagerModule(id)) return 'app'
  // The dialog and the visible-area reading it shares with the messages: one chunk, loaded on demand.
  if (/\/src\/ui\/on-demand\/(Dialog|visible-area)\.tsx?$/.test(id)) return 'dialog'
  if (frameModule(id)) return 'frame-client'
  return undefined
}

/**
 * Fails the build when first paint (the entry chunk and what it imports statically) holds a module under an
 * `on-demand/` folder: eager code imported it statically, so it would be downloaded before the commands show.
 */
function onDemandStaysOut(): Plugin {
  return {
    name: 'on-demand-stays-out',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [[output.fileName, output]] : [],
        ),
      )
      const firstPaint = new Set<string>()
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName)
        if (!chunk || firstPaint.has(fileName)) return
        firstPaint.add(fileName)
        for (const imported of chunk.imports) visit(imported)
      }
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName)
      const root = process.cwd()
      const eager = [...firstPaint].flatMap((fileName) => chunks.get(fileName)?.moduleIds ?? [])
      const misplaced = eager.filter((id) => onDemandPath.test(id)).map((id) => id.replace(`${root}/`, ''))
      if (misplaced.length > 0) {
        this.error(
          `first paint holds on-demand modules (imported statically by eager code; import them with import() or ` +
            `through the feature's on-demand wrappers): ${misplaced.join(', ')}`,
        )
      }
    },
  }
}

/**
 * Starts fetching the SDK's chunk with the page: a `modulepreload` link for the `frame-client` chunk in index.html.
 * The app imports it as soon as its own script runs; fetched (and compiled) meanwhile, it is there by then rather
 * than one more request later. Costs no JavaScript (Vite's own preloading, with its helper, stays off).
 */
function preloadFrameClient(): Plugin {
  return {
    name: 'preload-frame-client',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.name === 'frame-client',
        )
        return chunk
          ? [{ tag: 'link', attrs: { rel: 'modulepreload', href: `./${chunk.fileName}` }, injectTo: 'head' }]
          : []
      },
    },
  }
}

/**
 * Vite wraps each `import()` in its preload helper, which fetches the imported chunk's CSS and (with modulePreload)
 * its other chunks first. No chunk here loads CSS on demand and modulePreload is off, so every call passes no
 * dependencies (but the page's own stylesheet, which index.html links) and the helper only ever calls the import:
 * its 1.3 KB (0.5 KB gzip) in the first download are dead.
 * This replaces the helper's definition with exactly that call. The build fails if a chunk ever passes dependencies
 * (CSS on demand), or if the helper no longer has the shape this expects (a new Vite): look at it again then.
 */
function importWithoutPreload(): Plugin {
  // The helper's first statement and its own first line, as Vite 8 emits them minified.
  const helperStart =
    /([\w$]+)=\(function\(\)\{let e=typeof document<`u`&&document\.createElement\(`link`\)\.relList/
  const preloadStart = /([\w$]+)=function\(e,t,n\)\{let r=Promise\.resolve\(\);if\(t&&t\.length>0\)\{/
  return {
    name: 'import-without-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const pageCss = new Set(
          Object.values(bundle).flatMap((output) =>
            output.type === 'chunk' && output.isEntry
              ? [...(output.viteMetadata?.importedCss ?? [])].map((file) => file.split('/').pop() ?? '')
              : [],
          ),
        )
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk') continue
          // The only dependency allowed is the page's own stylesheet, which index.html links already.
          const deps = /m\.f=\[([^\]]*)\]/.exec(output.code)?.[1]?.match(/[\w.-]+\.css/g) ?? []
          const elsewhere = deps.filter((file) => !pageCss.has(file))
          if (output.code.includes('__vite__mapDeps') && (deps.length === 0 || elsewhere.length > 0)) {
            this.error(
              `${output.fileName} preloads ${elsewhere.join(', ') || 'dependencies'}, which importWithoutPreload drops`,
            )
          }
          if (!output.code.includes('vite:preloadError')) continue
          const start = helperStart.exec(output.code)
          const preload = preloadStart.exec(output.code)
          if (!start || !preload || preload.index < start.index) {
            this.error(
              `${output.fileName}: Vite's preload helper has changed shape; see importWithoutPreload`,
            )
          }
          // The end of the helper's function: its braces balance (its strings hold none unbalanced).
          let depth = 0
          let end = preload.index + preload[0].indexOf('{')
          for (; end < output.code.length; end++) {
            if (output.code[end] === '{') depth++
            else if (output.code[end] === '}' && --depth === 0) break
          }
          output.code = `${output.code.slice(0, start.index)}${preload[1]}=e=>e()${output.code.slice(end + 1)}`
          if (output.code.includes('vite:preloadError'))
            this.error(`${output.fileName}: the helper is still there`)
        }
      },
    },
  }
}

/** What every browser test needs: the production build served with the sandbox, and time for a whole flow. */
const e2eOptions = {
  environment: 'node',
  globalSetup: ['test/e2e/global-setup.ts'],
  testTimeout: 90_000,
  hookTimeout: 120_000,
}
/** The browser tests that run on their own (see the e2e-alone project). */
const e2eAlone = ['test/e2e/removal-outcomes.test.ts', 'test/e2e/bulk-undo-export.test.ts']

// One server answers on two origins, as a Bitrix24 portal and a third-party app host would:
// http://127.0.0.1:PORT is the sandbox portal, http://localhost:PORT is the app in its iframe.
export default defineConfig({
  // Relative asset URLs: dist/ can be hosted under any path of any HTTPS host.
  base: './',
  plugins: [
    react(),
    dictionaryPlugin(),
    scriptFontsPlugin(),
    sandboxPlugin(),
    onDemandStaysOut(),
    preloadFrameClient(),
    importWithoutPreload(),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    // Lists which chunks load at once and which on demand: npm run bench measures the initial download from it.
    manifest: true,
    // No preload helper or polyfill in the first download: every chunk loaded on demand needs only the
    // first-paint chunk, which is already there, so there is nothing to preload (saves about 1.5 KB gzip).
    modulePreload: false,
    // The sandbox is never part of the app: it is only reachable through the dev/preview plugin.
    rollupOptions: {
      input: 'index.html',
      output: {
        // Everything the page needs at once stays in one chunk (small shared chunks compress worse and cost
        // requests); the SDK with the frame client is one chunk (the webhook client adds only its own class on
        // top); the dictionaries and what appears only after an action load on their own.
        manualChunks: chunkOf,
        // The first-paint chunk names each chunk it may load: a bare short hash per name keeps that list small
        // (20 names; the readable names cost about 150 bytes gzip). The manifest still maps them to their sources.
        chunkFileNames: 'assets/[hash:6].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          sequence: { groupOrder: 0 },
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/support/component-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...e2eOptions,
          name: 'e2e',
          // The browser tests run after the others, two files at a time, each worker with a Chromium and a sandbox
          // portal of its own (global-setup.ts): their pages wait on the network and the clock more than on the CPU.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          exclude: e2eAlone,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          ...e2eOptions,
          name: 'e2e-alone',
          // Last, one file at a time: these count every request a removal of many sends, or cut the network in the
          // middle of one, and the timings they rest on shift under another Chromium's load.
          sequence: { groupOrder: 2 },
          include: e2eAlone,
          fileParallelism: false,
        },
      },
    ],
  },
})
