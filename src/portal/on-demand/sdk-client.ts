import { ApiVersion, type B24Frame, type B24Hook } from '@bitrix24/b24jssdk'
import { malformedAnswer, PortalError, toPortalError } from '../portal-error'
import type { BatchCall, BatchOutcome, PortalClient } from '../types'
import { batchCommands, readBatchAnswer } from './batch-envelope'
import type { UncheckedAnswer } from './sdk-failure'

/**
 * Every answer, checked before the SDK reads it: a successful answer without `time` is not Bitrix24's (a web page,
 * JSON of another kind), and SDK 2.2.0 would throw a TypeError of its own reading it. It fails as what it is instead.
 */
function checkAnswer<Response extends { status: number; headers: object; data?: { time?: unknown } }>(
  response: Response,
): Response {
  if (response.data?.time) return response
  const answer: UncheckedAnswer = {
    status: response.status,
    type: (response.headers as Record<string, unknown>)['content-type'],
    data: response.data,
  }
  throw Object.assign(new Error('Not a Bitrix24 answer'), { answer })
}

/** What went wrong, read by a module of its own that loads on the first failure (sdk-failure.ts). */
const readFailure = (failure: unknown, method: string, resetAt: ReadonlyMap<string, unknown>) =>
  import('./sdk-failure').then(
    ({ readSdkFailure }) => new PortalError(readSdkFailure(failure, method, resetAt)),
    () => toPortalError(failure, method),
  )

/**
 * What the frame client and the webhook client share: one REST call through the SDK's `actions.v2.call` (auth,
 * token renewal, retries and limits stay the SDK's), every failure as a PortalError, and `batch` sent through
 * that call and read by the app (batch-envelope.ts). Each client says how it connects and what it adds to a
 * call's parameters.
 */
export abstract class SdkPortalClient implements PortalClient {
  abstract readonly mode: PortalClient['mode']
  abstract readonly lang: string
  abstract readonly isAdmin: boolean
  abstract readonly portalHost: string
  protected abstract readonly b24: B24Frame | B24Hook
  /**
   * `time.operating_reset_at` of each method's last answer: Bitrix24's OPERATION_TIME_LIMIT error does not say when
   * the block lifts, the method's earlier answers did.
   */
  readonly #resetAt = new Map<string, unknown>()
  /** The id of `checkAnswer` among the SDK's interceptors, once it is there. */
  #checking?: number

  /** The parameters as this connection sends them (a webhook adds the bot token). */
  protected withConnectionParams(_method: string, params: Record<string, unknown>): Record<string, unknown> {
    return params
  }

  /** The error as the app may show it (a webhook client takes its secrets out). */
  protected shown(error: PortalError): PortalError {
    return error
  }

  async call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    let failure: unknown
    try {
      this.#checking ??= this.b24
        .getHttpClient(ApiVersion.v2)
        .ajaxClient.interceptors.response.use(checkAnswer)
      const answer = await this.b24.actions.v2.call.make({
        method,
        params: this.withConnectionParams(method, params),
      })
      if (answer.isSuccess) {
        const data = answer.getData()
        this.#resetAt.set(method, data?.time?.operating_reset_at)
        if (data?.result !== undefined) return data.result
        failure = malformedAnswer(method, 'The answer has no result.', answer.getStatus())
      } else {
        // Soft errors come back inside the result.
        ;[failure] = answer.getErrors()
      }
    } catch (error) {
      failure = error
    }
    throw this.shown(await readFailure(failure, method, this.#resetAt))
  }

  async batch(calls: Record<string, BatchCall>): Promise<Record<string, BatchOutcome>> {
    const sent = Object.fromEntries(
      Object.entries(calls).map(([key, call]) => [
        key,
        { ...call, params: this.withConnectionParams(call.method, call.params) },
      ]),
    )
    // halt=0: every call runs and answers for itself.
    const answer = await this.call('batch', { halt: 0, cmd: batchCommands(sent) })
    const outcomes = readBatchAnswer(answer, calls)
    const times = (answer as { result_time?: Record<string, { operating_reset_at?: unknown }> })?.result_time
    // A method's block lifts for all its calls at once: its successes and failures never share a batch.
    for (const [key, outcome] of Object.entries(outcomes)) {
      if (outcome.ok) this.#resetAt.set((calls[key] as BatchCall).method, times?.[key]?.operating_reset_at)
      // A call's failure is read already (batch-envelope.ts); only when an operating limit lifts needs more, so the
      // reader of failures is not fetched for the usual ones (slots past the last bot fail on every open).
      else
        outcome.error = this.shown(
          outcome.error.code === 'OPERATION_TIME_LIMIT'
            ? await readFailure(outcome.error, '', this.#resetAt)
            : new PortalError(outcome.error),
        ).toShape()
    }
    return outcomes
  }

  abstract fitToContent(height: number): void
  abstract setTitle(title: string): void
}
