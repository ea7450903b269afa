import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import subsetFont from 'subset-font'
import type { Plugin } from 'vite'
import { readDictionary } from '../../i18n/messages/vite-plugin.ts'

// The fonts of the scripts Open Sans lacks (Arabic, Thai, Devanagari, Japanese, Chinese), each language's in a
// stylesheet of its own, `fonts/<id>.css`, which the app links only on a portal in that language (index.ts). Shipped
// with the app, as Open Sans is, so a layout never depends on the fonts of the machine: @fontsource's Noto Sans
// families, weights 400 and 600 (the app's two), only their script's subset. A Chinese or Japanese subset is about
// 1 MB a weight, so the build cuts it down to the characters of the language's dictionary (about 60 KB): the app's
// own words are always in the shipped font, and a command's title in a character beyond them takes the system's.

interface ScriptFont {
  family: string
  /** The @fontsource package and its subset for the script. */
  package: string
  subset: string
  /** Cut down to the characters of the language's dictionary. */
  dictionaryOnly?: boolean
}

export const scriptFonts: Readonly<Record<string, ScriptFont>> = {
  ar: { family: 'Noto Sans Arabic', package: 'noto-sans-arabic', subset: 'arabic' },
  th: { family: 'Noto Sans Thai', package: 'noto-sans-thai', subset: 'thai' },
  in: { family: 'Noto Sans Devanagari', package: 'noto-sans-devanagari', subset: 'devanagari' },
  ja: { family: 'Noto Sans JP', package: 'noto-sans-jp', subset: 'japanese', dictionaryOnly: true },
  sc: { family: 'Noto Sans SC', package: 'noto-sans-sc', subset: 'chinese-simplified', dictionaryOnly: true },
  tc: {
    family: 'Noto Sans TC',
    package: 'noto-sans-tc',
    subset: 'chinese-traditional',
    dictionaryOnly: true,
  },
}

const weights = [400, 600] as const
const require = createRequire(import.meta.url)
const packageDir = (name: string) => dirname(require.resolve(`@fontsource/${name}/package.json`))

interface Face {
  weight: number
  /** The file as the stylesheet names it (beside it, in fonts/). */
  file: string
  /** What it covers, when @fontsource says (a whole Chinese or Japanese subset does not: all it has). */
  unicodeRange: string | undefined
  source: () => Promise<Uint8Array>
}

/** A language's faces, one per weight, read from @fontsource's stylesheet of the subset (`japanese-400.css`). */
export function facesFor(language: string): Face[] {
  const font = scriptFonts[language]
  if (!font) return []
  return weights.map((weight) => {
    const name = `${font.package}-${font.subset}-${weight}-normal`
    const css = readFileSync(join(packageDir(font.package), `${font.subset}-${weight}.css`), 'utf8')
    if (!css.includes(`/${name}.woff2)`)) throw new Error(`@fontsource/${font.package} has no ${name}`)
    const unicodeRange = /unicode-range: ([^;]+);/.exec(css)?.[1]
    const original = readFileSync(join(packageDir(font.package), 'files', `${name}.woff2`))
    // Named by what they hold, so that a new font or dictionary is never read from a long-lived cache.
    const digest = (...parts: (string | Uint8Array)[]) =>
      parts
        .reduce((hash, part) => hash.update(part), createHash('sha256'))
        .digest('hex')
        .slice(0, 8)
    if (!font.dictionaryOnly) {
      return { weight, file: `${name}-${digest(original)}.woff2`, unicodeRange, source: async () => original }
    }
    const text = Object.values(readDictionary(language)).join('')
    return {
      weight,
      file: `${name}-app-${digest(original, text)}.woff2`,
      unicodeRange,
      source: () => subsetFont(original, text, { targetFormat: 'woff2' }),
    }
  })
}

/** A language's stylesheet: its faces, and its family after Open Sans for the page. */
export function stylesheetFor(language: string): string {
  const font = scriptFonts[language]
  if (!font) return ''
  const faces = facesFor(language).map(
    (face) =>
      `@font-face{font-family:"${font.family}";font-style:normal;font-display:swap;font-weight:${face.weight};` +
      `src:url(./${face.file}) format("woff2")${face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : ''}}`,
  )
  const family = `"Open Sans","${font.family}","Helvetica Neue",Helvetica,Arial,sans-serif`
  return `${faces.join('\n')}\nbody{font-family:${family}}\n`
}

/** A digest of the stylesheets (which name their files by content): their URL carries it, against stale caches. */
function fontsVersion(): string {
  const hash = createHash('sha256')
  for (const language of Object.keys(scriptFonts)) hash.update(stylesheetFor(language))
  return hash.digest('hex').slice(0, 10)
}

const fontUrl = /^\/fonts\/(?:([a-z]{2})\.css|([\w.-]+\.woff2))(?:\?.*)?$/

export function scriptFontsPlugin(): Plugin {
  return {
    name: 'bot-commands-script-fonts',
    config: () => ({ define: { __SCRIPT_FONTS_VERSION__: JSON.stringify(fontsVersion()) } }),
    configureServer(server) {
      const served = new Map<string, Promise<Uint8Array>>()
      server.middlewares.use((request, response, next) => {
        const [url, language, file] = fontUrl.exec(request.url ?? '') ?? []
        // Every other request of the dev server passes at once (this runs before Vite's own middleware).
        if (!url) return next()
        if (language && scriptFonts[language]) {
          response.setHeader('Content-Type', 'text/css; charset=utf-8')
          return response.end(stylesheetFor(language))
        }
        const face = Object.keys(scriptFonts)
          .flatMap(facesFor)
          .find((candidate) => candidate.file === file)
        if (!face) return next()
        if (!served.has(face.file)) served.set(face.file, face.source())
        served.get(face.file)?.then((body) => {
          response.setHeader('Content-Type', 'font/woff2')
          response.end(body)
        }, next)
      })
    },
    async generateBundle() {
      for (const language of Object.keys(scriptFonts)) {
        this.emitFile({ type: 'asset', fileName: `fonts/${language}.css`, source: stylesheetFor(language) })
        for (const face of facesFor(language)) {
          this.emitFile({ type: 'asset', fileName: `fonts/${face.file}`, source: await face.source() })
        }
      }
    },
  }
}
