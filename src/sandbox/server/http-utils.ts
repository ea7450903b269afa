import type { IncomingMessage, ServerResponse } from 'node:http'
import qs from 'qs'

/** Bodies past this size are refused: the largest real call (a 50-call batch) is a few kilobytes. */
const MAX_BODY_BYTES = 2 * 1024 * 1024

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** PHP-style brackets (`LANG[0][TITLE]=...`), as Bitrix24 reads form posts and query strings. */
export function parseQuery(query: string): Record<string, unknown> {
  return qs.parse(query, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }) as Record<string, unknown>
}

/** A JSON object, a form post, or nothing; throws HttpError(400) for a body that is neither. */
export function parseBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body.trim() === '') return {}
  const type = (contentType ?? '').toLowerCase()
  if (type.includes('application/x-www-form-urlencoded')) return parseQuery(body)
  if (type.includes('json') || /^\s*[[{]/.test(body)) {
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      throw new HttpError(400, 'Request body is not valid JSON')
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new HttpError(400, 'Request body must be a JSON object')
    }
    return value as Record<string, unknown>
  }
  return parseQuery(body)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  // Answers may carry tokens (frame endpoints) or change with every call: never cache them.
  res.setHeader('Cache-Control', 'no-store')
  res.end(text)
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', contentType)
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

export function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  // unref: a slow answer still under way never keeps the server's process alive once it is closing.
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
