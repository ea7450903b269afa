// Where Debian's Chromium is and the flags it needs on this machine: one place for the tests, the bench and
// the install check. As root it needs --no-sandbox; with no network, the background-networking flags.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The app's frame stays cross-origin (same-origin policy, CORS and postMessage origins are unchanged), but
  // in the page's own renderer: headless Chromium sometimes routes real clicks for an out-of-process frame to
  // the parent page's <iframe> element for seconds at a time (seen in the e2e probe), and rasterizes such a
  // frame only near the viewport.
  '--disable-site-isolation-trials',
]
