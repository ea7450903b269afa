/** What the rest of the app knows about Bitrix24: a small typed client, whatever connects it. */
export interface PortalClient {
  /** How the app is connected: inside the Bitrix24 frame, or through an inbound webhook in a plain tab. */
  readonly mode: 'frame' | 'webhook'
  /** The portal's interface language as Bitrix24 reports it (e.g. "en", "ru", "de", "ua"). */
  readonly lang: string
  /** Whether the current user is a portal administrator. */
  readonly isAdmin: boolean
  /** The portal's host name, for naming exported files. Never carries credentials. */
  readonly portalHost: string
  /** One REST call; resolves with the method's `result`, rejects with a {@link PortalError}. */
  call(method: string, params?: Record<string, unknown>): Promise<unknown>
  /**
   * One `batch` HTTP request with `halt=0` (at most 50 calls). Resolves with every call's own outcome;
   * rejects with a {@link PortalError} only when the request as a whole fails.
   */
  batch(calls: Record<string, BatchCall>): Promise<Record<string, BatchOutcome>>
  /** Makes the frame exactly as tall as the content (no inner scrollbar). */
  fitToContent(height: number): void
  /** Sets the page title Bitrix24 shows above the frame. */
  setTitle(title: string): void
  /**
   * Frame only: Bitrix24 opened the app to install it (install mode, `INSTALL: true`), and considers it not
   * installed until `finishInstall` is called. An installed app is never in install mode.
   */
  readonly installMode?: boolean
  /**
   * Frame only, in install mode: tells Bitrix24 the installation is finished (`installFinish`). The portal marks the
   * app installed and reloads it; it never answers, so nothing waits for an answer.
   */
  finishInstall?(): void
  /**
   * Webhook mode only (Disconnect): forgets the credentials and aborts the requests under way; from then on every
   * `call` and `batch` rejects with CONNECTION_CLOSED and nothing more reaches the portal. The frame's connection
   * lasts as long as the page, and has none.
   */
  close?(): void
  /**
   * Webhook mode only: the text with the webhook's secret and the bot token masked in every spelling a portal may
   * echo them in, for showing anything the portal sent as it is (raw entries under "Details").
   */
  hideSecrets?(text: string): string
}

export interface BatchCall {
  method: string
  params: Record<string, unknown>
}

export type BatchOutcome = { ok: true; result: unknown } | { ok: false; error: PortalErrorShape }

export interface PortalErrorShape {
  code: string
  status: number
  description: string
  method: string
  /**
   * OPERATION_TIME_LIMIT: when Bitrix24 lifts the method's block, as Bitrix24 said it (`time.operating_reset_at`, Unix
   * seconds), if it did; see sdk-failure.ts.
   */
  operatingResetAt?: number
}
