import type { AddressInfo } from 'node:net'
import type { Logger, Plugin } from 'vite'
import { createSandboxPortal, type SandboxPortal } from '../emulator/index.ts'
import { createSandboxMiddleware } from './middleware.ts'

interface ListeningServer {
  address(): AddressInfo | string | null
}

/**
 * `npm start` prints the URL a developer needs, the portal page (the app runs inside it), then what it takes to try
 * the app outside the frame: the inbound webhook's URL and the seeded bot token (sandbox secrets, fixed and public).
 */
function portalUrlPrinter(logger: Logger, httpServer: ListeningServer | null, portal: () => SandboxPortal) {
  return () => {
    const address = httpServer?.address()
    const port = typeof address === 'object' && address ? address.port : undefined
    if (!port) {
      logger.info('Sandbox portal: not listening')
      return
    }
    const webhook = portal().webhook()
    logger.info(`Sandbox portal: http://127.0.0.1:${port}/`)
    if (!portal().getSettings().installed) {
      logger.info('  A fresh install: an admin gets the installation step until the app calls installFinish')
    }
    logger.info(`Connect with a webhook: open http://localhost:${port}/ in a plain tab and paste these`)
    logger.info(`  Webhook URL: http://127.0.0.1:${port}${webhook.path}`)
    logger.info(`  Bot token:   ${webhook.tokens[0] ?? ''}`)
  }
}

/** `SANDBOX_FRESH_INSTALL=1 npm start`: the dev server's portal starts with the app not installed. */
export const FRESH_INSTALL_ENV = 'SANDBOX_FRESH_INSTALL'

/**
 * The local Bitrix24 sandbox portal on the dev and preview servers, never in the build (`apply: 'serve'`).
 * The middleware is added directly (not returned as a post hook) so it runs before Vite's own middlewares.
 *
 * `freshInstall` (by default `SANDBOX_FRESH_INSTALL=1`, read by the dev server only, so that a variable left set in a
 * shell never reaches the e2e suite's preview servers): the portal starts, and resets, with the app not installed.
 */
export function sandboxPlugin(options: { portal?: SandboxPortal; freshInstall?: boolean } = {}): Plugin {
  let portal = options.portal
  const getPortal = (freshInstall = false) => {
    portal ??= createSandboxPortal(freshInstall ? { settings: { installed: false } } : {})
    return portal
  }
  return {
    name: 'bot-commands-sandbox',
    apply: 'serve',
    configureServer(server) {
      const freshInstall = options.freshInstall ?? process.env[FRESH_INSTALL_ENV] === '1'
      const middleware = createSandboxMiddleware(getPortal(freshInstall), { root: server.config.root })
      server.httpServer?.on('close', () => void middleware.close())
      server.middlewares.use(middleware)
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer, getPortal)
    },
    configurePreviewServer(server) {
      const middleware = createSandboxMiddleware(getPortal(), { root: server.config.root })
      server.httpServer?.on('close', () => void middleware.close())
      server.middlewares.use(middleware)
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer, getPortal)
    },
  }
}
