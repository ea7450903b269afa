import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { transformWithOxc } from 'vite'
import {
  EMULATED_METHODS,
  KNOWN_ERROR_CODES,
  SANDBOX_LANGS,
  type SandboxSettings,
} from '../emulator/index.ts'
import type { AppEntry } from './app-entry.ts'

/** The host page's sources, next to this module's folder (src/sandbox/host/). */
const HOST_DIR = new URL('../host/', import.meta.url)

async function hostFile(name: string): Promise<string> {
  return readFile(new URL(name, HOST_DIR), 'utf8')
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** Bitrix24's error page in place of the frame, kept in the host page as a <template> the script also uses. */
function notInstalledPage(html: string): string {
  const inner = /<template id="app-not-installed">([\s\S]*?)<\/template>/.exec(html)?.[1]
  if (inner === undefined) throw new Error('host/index.html has no <template id="app-not-installed">')
  return inner.trim()
}

/**
 * Renders the page a portal would show around the app. It carries the named (not yet loaded) app iframe, or
 * Bitrix24's error page when the app is not installed and the user may not install it; the settings (never a
 * token), where the app opens, and the lists the drawer offers.
 */
export class HostPage {
  private template: Promise<string> | undefined
  private script: Promise<string> | undefined

  async html(portalHost: string, settings: SandboxSettings, app: AppEntry): Promise<string> {
    this.template ??= Promise.all([hostFile('index.html'), hostFile('host.css')]).then(([html, css]) =>
      html.replace('/*SANDBOX_CSS*/', () => css),
    )
    const template = await this.template
    const boot = { settings, app, methods: EMULATED_METHODS, codes: KNOWN_ERROR_CODES, langs: SANDBOX_LANGS }
    // The frame name a portal gives its app: "{host}|{1 if https else 0}|{APP_SID}", APP_SID new per load.
    const frameName = `${portalHost}|0|${randomBytes(16).toString('hex')}`
    // Named by the server (APP_SID fresh per page load); the script sets src once it listens for messages.
    const frame = `<iframe id="app-frame" name="${escapeHtml(frameName)}" title="Bot Commands application" allow="clipboard-write"></iframe>`
    return template
      .replaceAll('%PORTAL_HOST%', escapeHtml(portalHost))
      .replace('<!--APP_FRAME-->', () =>
        app.opening === 'not-installed' ? notInstalledPage(template) : frame,
      )
      .replace('"__SANDBOX_BOOT__"', () => scriptJson(boot))
  }

  /** host/main.ts as JavaScript; transformed once per server (the file does not change while it runs). */
  async js(): Promise<string> {
    this.script ??= hostFile('main.ts').then(async (source) => {
      const result = await transformWithOxc(source, 'sandbox-host.ts', { lang: 'ts' })
      return result.code
    })
    return this.script.catch((error: unknown) => {
      this.script = undefined
      throw error
    })
  }
}
