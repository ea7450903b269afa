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

/** The portal languages the app has a core dictionary for (src/i18n/<language>.ts). */
export const languages = ['en', 'ru', 'de']

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length

/**
 * Builds the reference page (test/bench/reference: React, ReactDOM, Query, the SDK, one call) into `outDir`
 * and returns the gzip bytes of its JavaScript. `base` changes only index.html's URLs, not the JavaScript.
 */
export async function referenceBytes(outDir, base = '/') {
  await build({
    configFile: false,
    logLevel: 'error',
    root: join(root, 'test/bench/reference'),
    base,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  })
  return readdirSync(join(outDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzip(join(outDir, 'assets', file)), 0)
}

/**
 * The app's first download, from the production build in `distDir` (Vite's manifest says what loads with what).
 * First paint: index.html's script and its static imports. Initial, per portal language: first paint plus the
 * SDK with the frame client (one chunk, vite.config.ts names it "frame-client") and the core of that language's
 * dictionary: what loads until the commands show. (What appears after an action, and the rest of the
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
    (key) => key === 'src/portal/frame-client.ts' || manifest[key].name === 'frame-client',
  )
  if (!frameKey) throw new Error('the build has no frame-client chunk')
  const withSdk = closure(frameKey, new Set(firstPaintFiles))
  const initial = {}
  for (const language of languages) {
    const key = `src/i18n/${language}.ts`
    // A dictionary missing from the manifest would be counted as nothing: say so instead.
    if (!manifest[key]) throw new Error(`the build has no chunk for ${key}`)
    initial[language] = bytes(closure(key, new Set(withSdk)))
  }
  const frameFile = manifest[frameKey].file
  return {
    firstPaint: bytes(firstPaintFiles),
    firstPaintFiles: [...firstPaintFiles],
    // The SDK is in first paint if its chunk is among first paint's files (a static import pulls it in).
    firstPaintHasSdk: firstPaintFiles.has(frameFile),
    initial,
  }
}
