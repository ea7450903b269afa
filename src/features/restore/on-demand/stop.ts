import { type PortalClient, PortalError } from '../../../portal'

/** The code of a request a stopped restore never sent (it never reached the portal). */
export const stoppedCode = 'RESTORE_STOPPED'

export const isStopped = (error: PortalError | null): boolean => error?.code === stoppedCode

/**
 * The admin's "stop" for one restore (Cancel, Escape, Stop waiting). A request on its way is never abandoned: what it
 * carries may be saved whatever the app does, so its answer is waited for and the lists are read after it. What can
 * be given up is what changes nothing: a reading of the lists, and the wait before sending again.
 */
export class RestoreStop {
  #presses = 0
  #giveUps = new Set<() => void>()

  /** Whether a stop was asked for: from then on nothing more is sent. */
  get requested(): boolean {
    return this.#presses > 0
  }

  request(): void {
    this.#presses++
    for (const giveUp of [...this.#giveUps]) giveUp()
  }

  /**
   * `waiting` as it ends, or null as soon as a stop is asked for after it began: for a reading of the lists or a wait,
   * never for a request that sends commands. A stop asked for before it began does not count: the lists read after a
   * stop are the ones that say what the last request did.
   */
  unlessStopped<T>(waiting: Promise<T>): Promise<T | null> {
    return new Promise<T | null>((resolve, reject) => {
      const giveUp = () => {
        this.#giveUps.delete(giveUp)
        resolve(null)
      }
      this.#giveUps.add(giveUp)
      waiting.then(
        (value) => {
          this.#giveUps.delete(giveUp)
          resolve(value)
        },
        (error: unknown) => {
          this.#giveUps.delete(giveUp)
          reject(error)
        },
      )
    })
  }

  /** A check of whether a stop was asked for after this call (for what begins now: a reading after the stop). */
  askedFromNow(): () => boolean {
    const presses = this.#presses
    return () => this.#presses > presses
  }

  /**
   * The client as a restore sends through: once a stop is asked for, every request is refused before it leaves (a
   * {@link stoppedCode} error with no answer, status 0, so the requests after it are not sent either).
   */
  guard(client: PortalClient, onAnswer: (calls: number) => void): PortalClient {
    return watched(client, onAnswer, (method) =>
      this.requested
        ? new PortalError({
            code: stoppedCode,
            status: 0,
            description: 'The restore was stopped before this request was sent.',
            method,
          })
        : null,
    )
  }
}

/**
 * The client, reporting to `onAnswer` the end of each request that left (answered or failed) with how many calls it
 * carried; a request `refuse` answers for never leaves, and fails with that error.
 */
export function watched(
  client: PortalClient,
  onAnswer: (calls: number) => void,
  refuse: (method: string) => PortalError | null = () => null,
): PortalClient {
  const send = <T>(method: string, calls: number, request: () => Promise<T>): Promise<T> => {
    const refusal = refuse(method)
    if (refusal) return Promise.reject(refusal)
    return request().finally(() => onAnswer(calls))
  }
  return {
    mode: client.mode,
    lang: client.lang,
    isAdmin: client.isAdmin,
    portalHost: client.portalHost,
    call: (method, params) => send(method, 1, () => client.call(method, params)),
    batch: (calls) => send('batch', Object.keys(calls).length, () => client.batch(calls)),
    fitToContent: (height) => client.fitToContent(height),
    setTitle: (title) => client.setTitle(title),
  }
}
