/**
 * What Bitrix24 tells an app page before any script runs: the iframe's `window.name`
 * ("{portal host}|{1 if https}|{APP_SID}") and the LANG query parameter. Read without the SDK so that
 * the outside-Bitrix24 page and the skeleton's language cost no SDK download.
 */
export function isInsideBitrix24(frameName: string = window.name): boolean {
  const [host, , appSid] = frameName.split('|')
  return Boolean(host) && Boolean(appSid)
}

export function languageHint(search: string = window.location.search): string | null {
  return new URLSearchParams(search).get('LANG')
}
