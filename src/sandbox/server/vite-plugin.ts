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
    logger.info(`Connect with a webhook: open http://localhost:${port}/ in a plain tab and paste these`)
    logger.info(`  Webhook URL: http://127.0.0.1:${port}${webhook.path}`)
    logger.info(`  Bot token:   ${webhook.tokens[0] ?? ''}`)
  }
}

/**
 * The local Bitrix24 sandbox portal on the dev and preview servers, never in the build (`apply: 'serve'`).
 * The middleware is added directly (not returned as a post hook) so it runs before Vite's own middlewares.
 */
export function sandboxPlugin(options: { portal?: SandboxPortal } = {}): Plugin {
  let portal = options.portal
  const getPortal = () => {
    portal ??= createSandboxPortal()
    return portal
  }
  return {
    name: 'bot-commands-sandbox',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(createSandboxMiddleware(getPortal()))
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer, getPortal)
    },
    configurePreviewServer(server) {
      server.middlewares.use(createSandboxMiddleware(getPortal()))
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer, getPortal)
    },
  }
}
