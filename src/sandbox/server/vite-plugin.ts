import type { AddressInfo } from 'node:net'
import type { Logger, Plugin } from 'vite'
import { createSandboxPortal, type SandboxPortal } from '../emulator/index.ts'
import { createSandboxMiddleware } from './middleware.ts'

interface ListeningServer {
  address(): AddressInfo | string | null
}

/** `npm start` prints the one URL a developer needs: the portal page (the app runs inside it). */
function portalUrlPrinter(logger: Logger, httpServer: ListeningServer | null) {
  return () => {
    const address = httpServer?.address()
    const port = typeof address === 'object' && address ? address.port : undefined
    logger.info(port ? `Sandbox portal: http://127.0.0.1:${port}/` : 'Sandbox portal: not listening')
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
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer)
    },
    configurePreviewServer(server) {
      server.middlewares.use(createSandboxMiddleware(getPortal()))
      server.printUrls = portalUrlPrinter(server.config.logger, server.httpServer)
    },
  }
}
