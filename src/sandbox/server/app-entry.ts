import type { AppOpening, AppSource, SandboxPortal } from '../emulator/index.ts'
import { PACKAGE_ENTRY, PACKAGE_INSTALLER, type PackageHost } from './package-host.ts'

/**
 * Where the portal page opens the application now: the frame's origin and path, or no frame at all
 * (`opening: 'not-installed'`: Bitrix24's error page in its place). The host page reads it when it renders and
 * again before every reload of the frame (GET /sandbox/api/app).
 */
export interface AppEntry {
  opening: AppOpening
  /** Who serves it (the setting `appSource`). */
  source: AppSource
  /** The frame's origin: never the portal's. */
  origin: string
  /** The path of the page the frame opens on that origin. */
  path: string
}

/**
 * Where the app opens for a portal page on `portalPort`:
 * - from the sandbox's server (`appSource: 'server'`): the same server under the host name localhost, as a
 *   third-party app host; its installation path is the same page (the app reads install mode from the handshake);
 * - from the package: its own origin, `index.html`, or `install.html` while the app is not installed, as Bitrix24
 *   opens a static application's entry point and its installer.
 */
export async function appEntry(
  portal: SandboxPortal,
  portalPort: number,
  pkg: PackageHost,
): Promise<AppEntry> {
  const opening = portal.opening()
  if (portal.getSettings().appSource === 'package') {
    const origin = await pkg.origin()
    return { opening, source: 'package', origin, path: opening === 'app' ? PACKAGE_ENTRY : PACKAGE_INSTALLER }
  }
  return { opening, source: 'server', origin: `http://localhost:${portalPort}`, path: '/' }
}
