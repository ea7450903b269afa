import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The app calls REST from its own origin (http://localhost:PORT), as an app on its own host calls a portal:
 * the portal answers preflights and names the caller's origin in Access-Control-Allow-Origin.
 */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*')
  res.setHeader('Vary', 'Origin')
}

/** Answers a preflight: 204, methods POST/GET/OPTIONS, content-type plus whatever headers were asked for. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  setCorsHeaders(req, res)
  const requested = req.headers['access-control-request-headers']
  const headers = new Set(['content-type'])
  for (const header of (requested ?? '').split(',')) {
    const name = header.trim().toLowerCase()
    if (name) headers.add(name)
  }
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', [...headers].join(', '))
  res.setHeader('Access-Control-Max-Age', '600')
  res.statusCode = 204
  res.end()
}
