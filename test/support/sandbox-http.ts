import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createSandboxPortal, type SandboxPortal } from '../../src/sandbox/emulator'
import { createSandboxMiddleware } from '../../src/sandbox/server/middleware'

/**
 * The sandbox portal served over real HTTP for the tests of one file (started before them, reset after each, closed
 * at the end), and the seeded webhook and its first bot token, as the app's webhook client takes them.
 */
export function sandboxOverHttp() {
  let server: Server
  const served = { portal: createSandboxPortal(), origin: '' }
  beforeAll(async () => {
    const middleware = createSandboxMiddleware(served.portal)
    server = createServer((req, res) => middleware(req, res, () => res.end()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    served.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })
  afterEach(() => served.portal.reset())
  return {
    get portal(): SandboxPortal {
      return served.portal
    },
    get origin(): string {
      return served.origin
    },
    seeded() {
      const { userId, secret, tokens } = served.portal.webhook()
      return { webhook: { origin: served.origin, userId, secret }, token: tokens[0] ?? '' }
    },
  }
}

/** Runs `use` against a host of the test's own on a free local port (one that is not Bitrix24), then closes it. */
export async function withOtherHost<T>(
  answer: RequestListener,
  use: (origin: string) => Promise<T>,
): Promise<T> {
  const other = createServer(answer)
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  try {
    return await use(`http://127.0.0.1:${(other.address() as AddressInfo).port}`)
  } finally {
    await new Promise((resolve) => other.close(resolve))
  }
}
