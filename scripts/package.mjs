// `npm run package`: the production build (dist/, which `vite build` has just written) as `bot-commands.zip`, the
// archive an administrator uploads to Bitrix24 as a static local application: `index.html` (the entry point) and
// `install.html` (the installer, the same page: the app reads install mode from the handshake, not from the URL)
// at the root, every asset URL relative, no source maps, no Vite manifest, no sandbox code.
//
// It lives in scripts/ because it makes a release artefact, not a test tool (those are in test/tools/). Plain
// JavaScript, so that Node runs it without a build step; its types are in package.d.mts for the tests, which use
// `packageEntries` on a folder of their own and `writePackage` on the real build (test/e2e/package.test.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { zipSync } from 'fflate'

/** The archive's name, at the repository root (git-ignored). */
export const PACKAGE_FILE = 'bot-commands.zip'

/** Bitrix24 opens these two at the archive's root: the application and its installer. */
export const ENTRY_PAGE = 'index.html'
export const INSTALL_PAGE = 'install.html'

/**
 * Strings only the sandbox portal's code holds (src/sandbox/: its control API, settings, seed data, webhook secret,
 * host page). The app's own words may speak of the sandbox, so the word alone proves nothing.
 */
export const SANDBOX_MARKERS = [
  '/sandbox/api',
  'answerHandshake',
  'Helpdesk Bot',
  'sandboxwebhooksecret',
  'sandbox-boot',
]

/** Left out of the archive: source maps, and Vite's manifest (npm run bench reads it; Bitrix24 has no use for it). */
function leftOut(name) {
  return name.endsWith('.map') || name === '.vite' || name.startsWith('.vite/')
}

const TEXT_FILE = /\.(html|js|mjs|css|svg|json|txt)$/

/** Every file under `dir`, as archive paths (forward slashes), sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, resolve(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** URLs in HTML attributes and CSS `url()`, as written. */
function urlsIn(html) {
  const attributes = [...html.matchAll(/\s(?:src|href|srcset|poster|data|action)\s*=\s*["']([^"']*)["']/gi)]
  const cssUrls = [...html.matchAll(/url\(\s*["']?([^"')]*)/gi)]
  return [...attributes, ...cssUrls].map((match) => match[1].trim())
}

/**
 * What is wrong with these archive entries for a static Bitrix24 application, in words (empty: nothing).
 * @param {Record<string, Uint8Array>} entries
 * @returns {string[]}
 */
export function packageProblems(entries) {
  const problems = []
  const names = Object.keys(entries)
  for (const page of [ENTRY_PAGE, INSTALL_PAGE]) {
    if (!names.includes(page)) problems.push(`${page} is not at the archive's root`)
  }
  for (const name of names) {
    if (leftOut(name)) problems.push(`${name} must not be in the archive`)
    if (!TEXT_FILE.test(name)) continue
    const text = new TextDecoder().decode(entries[name])
    if (name.endsWith('.html')) {
      for (const url of urlsIn(text)) {
        if (url.startsWith('/')) problems.push(`${name} points at ${url}: asset URLs must be relative`)
      }
    }
    // An absolute URL to a file of the archive, anywhere (a dynamic import, a CSS url(), a string).
    for (const other of names) {
      for (const quote of ['"', "'", '`', '(']) {
        if (text.includes(`${quote}/${other}`))
          problems.push(`${name} points at /${other}: it must be relative`)
      }
    }
    if (/[#@]\s*sourceMappingURL=/.test(text)) problems.push(`${name} refers to a source map`)
    for (const marker of SANDBOX_MARKERS) {
      if (text.includes(marker)) problems.push(`${name} holds sandbox code ("${marker}")`)
    }
  }
  return [...new Set(problems)]
}

/**
 * The archive's entries made from a production build in `distDir`: every file but source maps and Vite's manifest,
 * and `install.html` as a copy of `index.html`. Throws, naming every problem, if the result is not fit to upload.
 * @param {string} distDir
 * @returns {Record<string, Uint8Array>} archive path → content; index.html and install.html first
 */
export function packageEntries(distDir) {
  const files = filesUnder(distDir).filter((name) => !leftOut(name))
  if (!files.includes(ENTRY_PAGE)) {
    throw new Error(`${distDir} has no ${ENTRY_PAGE}: run "vite build" first (npm run package does)`)
  }
  const page = readFileSync(resolve(distDir, ENTRY_PAGE))
  /** @type {Record<string, Uint8Array>} */
  const entries = { [ENTRY_PAGE]: page, [INSTALL_PAGE]: page }
  for (const name of files) {
    if (name === INSTALL_PAGE) continue
    entries[name] ??= readFileSync(resolve(distDir, name))
  }
  const problems = packageProblems(entries)
  if (problems.length > 0) throw new Error(`The package is not fit to upload:\n- ${problems.join('\n- ')}`)
  return entries
}

/** A fixed time for every entry, so that the same build makes the same archive. */
const ENTRY_TIME = new Date(Date.UTC(2026, 0, 1))

/**
 * The ZIP of the entries (deflated; woff2 fonts, already compressed, stored).
 * @param {Record<string, Uint8Array>} entries
 * @returns {Uint8Array}
 */
export function zipEntries(entries) {
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, data]) => [
        name,
        [data, { level: name.endsWith('.woff2') ? 0 : 9, mtime: ENTRY_TIME }],
      ]),
    ),
  )
}

/**
 * Writes `bot-commands.zip` at `root` from the build in `root/dist`.
 * @param {{ root: string, distDir?: string, out?: string }} options
 * @returns {{ path: string, bytes: number, files: string[] }}
 */
export function writePackage({ root, distDir = resolve(root, 'dist'), out = resolve(root, PACKAGE_FILE) }) {
  const entries = packageEntries(distDir)
  const zip = zipEntries(entries)
  writeFileSync(out, zip)
  return { path: out, bytes: zip.byteLength, files: Object.keys(entries) }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(fileURLToPath(import.meta.url), '../..')
  try {
    const { path, bytes, files } = writePackage({ root })
    const size =
      bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`
    console.log(`${relative(process.cwd(), path) || path}: ${size} (${bytes} bytes), ${files.length} files`)
    console.log(`  ${ENTRY_PAGE} (the application) and ${INSTALL_PAGE} (its installer) at the root`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
