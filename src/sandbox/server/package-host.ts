import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { unzipSync } from 'fflate'
import { HttpError } from './http-utils.ts'

/** What `npm run package` writes at the repository root (scripts/package.mjs). */
export const PACKAGE_FILE = 'bot-commands.zip'

/** Bitrix24 opens a static application's `index.html`, and `install.html` while it is not installed. */
export const PACKAGE_ENTRY = '/index.html'
export const PACKAGE_INSTALLER = '/install.html'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  png: 'image/png',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
}

function contentType(path: string): string {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The uploaded package, served as Bitrix24 serves a static local application: the files of bot-commands.zip, read
 * from the archive itself (unzipped in memory), on an origin of their own (`http://localhost:{another port}`), so
 * that the app's origin is neither the portal's nor the sandbox's usual app origin. One per sandbox server: its
 * server starts the first time the package is asked for, and closes with the sandbox's.
 */
export class PackageHost {
  private files = new Map<string, Uint8Array>()
  /** The archive as last read (its size and time), to read it again when `npm run package` rewrote it. */
  private readSignature = ''
  private listening: Promise<{ server: Server; origin: string }> | undefined

  constructor(readonly zipPath: string) {}

  /**
   * Reads the archive if it changed since it was last read. Throws HttpError(409) when there is none or it is not a
   * package (no index.html or install.html at its root).
   */
  async load(): Promise<void> {
    let signature: string
    try {
      const info = await stat(this.zipPath)
      signature = `${info.size}:${info.mtimeMs}`
    } catch {
      throw new HttpError(409, `${PACKAGE_FILE} is missing (${this.zipPath}): run "npm run package" first`)
    }
    if (signature === this.readSignature) return
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(await readFile(this.zipPath))
    } catch (error) {
      throw new HttpError(409, `${this.zipPath} is not a ZIP archive: ${String(error)}`)
    }
    const files = new Map<string, Uint8Array>()
    for (const [name, data] of Object.entries(entries)) if (!name.endsWith('/')) files.set(`/${name}`, data)
    for (const page of [PACKAGE_ENTRY, PACKAGE_INSTALLER]) {
      if (!files.has(page)) throw new HttpError(409, `${this.zipPath} has no ${page.slice(1)} at its root`)
    }
    this.files = files
    this.readSignature = signature
  }

  /** The package's origin, its server started on the first call; the archive read (again, if it changed). */
  async origin(): Promise<string> {
    await this.load()
    this.listening ??= this.listen()
    try {
      return (await this.listening).origin
    } catch (error) {
      this.listening = undefined
      throw error
    }
  }

  /** The files it serves, by path ("/index.html", "/assets/…"). */
  paths(): string[] {
    return [...this.files.keys()]
  }

  async close(): Promise<void> {
    const listening = this.listening
    this.listening = undefined
    if (!listening) return
    const { server } = await listening.catch(() => ({ server: undefined }))
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private listen(): Promise<{ server: Server; origin: string }> {
    const server = createServer((req, res) => this.serve(req, res))
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        // Never what keeps a process alive (a test run, a dev server closing).
        server.unref()
        const { port } = server.address() as AddressInfo
        resolve({ server, origin: `http://localhost:${port}` })
      })
    })
  }

  /** A static host: GET and HEAD (and POST, which Bitrix24 sends to an application's handler) of a file, else 404. */
  private serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end()
      return
    }
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://package').pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    const file = this.files.get(path === '/' ? PACKAGE_ENTRY : path)
    if (!file) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`Not in ${PACKAGE_FILE}: ${path}\n`)
      return
    }
    res.writeHead(200, {
      'Content-Type': contentType(path === '/' ? PACKAGE_ENTRY : path),
      'Content-Length': file.byteLength,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : file)
  }
}
