/**
 * The in-memory Bitrix24 sandbox portal: the REST methods of reference/bitrix24.md §3 over seeded state, with
 * tokens, the rate limit, fault injection and a call log. Pure TypeScript: usable from the dev server, from
 * unit tests and from component tests in jsdom alike.
 */
import { METHODS } from './methods'

export { KNOWN_ERROR_CODES, RestError, statusOf } from './errors'
export { parseFaultInjection } from './faults'
export { createSandboxPortal } from './portal'
export { OTHER_APP_ID, parseSeedRequest, QUOTES_APP_ID, SEED_BOT_IDS, SEED_COMMAND_IDS } from './seed'
export { DEFAULT_SETTINGS, parseSettingsPatch, SANDBOX_LANGS } from './settings'
export { APP_ID } from './state'
export type * from './types'

/** Every method name the emulator answers, for pickers and tests (batch included). */
export const EMULATED_METHODS: readonly string[] = [...METHODS.map((method) => method.name), 'batch']
