import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { coreKeys } from '../core-keys.ts'

// The dictionaries as the app fetches them: each language's one file (this folder, i18next JSON v4, where a
// translator works) split in two by core-keys.ts, served as `i18n/<id>.core.json` and `i18n/<id>.more.json` beside
// the app: emitted by the build, answered by the dev server. One URL pattern for all languages, so the first
// download holds no table of 40 chunk names.

const folder = import.meta.dirname

export type DictionaryPart = 'core' | 'more'

/** The language ids with a file here ("en", "ru", …). */
export function dictionaryLanguages(): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
}

export function readDictionary(language: string): Record<string, string> {
  return JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'))
}

const core = new Set<string>(coreKeys)
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

/** One part of a language's dictionary: its core keys (with their plural forms), or all the others. */
export function dictionaryPart(language: string, part: DictionaryPart): Record<string, string> {
  const entries = Object.entries(readDictionary(language))
  return Object.fromEntries(entries.filter(([key]) => core.has(baseKey(key)) === (part === 'core')))
}

/** A digest of every file: the parts' URLs carry it, so a new build's words are never read from a cache. */
function messagesVersion(): string {
  const hash = createHash('sha256')
  for (const language of dictionaryLanguages()) hash.update(readFileSync(join(folder, `${language}.json`)))
  return hash.digest('hex').slice(0, 10)
}

const partUrl = /^\/i18n\/([a-z]{2})\.(core|more)\.json(?:\?.*)?$/

export function dictionaryPlugin(): Plugin {
  return {
    name: 'bot-commands-dictionaries',
    config: () => ({ define: { __MESSAGES_VERSION__: JSON.stringify(messagesVersion()) } }),
    configureServer(server) {
      server.watcher.add(folder)
      server.middlewares.use((request, response, next) => {
        const match = partUrl.exec(request.url ?? '')
        const [, language = '', part] = match ?? []
        if (!match || !dictionaryLanguages().includes(language)) return next()
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        response.end(JSON.stringify(dictionaryPart(language, part as DictionaryPart)))
      })
    },
    buildStart() {
      for (const language of dictionaryLanguages()) this.addWatchFile(join(folder, `${language}.json`))
    },
    generateBundle() {
      for (const language of dictionaryLanguages()) {
        for (const part of ['core', 'more'] as const) {
          this.emitFile({
            type: 'asset',
            fileName: `i18n/${language}.${part}.json`,
            source: JSON.stringify(dictionaryPart(language, part)),
          })
        }
      }
    },
  }
}
