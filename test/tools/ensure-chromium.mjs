// Makes sure the browser tests have Chromium: Debian's package at /usr/bin/chromium (Playwright's own
// download is not used). As root it installs the package when missing; otherwise it says what to install.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromiumPath } from './chromium.mjs'

if (!existsSync(chromiumPath)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${chromiumPath}; installing Debian's chromium package…`)
    const apt = (args) =>
      execFileSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
    try {
      apt(['install', '-y', '--no-install-recommends', 'chromium'])
    } catch {
      apt(['update'])
      apt(['install', '-y', '--no-install-recommends', 'chromium'])
    }
  }
  if (!existsSync(chromiumPath)) {
    console.error(
      `Chromium is missing: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    )
    process.exit(1)
  }
}
