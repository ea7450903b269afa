import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  parseCommandTextsRequest,
  parseFaultInjection,
  parseSeedRequest,
  parseSettingsPatch,
  parseWebhookPatch,
  parseWebhookTokenRequest,
  type SandboxPortal,
  type SandboxSettingsPatch,
  type WebhookInfo,
} from '../emulator/index.ts'
import type { AppEntry } from './app-entry.ts'
import { HttpError, parseBody, readBody, sendJson } from './http-utils.ts'

/**
 * The control API under /sandbox/api/ (portal origin only; no CORS, so the app cannot reach it). Tests drive
 * the sandbox through it; the host page uses it for its drawer and for the frame handshake.
 */

/** What the control API needs beyond the emulator: where the portal page opens the app, and who serves it. */
export interface ControlSite {
  /** Where the portal page at `portalOrigin` opens the app now (GET /sandbox/api/app). */
  appEntry(portalOrigin: URL): Promise<AppEntry>
  /**
   * Makes ready what a settings patch needs outside the emulator (`appSource: 'package'`: the archive read, its
   * server started), before the patch applies; throws an HttpError (the patch is then not applied).
   */
  prepare(patch: SandboxSettingsPatch): Promise<void>
}

type Handler = (
  portal: SandboxPortal,
  body: () => Promise<Record<string, unknown>>,
  req: IncomingMessage,
  context: { url: URL; site: ControlSite },
) => unknown

const ok = { ok: true }

/**
 * The webhook as the controls show it, with its full URL on this portal's origin (the Host the request came to).
 * The secret leaves the server only here and in `npm start`'s banner: it is test tooling, as a portal admin sees it.
 */
function webhookView(info: WebhookInfo, req: IncomingMessage): WebhookInfo & { url: string } {
  return { url: `http://${req.headers.host ?? '127.0.0.1'}${info.path}`, ...info }
}

const ROUTES: Record<string, Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>> = {
  settings: {
    GET: (portal) => portal.getSettings(),
    POST: async (portal, body, _req, { site }) => {
      const patch = parseSettingsPatch(await body())
      await site.prepare(patch)
      return portal.updateSettings(patch)
    },
  },
  faults: {
    GET: (portal) => portal.listFaults(),
    POST: async (portal, body) => {
      portal.injectFault(parseFaultInjection(await body()))
      return portal.listFaults()
    },
    DELETE: (portal) => {
      portal.clearFaults()
      return portal.listFaults()
    },
  },
  reset: {
    POST: (portal) => {
      portal.reset()
      return ok
    },
  },
  log: {
    GET: (portal) => portal.getLog(),
    DELETE: (portal) => {
      portal.clearLog()
      return portal.getLog()
    },
  },
  state: { GET: (portal) => portal.getState() },
  seed: { POST: async (portal, body) => portal.seed(parseSeedRequest(await body())) },
  // A command's language rows exactly as given (titles and hints in any language): GET state shows them back.
  'command-texts': {
    POST: async (portal, body) => portal.setCommandTexts(parseCommandTextsRequest(await body())),
  },
  webhook: {
    GET: (portal, _body, req) => webhookView(portal.webhook(), req),
    POST: async (portal, body, req) =>
      webhookView(portal.updateWebhook(parseWebhookPatch(await body())), req),
  },
  'webhook/tokens': {
    // An empty body makes a token that owns no bots.
    POST: async (portal, body) => portal.createWebhookToken(parseWebhookTokenRequest(await body())),
  },
  'expire-tokens': {
    POST: (portal) => {
      portal.expireTokens()
      return ok
    },
  },
  app: { GET: (_portal, _body, _req, { url, site }) => site.appEntry(url) },
  // Tokens leave the server only in these two bodies, read by the host page and posted into the iframe.
  'frame/init-data': {
    POST: (portal, _body, req) => {
      // No frame while the app is not installed and the user is no administrator: nobody may ask.
      if (portal.opening() === 'not-installed') {
        throw new HttpError(403, 'The application is not installed: only an administrator may open it.')
      }
      if (!portal.getSettings().answerHandshake) return undefined
      return portal.initData(req.headers.host ?? '')
    },
  },
  // The host page received setInstallFinish (which it never answers, as a portal does not).
  'frame/install-finish': { POST: (portal) => portal.installFinish() },
  'frame/refresh-auth': {
    POST: (portal) => (portal.getSettings().answerRefreshAuth ? portal.refreshAuth() : undefined),
  },
}

export async function handleControl(
  portal: SandboxPortal,
  site: ControlSite,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const route = ROUTES[url.pathname.replace(/^\/sandbox\/api\//, '').replace(/\/$/, '')]
  if (!route) {
    sendJson(res, 404, { error: `No control route ${url.pathname}` })
    return
  }
  const handler = route[req.method as 'GET' | 'POST' | 'DELETE']
  if (!handler) {
    res.setHeader('Allow', Object.keys(route).join(', '))
    sendJson(res, 405, { error: `${req.method} is not allowed on ${url.pathname}` })
    return
  }
  const body = async () => parseBody(await readBody(req), req.headers['content-type'])
  try {
    const result = await handler(portal, body, req, { url, site })
    if (result === undefined) {
      // frame/init-data or frame/refresh-auth switched off: the host page must stay silent.
      res.statusCode = 204
      res.setHeader('Cache-Control', 'no-store')
      res.end()
      return
    }
    sendJson(res, 200, result)
  } catch (error) {
    if (error instanceof HttpError) sendJson(res, error.status, { error: error.message })
    else if (error instanceof TypeError || error instanceof RangeError)
      sendJson(res, 400, { error: error.message })
    else throw error
  }
}
