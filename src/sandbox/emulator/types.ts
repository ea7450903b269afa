/** Public types of the in-memory sandbox portal. Pure data: no Node or DOM types. */

/** The user's interface language (LANG in getInitData): the app has dictionaries for these three. */
/** The language of the portal's interface for the user (the frame's LANG): any of Bitrix24's 20. */
export type SandboxLang = PortalLanguage

/**
 * A language id of Bitrix24's interface, as a portal's site language can be (the 20 of
 * shared/reference/live-portal.md, Round 2). Titles may be stored under any id of at most 2 characters.
 */
export type PortalLanguage =
  | 'en'
  | 'ru'
  | 'de'
  | 'la'
  | 'br'
  | 'fr'
  | 'it'
  | 'pl'
  | 'ua'
  | 'tr'
  | 'kz'
  | 'ja'
  | 'sc'
  | 'tc'
  | 'vn'
  | 'id'
  | 'ms'
  | 'th'
  | 'ar'
  | 'in'

/**
 * Which Bitrix24 the sandbox imitates: 'live' answers as live portals do (shared/reference/live-portal.md: built-in
 * commands, "Y"/"N" flags, v2 errors as HTTP 400, ...), 'docs' as the REST documentation and src/sandbox/spec/
 * describe. Transport (CORS, batch, the envelope) is the same in both.
 */
export type AnswerShape = 'live' | 'docs'

/**
 * What an imbot.v2 method answers to a webhook call without a bot token: BOT_TOKEN_NOT_SPECIFIED today,
 * CLIENT_ID_NOT_SPECIFIED on older cloud builds (shared/reference/live-portal.md).
 */
export type WebhookTokenError = 'BOT_TOKEN_NOT_SPECIFIED' | 'CLIENT_ID_NOT_SPECIFIED'

/**
 * What a wrong, revoked or expired webhook answers: 401 INVALID_CREDENTIALS "Invalid request credentials" as live
 * portals do (rest/lib/apauth/auth.php, the default), or 401 NO_AUTH_FOUND (the reference's §4).
 */
export type WebhookAuthError = 'NO_AUTH_FOUND' | 'INVALID_CREDENTIALS'

/**
 * Who serves the app the portal page frames: 'server', the sandbox's own server on localhost:PORT (npm start's
 * development build, or the production build under `vite preview` and the e2e suite); 'package', the files of
 * bot-commands.zip on an origin of their own, as Bitrix24 serves an uploaded static application.
 */
export type AppSource = 'server' | 'package'

export interface SandboxSettings {
  /** IS_ADMIN in getInitData. */
  isAdmin: boolean
  /** The user's interface language: LANG in getInitData (the SDK's getLang()). Not the language of the titles. */
  lang: SandboxLang
  /**
   * The portal's site language, null for "the same as `lang`": the language of every REST request (LANGUAGE_ID),
   * hence of the titles imbot.v2.Command.list answers, and the portal's default language (Im\Bot::getDefaultLanguage,
   * the titles' fallback and Bot.list's `language`).
   */
  portalLanguage: PortalLanguage | null
  /** Delay the HTTP layer adds before answering each REST request. */
  latencyMs: number
  /** AUTH_EXPIRES of newly issued tokens; enforced server-side. */
  tokenLifetimeSec: number
  /** false: the portal predates imbot.v2, every imbot.v2.* method answers ERROR_METHOD_NOT_FOUND. */
  imbotV2: boolean
  /** Leaky bucket of §5: `burst` requests at once, draining `drainPerSec` per second. */
  rateLimit: { burst: number; drainPerSec: number }
  /** false: the host page never answers getInitData (handshake time-out scenario). */
  answerHandshake: boolean
  /** false: the host page never answers refreshAuth (a session that cannot be renewed). */
  answerRefreshAuth: boolean
  /** The shape of imbot.v2 answers and errors: as live portals send them (default) or as documented. */
  answerShape: AnswerShape
  /** A webhook call to an imbot.v2 method without botToken answers this code (HTTP 400). */
  webhookTokenError: WebhookTokenError
  /** A wrong, revoked or expired webhook answers this code (HTTP 401). */
  webhookAuthError: WebhookAuthError
  /**
   * false: a fresh install of a local application whose installation path is filled (live-portal.md, Round 2).
   * An administrator gets the installation path in the frame with INSTALL: true; anyone else gets the portal's
   * error page and no frame; the setInstallFinish message makes it true.
   */
  installed: boolean
  /** Who serves the app in the frame: the sandbox's server (default) or the uploaded package (bot-commands.zip). */
  appSource: AppSource
  /**
   * true (default): `batch` replaces `$result[…]`, `$error[…]`, `$time[…]`, `$next[…]` and `$total[…]` in its
   * commands' parameters as rest_util.php processBatchElement does; false: the parameters arrive as written.
   */
  batchSubstitution: boolean
}

export interface SandboxSettingsPatch extends Partial<Omit<SandboxSettings, 'rateLimit'>> {
  rateLimit?: Partial<SandboxSettings['rateLimit']>
}

/**
 * An option store of the handshake (APP_OPTIONS, USER_OPTIONS): live portals send an empty one as `[]` (PHP's empty
 * array), a filled one as an object.
 */
export type OptionStore = Record<string, unknown> | []

/** Payload of the getInitData answer of §1, typed as live portals send it (live-portal.md, Round 2). */
export interface InitData {
  LANG: SandboxLang
  DOMAIN: string
  PROTOCOL: 0 | 1
  PATH: '/rest/'
  AUTH_ID: string
  /** Seconds, as a string ("3600"): the SDK reads it with parseInt. */
  AUTH_EXPIRES: string
  REFRESH_ID: string
  MEMBER_ID: string
  FIRST_RUN: boolean
  IS_ADMIN: boolean
  /** true: the frame holds the installation path of an application not installed yet (administrators only). */
  INSTALL: boolean
  USER_OPTIONS: OptionStore
  APP_OPTIONS: OptionStore
  PLACEMENT: 'DEFAULT'
  PLACEMENT_OPTIONS: Record<string, unknown>
}

export interface AuthTokens {
  AUTH_ID: string
  /** Seconds, as a string, as in InitData. */
  AUTH_EXPIRES: string
  REFRESH_ID: string
}

/**
 * What the portal page shows for the application now: the app ('app'), its installation path with INSTALL: true
 * ('install', an administrator while it is not installed), or Bitrix24's error page without a frame
 * ('not-installed', anyone else while it is not installed).
 */
export type AppOpening = 'app' | 'install' | 'not-installed'

/** What the setInstallFinish message did: the application is installed, and how many such messages came. */
export interface InstallFinishResult {
  installed: boolean
  /** setInstallFinish messages received since the last reset, this one included. */
  installFinishCalls: number
}

export type SandboxBotType = 'bot' | 'supervisor' | 'network' | 'openline' | 'personal'

/** Who registered a bot or command: an application (OAuth), or an inbound webhook with a bot token. */
export type SandboxOwner = 'app' | 'webhook'

export interface SandboxBot {
  id: number
  code: string
  name: string
  type: SandboxBotType
  /**
   * The owner key: the client id of the application that registered the bot, or `"custom" + bot token` for a bot
   * registered through a webhook (as Bitrix24 stores it). In snapshots a webhook owner's key reads "custom•••".
   */
  appId: string
  isHidden: boolean
  isSupportOpenline: boolean
  language: string
  eventMode: 'fetch' | 'webhook'
  countMessage: number
  countChat: number
  countUser: number
}

export interface SandboxCommand {
  id: number
  botId: number
  /** Owner key of whoever registered the command (may differ from the bot's); see SandboxBot.appId. */
  appId: string
  /** Without the leading slash, as Bitrix24 stores it; v2 lists it as "/command". */
  command: string
  /**
   * The command's language rows (CommandLangTable), in their order: the title of each language id ("en", "fr", any
   * id of at most 2 characters), as a fetch gives it back (emoji decoded).
   */
  titles: Record<string, string>
  /** The hint of each row's language ('' when it has none). */
  params: Record<string, string>
  common: boolean
  hidden: boolean
  extranetSupport: boolean
  category: string
  context: string
  eventCommandAdd: string
  /** Bitrix24 refuses to delete it (WRONG_REQUEST). */
  undeletable: boolean
}

/** A bot as getState() shows it: who owns it, and never a webhook's bot token. */
export interface SandboxBotSnapshot extends SandboxBot {
  owner: SandboxOwner
}

export interface SandboxCommandSnapshot extends SandboxCommand {
  owner: SandboxOwner
}

export interface SandboxStateSnapshot {
  bots: SandboxBotSnapshot[]
  commands: SandboxCommandSnapshot[]
  /** setInstallFinish messages the portal page received since the last reset (an installed app sends none). */
  installFinishCalls: number
}

/** What POST /sandbox/api/command-texts sets: a command's language rows, exactly (test setup, no validation). */
export interface CommandTextsRequest {
  commandId: number
  /** Title by language id, in row order: the command gets a row for each, and only those. */
  titles: Record<string, string>
  /** Hint by language id; a row without one gets ''. */
  params?: Record<string, string>
}

export interface SeedRequest {
  /** Remove every bot and command first (an empty portal when nothing else is asked). */
  replace?: boolean
  /** Create this many new bots of this application... */
  bots?: number
  /** ...each with this many generated commands. */
  commandsPerBot?: number
  /** Add `commands` generated commands to this existing bot. */
  botId?: number
  commands?: number
}

export interface SeedResult {
  botIds: number[]
  commandIds: number[]
}

/** The identity in an inbound webhook's URL, `/rest/{userId}/{secret}/{method}`. */
export interface WebhookCredentials {
  userId: string
  secret: string
}

export interface RestRequest {
  method: string
  /** Every parameter, `auth` included (ignored for a webhook call). */
  params: Record<string, unknown>
  /** A call through an inbound webhook: authenticated by these instead of `auth`. */
  webhook?: WebhookCredentials
}

/** The sandbox's one inbound webhook, as the controls show it. */
export interface WebhookInfo {
  userId: number
  /** The webhook's secret: test tooling may read it; the app never shows it. */
  secret: string
  /** `/rest/{userId}/{secret}/`: append a method name. */
  path: string
  /** Bot tokens the sandbox seeded or made (any other string is a valid token too, owning no bots). */
  tokens: string[]
  /** Deleted by the admin: every call answers 401. */
  revoked: boolean
  /** Past its end date: every call answers 401 ("Webhook has expired"). */
  expired: boolean
  /** Its permissions; without "imbot" every imbot.* method answers 403 insufficient_scope. */
  scopes: string[]
}

/** What POST /sandbox/api/webhook changes. */
export interface WebhookPatch {
  revoked?: boolean
  imbotScope?: boolean
  expired?: boolean
}

/** A new bot token, optionally owning generated webhook bots. */
export interface WebhookTokenRequest {
  bots?: number
  commandsPerBot?: number
}

export interface WebhookTokenResult {
  token: string
  botIds: number[]
  commandIds: number[]
}

export interface RestOutcome {
  status: number
  body: unknown
  /** The HTTP layer must destroy the socket without answering: the server already acted. */
  drop: boolean
  /** Sent as it is instead of `body` as JSON: an answer that is not Bitrix24's (a not-bitrix fault). */
  raw?: { contentType: string; text: string }
}

export type FaultMode = 'error' | 'drop' | 'add-entry' | 'not-bitrix' | 'drop-titles' | 'hold' | 'echo'

interface FaultBase {
  method: string
  /** How many more matching calls it applies to. */
  count: number
  /** Only calls whose params equal these (compared as strings) consume the fault. */
  match?: Record<string, string | number>
}

/** Answer with an error instead of acting. */
export interface ErrorFault extends FaultBase {
  mode: 'error'
  /** May be "": live portals send some errors with an empty code and only a description. */
  code: string
  /** error_description; the code's own text when left out. */
  description?: string
}

/** Act, then drop the connection without an answer. */
export interface DropFault extends FaultBase {
  mode: 'drop'
  /** What the client will report (e.g. NETWORK_ERROR); only shown in the list of faults. */
  code?: string
}

/** Append `entry` to the list of a successful answer (`commands`, `bots`): an entry the app cannot read. */
export interface AddEntryFault extends FaultBase {
  mode: 'add-entry'
  /** Any JSON value. */
  entry: unknown
}

/**
 * Answer as something that is not Bitrix24 would, before the portal sees the call (nothing is done): a web page (a
 * sign-in or maintenance page of a proxy in front of the portal), or JSON that is not the REST envelope.
 */
export interface NotBitrixFault extends FaultBase {
  mode: 'not-bitrix'
  answer: 'html' | 'json'
  /** HTTP status of that answer; 200 when left out. */
  status: number
}

/**
 * Act and answer success, but lose language rows the call adds, as a database failure does on a live portal:
 * Im\Command::update deletes every language row of the command and adds the new set one row at a time, each
 * CommandLangTable::add inside `try {…} catch (Exception $e) {}` with its result ignored (im/lib/command.php, lines
 * 217-247; ::register the same, lines 120-143). `Exception` there is Bitrix\Main\DB\Exception (line 14), which
 * SqlQueryException extends (main/lib/db/sqlqueryexception.php, sqlexception.php), so a lock timeout, a full disk or
 * a charset the column refuses loses that language while the method answers 200 with the command. Only for
 * imbot.v2.Command.update and imbot.v2.Command.register; a call uses one up only when it drops a row.
 */
export interface DropTitlesFault extends FaultBase {
  mode: 'drop-titles'
  /** The one language (lower case, as Im\Command stores it) whose row is lost; every row when left out. */
  language?: string
}

/**
 * Hold the call without an answer, as a portal that never answers does, until the faults are cleared (or the sandbox
 * reset): then it runs as any call does, and its answer goes to whoever still listens. Held at the HTTP layer, before
 * the portal sees the call (it is logged once it runs).
 */
export interface HoldFault extends FaultBase {
  mode: 'hold'
}

/**
 * Answer with an error that repeats what the call carried, as a careless or hostile server does, before the portal
 * checks anything (a wrong webhook secret is echoed too): the webhook's path URL-encoded, the parameters as a query
 * string (PHP's urlencode, `+` for a space) and as PHP's json_encode writes them (`\/`, `\uXXXX`), and the secret and
 * parameters as read (decoded). Never `auth`. Status 400.
 */
export interface EchoFault extends FaultBase {
  mode: 'echo'
  /** The error's code; "" (the default) makes the app word it by its description. */
  code: string
}

/** A pending fault, as listed. */
export type FaultInjection =
  | ErrorFault
  | DropFault
  | AddEntryFault
  | NotBitrixFault
  | DropTitlesFault
  | HoldFault
  | EchoFault

/** What injectFault and POST /sandbox/api/faults accept: `count` defaults to 1, `mode` to 'error'. */
export type FaultRequest =
  | (Omit<ErrorFault, 'count' | 'mode'> & { count?: number; mode?: 'error' })
  | (Omit<DropFault, 'count'> & { count?: number })
  | (Omit<AddEntryFault, 'count'> & { count?: number })
  | (Omit<DropTitlesFault, 'count'> & { count?: number })
  | (Omit<HoldFault, 'count'> & { count?: number })
  | (Omit<EchoFault, 'count' | 'code'> & { count?: number; code?: string })
  | (Omit<NotBitrixFault, 'count' | 'answer' | 'status'> & {
      count?: number
      answer?: 'html' | 'json'
      status?: number
    })

export interface RestLogEntry {
  seq: number
  at: string
  method: string
  /** Never contains `auth`; bot tokens (`botToken`, `CLIENT_ID`, ...) read "•••". */
  params: Record<string, unknown>
  status: number
  error?: string
  /** seq of the parent batch entry. */
  inBatch?: number
  dropped?: boolean
  /** The injected fault this call consumed. */
  fault?: FaultMode
  /** The call came through the inbound webhook (its secret and bot tokens are never logged). */
  via?: 'webhook'
}

export interface RestTime {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating_reset_at: number
  operating: number
}

export interface RestSuccessBody {
  result: unknown
  time: RestTime
}

export interface RestErrorBody {
  error: string
  error_description: string
}

export interface SandboxPortalOptions {
  /** Milliseconds since the epoch; inject a fake clock in tests. */
  now?: () => number
  settings?: SandboxSettingsPatch
}

export interface SandboxPortal {
  getSettings(): SandboxSettings
  updateSettings(patch: SandboxSettingsPatch): SandboxSettings
  /**
   * getInitData payload for a host page served at `portalHost` (e.g. "127.0.0.1:5173"); issues a fresh token.
   * INSTALL is true while the application is not installed.
   */
  initData(portalHost: string): InitData
  /** What the portal page shows for the application, from the settings `installed` and `isAdmin`. */
  opening(): AppOpening
  /** The setInstallFinish message arrived: the application is installed from now on; counts the message. */
  installFinish(): InstallFinishResult
  /** New token; every older one stops working (answers 401 expired_token, so that a client refreshes). */
  refreshAuth(): AuthTokens
  /** Every token issued so far answers 401 expired_token from now on. */
  expireTokens(): void
  handle(request: RestRequest): RestOutcome
  /**
   * A pending hold fault for this call, used up: resolves when the faults are cleared or the sandbox reset (the HTTP
   * layer then hands the call to `handle`); undefined when none applies.
   */
  hold(request: RestRequest): Promise<void> | undefined
  /** Validates like POST /sandbox/api/faults (TypeError naming the bad field) and adds the fault. */
  injectFault(fault: FaultRequest): void
  listFaults(): FaultInjection[]
  clearFaults(): void
  /**
   * Seed state, default settings (constructor overrides kept: `installed` is true unless the portal was made with
   * `installed: false`), no setInstallFinish counted, no faults, empty log, new tokens.
   */
  reset(): void
  getLog(): RestLogEntry[]
  clearLog(): void
  getState(): SandboxStateSnapshot
  seed(request: SeedRequest): SeedResult
  /** Sets a command's language rows exactly (test setup); a RangeError when there is no such command. */
  setCommandTexts(request: CommandTextsRequest): SandboxCommandSnapshot
  /** The inbound webhook: its secret, the bot tokens, and whether it is revoked, expired or lacks a scope. */
  webhook(): WebhookInfo
  updateWebhook(patch: WebhookPatch): WebhookInfo
  /** A new bot token (`sandbox-bot-token-N`), with generated webhook bots owned by it if asked. */
  createWebhookToken(request?: WebhookTokenRequest): WebhookTokenResult
}
