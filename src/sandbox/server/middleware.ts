import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { SandboxPortal } from '../emulator/index.ts'
import { appEntry } from './app-entry.ts'
import { type ControlSite, handleControl } from './control-api.ts'
import { HostPage } from './host-page.ts'
import { sendJson, sendText } from './http-utils.ts'
import { PACKAGE_FILE, PackageHost } from './package-host.ts'
import { handleRest } from './rest.ts'

export type NextFunction = (error?: unknown) => void
export type SandboxMiddleware = ((req: IncomingMessage, res: ServerResponse, next: NextFunction) => void) & {
  /** Closes what the sandbox started beside its server (the package's origin). */
  close(): Promise<void>
}

export interface SandboxMiddlewareOptions {
  /** Where bot-commands.zip is (`appSource: 'package'`); the current directory by default. */
  root?: string
}

/** "127.0.0.1:5173" → 5173; undefined for any other host (the app's origin, localhost:PORT, ...). */
export function portalPort(host: string | undefined): number | undefined {
  const match = /^127\.0\.0\.1:(\d{1,5})$/.exec(host ?? '')
  return match ? Number(match[1]) : undefined
}

/**
 * One server, two origins. Requests to 127.0.0.1:PORT are the portal (host page, REST, control API);
 * everything else goes on to Vite, which serves the app (http://localhost:PORT in the iframe). With
 * `appSource: 'package'` the frame opens the uploaded package instead, on a third origin of its own.
 */
export function createSandboxMiddleware(
  portal: SandboxPortal,
  options: SandboxMiddlewareOptions = {},
): SandboxMiddleware {
  const hostPage = new HostPage()
  const pkg = new PackageHost(join(options.root ?? process.cwd(), PACKAGE_FILE))
  const site: ControlSite = {
    appEntry: (portalOrigin) => appEntry(portal, Number(portalOrigin.port), pkg),
    async prepare(patch) {
      if (patch.appSource === 'package') await pkg.origin()
    },
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname
    if (path.startsWith('/rest/')) return handleRest(portal, req, res, url)
    if (path.startsWith('/sandbox/api/')) return handleControl(portal, site, req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: `${req.method} is not allowed on ${path}` })
      return
    }
    if (path === '/' || path === '/index.html') {
      res.setHeader('Cache-Control', 'no-store')
      const html = await hostPage.html(url.host, portal.getSettings(), await site.appEntry(url))
      sendText(res, 200, 'text/html; charset=utf-8', html)
      return
    }
    if (path === '/sandbox/host.js') {
      sendText(res, 200, 'text/javascript; charset=utf-8', await hostPage.js())
      return
    }
    sendText(
      res,
      404,
      'text/plain; charset=utf-8',
      `Not found on the sandbox portal: ${path}\nThe portal page is ${url.origin}/ ; the app is served at http://localhost:${url.port}/\n`,
    )
  }

  const middleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    const port = portalPort(req.headers.host)
    if (port === undefined) {
      next()
      return
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: String(error) })
    })
  }
  return Object.assign(middleware, { close: () => pkg.close() })
}
