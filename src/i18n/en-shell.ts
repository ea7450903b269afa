import type { Messages } from './types'

/**
 * The few words the page needs before any dictionary has arrived (the skeleton's status): they ship with the
 * page. Everything else, English included, is fetched, so a Russian or Arabic portal does not download the English
 * core it never shows.
 */
export const enShell: Messages = {
  'app.connecting': 'Connecting to Bitrix24…',
}
