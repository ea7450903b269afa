// The first-download figures, in one place: `npm run bench` prints them and `npm test`
// (test/e2e/first-download-budget.test.ts) fails on them, so both read the same numbers by construction.
// Sizes are gzip level 9 of the built files, as a server compressing them once would send them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '../..')

/** The app may cost at most this much more than the reference page (gzip bytes). */
export const budgetOverReference = 15 * 1024

/** The portal languages the app has a dictionary for (src/i18n/messages/<id>.json): all of Bitrix24's 20. */
export const languages = readdirSync(join(root, 'src/i18n/messages'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length

/**
 * Builds the reference page (test/bench/reference: React, ReactDOM, Query, the SDK, one call) into `outDir`
 * and returns the gzip bytes of its JavaScript. `base` changes only index.html's URLs, not the JavaScript.
 */
export async function referenceBytes(outDir, base = '/') {
  // Built as `vite build` builds the app, whoever calls: under vitest NODE_ENV is "test", and Vite and the React
  // plugin would then make a development build (jsxDEV, file names), a heavier yardstick and a looser budget.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      root: join(root, 'test/bench/reference'),
      base,
      plugins: [react()],
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  return readdirSync(join(outDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzip(join(outDir, 'assets', file)), 0)
}

/**
 * The app's first download, from the production build in `distDir` (Vite's manifest says what loads with what).
 * First paint: index.html's script and its static imports. Initial, per portal language: first paint plus the
 * SDK with the frame client (one chunk, vite.config.ts names it "frame-client") and the core of that language's
 * dictionary (i18n/<id>.core.json): what loads until the commands show. (What appears after an action, and the rest of the
 * dictionary, come once the commands show.)
 */
export function appBytes(distDir = join(root, 'dist')) {
  const manifestFile = join(distDir, '.vite/manifest.json')
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run "vite build" first`)
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
  const closure = (key, files = new Set()) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return files
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) closure(imported, files)
    return files
  }
  const bytes = (files) => [...files].reduce((sum, file) => sum + gzip(join(distDir, file)), 0)
  const firstPaintFiles = closure('index.html')
  const frameKey = Object.keys(manifest).find(
    (key) => key === 'src/portal/on-demand/frame-client.ts' || manifest[key].name === 'frame-client',
  )
  // vite.config.ts gives the SDK a chunk of its own; a static import of it from the eager code merges it into
  // the chunk that imports it, and the chunk goes. Then nothing says the SDK waits: count that as carried.
  const sdkChunk = frameKey ? manifest[frameKey].file : undefined
  const withSdk = frameKey ? closure(frameKey, new Set(firstPaintFiles)) : new Set(firstPaintFiles)
  const initial = {}
  for (const language of languages) {
    // The core of the language's dictionary, fetched beside the app (src/i18n/messages/vite-plugin.ts). A core
    // missing from the build would be counted as nothing: say so instead.
    const core = join(distDir, `i18n/${language}.core.json`)
    if (!existsSync(core)) throw new Error(`the build has no ${core}`)
    initial[language] = bytes(withSdk) + gzip(core)
  }
  return {
    firstPaint: bytes(firstPaintFiles),
    firstPaintFiles: [...firstPaintFiles],
    sdkChunk,
    // The SDK is in first paint if its chunk is among first paint's files, or has no chunk of its own.
    firstPaintHasSdk: sdkChunk === undefined || firstPaintFiles.has(sdkChunk),
    initial,
  }
}
