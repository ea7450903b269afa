import type {
  AnswerShape,
  AppSource,
  PortalLanguage,
  SandboxLang,
  SandboxSettings,
  SandboxSettingsPatch,
  WebhookAuthError,
  WebhookTokenError,
} from './types.ts'
import { isPlainObject } from './validate.ts'

/**
 * Bitrix24's 20 interface languages, which a portal's site language can be. The sandbox keeps its own list (the
 * app's is src/i18n/languages.ts) so that it stays an independent model of the portal.
 */
export const PORTAL_LANGUAGES: readonly PortalLanguage[] = [
  'en',
  'ru',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'ua',
  'tr',
  'kz',
  'ja',
  'sc',
  'tc',
  'vn',
  'id',
  'ms',
  'th',
  'ar',
  'in',
]

/** The languages the user's interface can be in: the same 20. */
export const SANDBOX_LANGS: readonly SandboxLang[] = PORTAL_LANGUAGES

/** The portal's site language: its own setting, or the user's language when it has none. */
export function portalLanguageOf(settings: SandboxSettings): PortalLanguage {
  return settings.portalLanguage ?? settings.lang
}

export const ANSWER_SHAPES: readonly AnswerShape[] = ['live', 'docs']

export const WEBHOOK_TOKEN_ERRORS: readonly WebhookTokenError[] = [
  'BOT_TOKEN_NOT_SPECIFIED',
  'CLIENT_ID_NOT_SPECIFIED',
]

export const APP_SOURCES: readonly AppSource[] = ['server', 'package']

export const WEBHOOK_AUTH_ERRORS: readonly WebhookAuthError[] = ['NO_AUTH_FOUND', 'INVALID_CREDENTIALS']

export const DEFAULT_SETTINGS: SandboxSettings = {
  isAdmin: true,
  lang: 'en',
  latencyMs: 0,
  tokenLifetimeSec: 3600,
  imbotV2: true,
  rateLimit: { burst: 50, drainPerSec: 2 },
  answerHandshake: true,
  answerRefreshAuth: true,
  // An app tried here must cope with what real portals send, not only with what the docs promise.
  answerShape: 'live',
  webhookTokenError: 'BOT_TOKEN_NOT_SPECIFIED',
  // A wrong, deleted or switched-off webhook answers 401 INVALID_CREDENTIALS "Invalid request credentials" on live
  // portals (rest/lib/apauth/auth.php, Auth::check); NO_AUTH_FOUND is the docs' code, kept as a variant to try.
  webhookAuthError: 'INVALID_CREDENTIALS',
  installed: true,
  appSource: 'server',
  // Most tests change `lang` and expect the titles in it: the portal speaks the user's language until told otherwise.
  portalLanguage: null,
  batchSubstitution: true,
}

export function copySettings(settings: SandboxSettings): SandboxSettings {
  return { ...settings, rateLimit: { ...settings.rateLimit } }
}

/** Applies a patch; numbers are clamped to what makes sense (a negative latency is no latency). */
export function mergeSettings(base: SandboxSettings, patch: SandboxSettingsPatch): SandboxSettings {
  const next = copySettings(base)
  if (patch.isAdmin !== undefined) next.isAdmin = patch.isAdmin
  if (patch.lang !== undefined && SANDBOX_LANGS.includes(patch.lang)) next.lang = patch.lang
  if (patch.latencyMs !== undefined) next.latencyMs = Math.max(0, patch.latencyMs)
  if (patch.tokenLifetimeSec !== undefined)
    next.tokenLifetimeSec = Math.max(1, Math.round(patch.tokenLifetimeSec))
  if (patch.imbotV2 !== undefined) next.imbotV2 = patch.imbotV2
  if (patch.answerHandshake !== undefined) next.answerHandshake = patch.answerHandshake
  if (patch.answerRefreshAuth !== undefined) next.answerRefreshAuth = patch.answerRefreshAuth
  if (patch.answerShape !== undefined && ANSWER_SHAPES.includes(patch.answerShape))
    next.answerShape = patch.answerShape
  if (patch.webhookTokenError !== undefined && WEBHOOK_TOKEN_ERRORS.includes(patch.webhookTokenError))
    next.webhookTokenError = patch.webhookTokenError
  if (patch.webhookAuthError !== undefined && WEBHOOK_AUTH_ERRORS.includes(patch.webhookAuthError))
    next.webhookAuthError = patch.webhookAuthError
  if (patch.installed !== undefined) next.installed = patch.installed
  if (patch.appSource !== undefined && APP_SOURCES.includes(patch.appSource)) next.appSource = patch.appSource
  if (
    patch.portalLanguage === null ||
    (patch.portalLanguage && PORTAL_LANGUAGES.includes(patch.portalLanguage))
  )
    next.portalLanguage = patch.portalLanguage
  if (patch.batchSubstitution !== undefined) next.batchSubstitution = patch.batchSubstitution
  if (patch.rateLimit?.burst !== undefined) next.rateLimit.burst = Math.max(1, patch.rateLimit.burst)
  if (patch.rateLimit?.drainPerSec !== undefined) {
    next.rateLimit.drainPerSec = Math.max(0, patch.rateLimit.drainPerSec)
  }
  return next
}

function readBoolean(input: Record<string, unknown>, key: string): boolean | undefined {
  const value = input[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw new TypeError(`settings.${key} must be a boolean`)
  return value
}

function readNumber(input: Record<string, unknown>, key: string, path = key): number | undefined {
  const value = input[key]
  if (value === undefined) return undefined
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new TypeError(`settings.${path} must be a number`)
  return number
}

/** Reads a settings patch from untrusted JSON (control API); throws a TypeError naming the bad field. */
export function parseSettingsPatch(input: unknown): SandboxSettingsPatch {
  if (!isPlainObject(input)) throw new TypeError('settings must be an object')
  const patch: SandboxSettingsPatch = {}
  const isAdmin = readBoolean(input, 'isAdmin')
  if (isAdmin !== undefined) patch.isAdmin = isAdmin
  const imbotV2 = readBoolean(input, 'imbotV2')
  if (imbotV2 !== undefined) patch.imbotV2 = imbotV2
  const answerHandshake = readBoolean(input, 'answerHandshake')
  if (answerHandshake !== undefined) patch.answerHandshake = answerHandshake
  const answerRefreshAuth = readBoolean(input, 'answerRefreshAuth')
  if (answerRefreshAuth !== undefined) patch.answerRefreshAuth = answerRefreshAuth
  const installed = readBoolean(input, 'installed')
  if (installed !== undefined) patch.installed = installed
  const batchSubstitution = readBoolean(input, 'batchSubstitution')
  if (batchSubstitution !== undefined) patch.batchSubstitution = batchSubstitution
  if (input.portalLanguage !== undefined) {
    if (input.portalLanguage !== null && !PORTAL_LANGUAGES.includes(input.portalLanguage as PortalLanguage))
      throw new TypeError(`settings.portalLanguage must be null or one of ${PORTAL_LANGUAGES.join(', ')}`)
    patch.portalLanguage = input.portalLanguage as PortalLanguage | null
  }
  if (input.lang !== undefined) {
    if (!SANDBOX_LANGS.includes(input.lang as SandboxLang))
      throw new TypeError('settings.lang must be en, ru or de')
    patch.lang = input.lang as SandboxLang
  }
  if (input.answerShape !== undefined) {
    if (!ANSWER_SHAPES.includes(input.answerShape as AnswerShape))
      throw new TypeError("settings.answerShape must be 'live' or 'docs'")
    patch.answerShape = input.answerShape as AnswerShape
  }
  if (input.webhookTokenError !== undefined) {
    if (!WEBHOOK_TOKEN_ERRORS.includes(input.webhookTokenError as WebhookTokenError))
      throw new TypeError(
        "settings.webhookTokenError must be 'BOT_TOKEN_NOT_SPECIFIED' or 'CLIENT_ID_NOT_SPECIFIED'",
      )
    patch.webhookTokenError = input.webhookTokenError as WebhookTokenError
  }
  if (input.webhookAuthError !== undefined) {
    if (!WEBHOOK_AUTH_ERRORS.includes(input.webhookAuthError as WebhookAuthError))
      throw new TypeError("settings.webhookAuthError must be 'NO_AUTH_FOUND' or 'INVALID_CREDENTIALS'")
    patch.webhookAuthError = input.webhookAuthError as WebhookAuthError
  }
  if (input.appSource !== undefined) {
    if (!APP_SOURCES.includes(input.appSource as AppSource))
      throw new TypeError("settings.appSource must be 'server' or 'package'")
    patch.appSource = input.appSource as AppSource
  }
  const latencyMs = readNumber(input, 'latencyMs')
  if (latencyMs !== undefined) patch.latencyMs = latencyMs
  const tokenLifetimeSec = readNumber(input, 'tokenLifetimeSec')
  if (tokenLifetimeSec !== undefined) patch.tokenLifetimeSec = tokenLifetimeSec
  if (input.rateLimit !== undefined) {
    if (!isPlainObject(input.rateLimit)) throw new TypeError('settings.rateLimit must be an object')
    const burst = readNumber(input.rateLimit, 'burst', 'rateLimit.burst')
    const drainPerSec = readNumber(input.rateLimit, 'drainPerSec', 'rateLimit.drainPerSec')
    patch.rateLimit = {}
    if (burst !== undefined) patch.rateLimit.burst = burst
    if (drainPerSec !== undefined) patch.rateLimit.drainPerSec = drainPerSec
  }
  return patch
}
