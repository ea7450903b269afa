import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseRestPath, type SandboxPortal } from '../emulator/index.ts'
import { answerPreflight, setRestHeaders } from './cors.ts'
import { delay, HttpError, parseBody, parseQuery, readBody, sendJson } from './http-utils.ts'

/** Query parameters minus the SDK's telemetry (`bx24_request_id`, `bx24_sdk_ver`, ...). */
function queryParams(search: string): Record<string, unknown> {
  const params = parseQuery(search.replace(/^\?/, ''))
  for (const key of Object.keys(params)) if (key.startsWith('bx24_')) delete params[key]
  return params
}

/**
 * REST over HTTP, `/rest/{method}` (OAuth, `auth` in the params) and `/rest/{user}/{secret}/{method}` (the inbound
 * webhook): CORS, params from query + body, the configured latency, then the portal's outcome. The same for http://
 * and https://: nothing here reads the scheme.
 */
export async function handleRest(portal: SandboxPortal, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method === 'OPTIONS') {
    answerPreflight(res)
    return
  }
  setRestHeaders(res)
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendJson(res, 405, { error: 'INVALID_REQUEST', error_description: 'Use GET or POST' })
    return
  }
  const path = parseRestPath(url.pathname)
  if (!path) {
    sendJson(res, 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' })
    return
  }
  let params: Record<string, unknown>
  try {
    params = { ...queryParams(url.search), ...parseBody(await readBody(req), req.headers['content-type']) }
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 400
    sendJson(res, status, { error: 'INVALID_REQUEST', error_description: (error as Error).message })
    return
  }
  const { method, webhook } = path
  const request = webhook ? { method, params, webhook } : { method, params }
  // A portal that never answers (a hold fault) keeps the request until the faults are cleared.
  await portal.hold(request)
  await delay(portal.getSettings().latencyMs)
  const outcome = portal.handle(request)
  if (outcome.drop) {
    // The server acted; the client never learns it (the SDK then retries, §6).
    res.socket?.destroy()
    return
  }
  if (outcome.raw) {
    // An answer that is not Bitrix24's (a not-bitrix fault), sent as it is.
    res.statusCode = outcome.status
    res.setHeader('content-type', outcome.raw.contentType)
    res.end(outcome.raw.text)
    return
  }
  sendJson(res, outcome.status, outcome.body)
}
