/**
 * The in-memory Bitrix24 sandbox portal: the REST methods of reference/bitrix24.md §3 over seeded state, with
 * tokens and an inbound webhook, the rate limit, fault injection and a call log, answering as live portals do or as the docs describe. Pure TypeScript: usable from the dev server, from
 * unit tests and from component tests in jsdom alike.
 */
import { METHODS } from './methods/index.ts'

export { isTransportCode, KNOWN_ERROR_CODES, RestError, statusOf } from './errors.ts'
export { parseFaultInjection } from './faults.ts'
export { REDACTED } from './log.ts'
export { BUILT_IN_COMMANDS } from './methods/built-in-commands.ts'
export type { DocsCommandEntry, LiveCommandEntry } from './methods/command-entries.ts'
export { createSandboxPortal } from './portal.ts'
export {
  OTHER_APP_ID,
  parseCommandTextsRequest,
  parseSeedRequest,
  QUOTES_APP_ID,
  SEED_BOT_IDS,
  SEED_COMMAND_IDS,
} from './seed.ts'
export {
  ANSWER_SHAPES,
  APP_SOURCES,
  DEFAULT_SETTINGS,
  PORTAL_LANGUAGES,
  parseSettingsPatch,
  portalLanguageOf,
  SANDBOX_LANGS,
  WEBHOOK_AUTH_ERRORS,
  WEBHOOK_TOKEN_ERRORS,
} from './settings.ts'
export { type MethodSchema, MODELLED_SCHEMAS, type SchemaField } from './spec.ts'
export { APP_ID, webhookOwnerKey } from './state.ts'
export type * from './types.ts'
export {
  parseRestPath,
  parseWebhookPatch,
  parseWebhookTokenRequest,
  type RestPath,
  SEED_WEBHOOK,
} from './webhook.ts'

/** Every method name the emulator answers, for pickers and tests (batch included). */
export const EMULATED_METHODS: readonly string[] = [...METHODS.map((method) => method.name), 'batch']
