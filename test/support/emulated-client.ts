import { type BatchCall, type PortalClient, PortalError } from '../../src/portal'
import { batchCommands, readBatchAnswer } from '../../src/portal/on-demand/batch-envelope'
import { readSdkFailure } from '../../src/portal/on-demand/sdk-failure'
import {
  createSandboxPortal,
  type SandboxPortal,
  type SandboxPortalOptions,
} from '../../src/sandbox/emulator'

interface ErrorBody {
  error: string
  error_description?: string
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  typeof body === 'object' && body !== null && typeof (body as ErrorBody).error === 'string'

/**
 * A PortalClient backed by the sandbox's emulator in memory: the same portal behaviour the dev server and
 * the e2e suite use, without a browser or HTTP. Calls travel as the app sends them (batch commands as
 * "method?query" strings, read back by the app's own batch envelope code). Records which client calls were made, for assertions on round trips.
 */
/** The portal's options, and what the frame says of the user and the visit (overriding the handshake's). */
export type EmulatedClientOptions = SandboxPortalOptions & {
  isAdmin?: boolean
  lang?: string
  installMode?: boolean
}

export function createEmulatedClient(options: EmulatedClientOptions = {}): {
  client: PortalClient
  portal: SandboxPortal
  requests: string[]
  frame: { heights: number[]; titles: string[]; installFinished: number[] }
} {
  const portal = createSandboxPortal(options)
  const init = portal.initData('portal.test')
  let auth = init.AUTH_ID
  const requests: string[] = []
  const frame = { heights: [] as number[], titles: [] as string[], installFinished: [] as number[] }

  const send = (method: string, params: Record<string, unknown>) => {
    requests.push(method)
    let outcome = portal.handle({ method, params: { ...params, auth } })
    // The SDK renews an expired token through the parent page and retries once.
    if (outcome.status === 401 && isErrorBody(outcome.body) && outcome.body.error === 'expired_token') {
      auth = portal.refreshAuth().AUTH_ID
      outcome = portal.handle({ method, params: { ...params, auth } })
    }
    if (outcome.drop) {
      throw new PortalError({
        code: 'NETWORK_ERROR',
        status: 0,
        description: 'Network connection failed',
        method,
      })
    }
    if (outcome.raw) {
      // An answer that is not Bitrix24's, read as the SDK client reads it (sdk-failure.ts).
      const { contentType, text } = outcome.raw
      const data = contentType.includes('json') ? JSON.parse(text) : text
      const answer = { status: outcome.status, type: contentType, data }
      throw new PortalError(readSdkFailure({ answer }, method))
    }
    if (isErrorBody(outcome.body)) {
      throw new PortalError({
        code: outcome.body.error,
        status: outcome.status,
        description: outcome.body.error_description ?? '',
        method,
      })
    }
    return (outcome.body as { result: unknown }).result
  }

  // The portal's latency setting, as the sandbox's server applies it: before the portal acts (on the test's clock).
  const latency = async () => {
    const { latencyMs } = portal.getSettings()
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
  }

  const client: PortalClient = {
    mode: 'frame',
    lang: options.lang ?? init.LANG,
    isAdmin: options.isAdmin ?? init.IS_ADMIN,
    portalHost: 'portal.test',
    installMode: options.installMode ?? init.INSTALL,
    finishInstall: () => frame.installFinished.push(Date.now()),
    call: async (method, params = {}) => {
      await latency()
      return send(method, params)
    },
    // Batch is encoded and read by the app's own envelope code, as the frame client does.
    batch: async (calls: Record<string, BatchCall>) => {
      await latency()
      return readBatchAnswer(send('batch', { cmd: batchCommands(calls), halt: 0 }), calls)
    },
    fitToContent: (height) => frame.heights.push(height),
    setTitle: (title) => frame.titles.push(title),
  }
  return { client, portal, requests, frame }
}
