import type { AppOpening, SandboxPortal } from '../emulator/index.ts'

/**
 * Where the portal page opens the application now: the frame's origin and path, or no frame at all
 * (`opening: 'not-installed'`: Bitrix24's error page in its place). The host page reads it when it renders and
 * again before every reload of the frame (GET /sandbox/api/app).
 */
export interface AppEntry {
  opening: AppOpening
  /** The frame's origin: never the portal's. */
  origin: string
  /** The path of the page the frame opens on that origin. */
  path: string
}

/**
 * The app as the dev or preview server serves it: the same server under the host name localhost, as a third-party
 * app host. Its installation path is the same page: the app reads install mode from the handshake, not the URL.
 */
export function serverEntry(portal: SandboxPortal, portalPort: number): AppEntry {
  return { opening: portal.opening(), origin: `http://localhost:${portalPort}`, path: '/' }
}
