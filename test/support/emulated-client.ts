import { stringify } from 'qs'
import { type BatchCall, type BatchOutcome, type PortalClient, PortalError } from '../../src/portal'
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
 * the e2e suite use, without a browser or HTTP. Calls travel as the SDK sends them (batch commands as
 * "method?query" strings). Records which client calls were made, for assertions on round trips.
 */
export function createEmulatedClient(
  options: SandboxPortalOptions & { isAdmin?: boolean; lang?: string } = {},
): {
  client: PortalClient
  portal: SandboxPortal
  requests: string[]
  frame: { heights: number[]; titles: string[] }
} {
  const portal = createSandboxPortal(options)
  const init = portal.initData('portal.test')
  let auth = init.AUTH_ID
  const requests: string[] = []
  const frame = { heights: [] as number[], titles: [] as string[] }

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

  const client: PortalClient = {
    lang: options.lang ?? init.LANG,
    isAdmin: options.isAdmin ?? init.IS_ADMIN,
    portalHost: 'portal.test',
    call: async (method, params = {}) => send(method, params),
    batch: async (calls: Record<string, BatchCall>) => {
      const cmd = Object.fromEntries(
        Object.entries(calls).map(([key, call]) => [key, `${call.method}?${stringify(call.params)}`]),
      )
      const answer = send('batch', { cmd, halt: 0 }) as {
        result: Record<string, unknown>
        result_error: Record<string, ErrorBody>
      }
      const outcomes: Record<string, BatchOutcome> = {}
      for (const [key, call] of Object.entries(calls)) {
        const failure = answer.result_error?.[key]
        outcomes[key] = failure
          ? {
              ok: false,
              error: {
                code: failure.error,
                status: 200,
                description: failure.error_description ?? '',
                method: call.method,
              },
            }
          : { ok: true, result: answer.result?.[key] }
      }
      return outcomes
    },
    fitToContent: (height) => frame.heights.push(height),
    setTitle: (title) => frame.titles.push(title),
  }
  return { client, portal, requests, frame }
}
