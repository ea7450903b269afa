import type { Dictionary } from './types'

/**
 * The few words the page needs before any dictionary has arrived (the skeleton's status): they ship with the
 * page. Everything else, English included, comes in a chunk of its own, so a Russian or German portal does not
 * download the English core it never shows.
 */
export const enShell = {
  'app.connecting': 'Connecting to Bitrix24…',
} as const satisfies Dictionary
