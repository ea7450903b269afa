import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { packageEntries, packageProblems, writePackage, zipEntries } from '../../../scripts/package.mjs'

// What `npm run package` puts in bot-commands.zip, from a build folder made here: a real build would make the
// test slow (test/e2e/package.test.ts packages the real one and runs it as a static application).

const page = `<!doctype html><html><head>
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
<script type="module" crossorigin src="./assets/index-a1.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-b2.css">
</head><body><div id="root"></div></body></html>`

let dirs: string[] = []

/** A build folder with these files (path → text), plus what a Vite build of this app always writes. */
function dist(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-commands-dist-'))
  dirs.push(dir)
  const all: Record<string, string> = {
    'index.html': page,
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/index-a1.js': 'import("./chunk-c3.js");console.log("app")',
    'assets/chunk-c3.js': 'export const words = "Bot commands"',
    'assets/index-b2.css': '@font-face{src:url(./open-sans-d4.woff2)}',
    'assets/open-sans-d4.woff2': 'wOF2',
    '.vite/manifest.json': '{"index.html":{"file":"assets/index-a1.js"}}',
    ...files,
  }
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

describe('the package of a static Bitrix24 application', () => {
  it('puts index.html and install.html (the same page) at the root, then every file of the build', () => {
    const entries = packageEntries(dist())
    expect(Object.keys(entries)).toEqual([
      'index.html',
      'install.html',
      'assets/chunk-c3.js',
      'assets/index-a1.js',
      'assets/index-b2.css',
      'assets/open-sans-d4.woff2',
      'favicon.svg',
    ])
    expect(entries['install.html']).toEqual(entries['index.html'])
    expect(new TextDecoder().decode(entries['install.html'])).toBe(page)
  })

  it('leaves out source maps and the Vite manifest', () => {
    const names = Object.keys(
      packageEntries(dist({ 'assets/index-a1.js.map': '{}', 'assets/chunk-c3.js.map': '{}' })),
    )
    expect(names.filter((name) => name.endsWith('.map') || name.startsWith('.vite'))).toEqual([])
  })

  it('refuses a build with an absolute asset URL, in the page or in a script or stylesheet', () => {
    expect(() =>
      packageEntries(dist({ 'index.html': page.replace('./favicon.svg', '/favicon.svg') })),
    ).toThrow('index.html points at /favicon.svg: asset URLs must be relative')
    expect(() => packageEntries(dist({ 'assets/index-a1.js': 'import("/assets/chunk-c3.js")' }))).toThrow(
      'assets/index-a1.js points at /assets/chunk-c3.js: it must be relative',
    )
    expect(() =>
      packageEntries(dist({ 'assets/index-b2.css': '@font-face{src:url(/assets/open-sans-d4.woff2)}' })),
    ).toThrow('assets/index-b2.css points at /assets/open-sans-d4.woff2')
  })

  it('refuses sandbox code and a script that refers to a source map left out', () => {
    expect(() =>
      packageEntries(
        dist({ 'assets/chunk-c3.js': 'fetch("/sandbox/api/settings",{body:"answerHandshake"})' }),
      ),
    ).toThrow(/holds sandbox code \("\/sandbox\/api"\)[\s\S]*holds sandbox code \("answerHandshake"\)/)
    expect(() =>
      packageEntries(dist({ 'assets/index-a1.js': 'console.log(1)\n//# sourceMappingURL=index-a1.js.map' })),
    ).toThrow('assets/index-a1.js refers to a source map')
  })

  it('refuses a build without index.html, and names what a package lacks', () => {
    const dir = dist()
    rmSync(join(dir, 'index.html'))
    expect(() => packageEntries(dir)).toThrow('has no index.html: run "vite build" first')
    expect(packageProblems({ 'index.html': new Uint8Array() })).toEqual([
      "install.html is not at the archive's root",
    ])
  })

  it('writes a ZIP that unzips to the same entries, the same bytes for the same build', () => {
    const dir = dist()
    const root = mkdtempSync(join(tmpdir(), 'bot-commands-root-'))
    dirs.push(root)
    const out = join(root, 'bot-commands.zip')
    const written = writePackage({ root, distDir: dir })
    expect(written.path).toBe(out)
    const zip = readFileSync(out)
    expect(written.bytes).toBe(zip.byteLength)
    expect(written.files[0]).toBe('index.html')
    const unzipped = unzipSync(zip)
    expect(Object.keys(unzipped).sort()).toEqual([...written.files].sort())
    expect(new TextDecoder().decode(unzipped['install.html'])).toBe(page)
    expect(zipEntries(packageEntries(dir))).toEqual(new Uint8Array(zip))
  })
})
