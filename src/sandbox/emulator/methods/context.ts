import { RestError } from '../errors.ts'
import type { MethodSchema } from '../spec.ts'
import type { PortalState } from '../state.ts'
import type { SandboxBot, SandboxSettings } from '../types.ts'
import type { ParamError, Params } from '../validate.ts'
import type { WebhookTokenRule } from '../webhook.ts'

/** What a method handler sees: the state, the current settings, and the calling application. */
export interface MethodContext {
  state: PortalState
  settings: SandboxSettings
  /**
   * The caller's owner key: the client id of the calling application (OAuth: the token's application), or
   * `"custom" + bot token` for a call through the inbound webhook. Bots and commands are theirs when keyed by it.
   */
  appId: string
  /**
   * Whether CommandLangTable::add fails for a row of this language on this call (a drop-titles fault: a database
   * failure Im\Command swallows); undefined when none is pending.
   */
  rowFails?: (language: string) => boolean
}

export interface MethodDefinition {
  name: string
  /** Schema the params are validated against before `run`; methods without one validate themselves. */
  schema?: MethodSchema
  /** The method's own errors for missing/invalid params (§3), instead of INVALID_ARG_VALUE. */
  paramErrors?: Record<string, ParamError>
  /**
   * In the live shape, top-level parameters the schema does not check: `run` gets them as sent and checks them as
   * the portal's controller does (whose checks differ from the published schema's).
   */
  liveAsSent?: readonly string[]
  /** The list in a successful answer that add-entry faults append to (`commands`, `bots`). */
  listKey?: string
  /** Where a webhook call names its bot token (inside the frame the application's own identity is used). */
  webhookToken: WebhookTokenRule
  /** Receives params already validated and coerced; throws RestError to fail. */
  run(params: Params, context: MethodContext): unknown
}

/** The bot, if it exists and belongs to the calling application (BOT_NOT_FOUND / BOT_OWNERSHIP_ERROR otherwise). */
export function ownBot(context: MethodContext, botId: number): SandboxBot {
  const bot = context.state.getBot(botId)
  if (!bot) throw new RestError('BOT_NOT_FOUND')
  if (bot.appId !== context.appId) throw new RestError('BOT_OWNERSHIP_ERROR')
  return bot
}

export function requirePositive(value: unknown, code: string, description?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new RestError(code, description)
  return value
}
