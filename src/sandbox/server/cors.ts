import type { ServerResponse } from 'node:http'

/**
 * The headers a live portal sends on every /rest/ answer and preflight (rest/classes/general/rest_util.php,
 * sendHeaders), whatever the shape setting: CORS for any origin and three request headers, no
 * Access-Control-Allow-Methods (GET and POST need none), and nosniff. A request that needs any other header fails
 * its preflight in the browser, as it would against Bitrix24: the sandbox must not let through what a portal
 * blocks.
 */
export const REST_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'origin, content-type, accept',
  'X-Content-Type-Options': 'nosniff',
}

export function setRestHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(REST_HEADERS)) res.setHeader(name, value)
}

/**
 * Answers a preflight as a portal does (rest/include.php): the same headers, 200, no body. Requested headers are
 * never echoed back, so the browser blocks any beyond the three.
 */
export function answerPreflight(res: ServerResponse): void {
  setRestHeaders(res)
  res.statusCode = 200
  res.setHeader('Content-Length', 0)
  res.end()
}
