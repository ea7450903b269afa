import type { AjaxResult, B24Frame, B24Hook } from '@bitrix24/b24jssdk'
import { batchCommands, readBatchAnswer } from './batch-envelope'
import { malformedAnswer, PortalError, toPortalError } from './portal-error'
import type { BatchCall, BatchOutcome, PortalClient } from './types'

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

  /** The parameters as this connection sends them (a webhook adds the bot token). */
  protected withConnectionParams(_method: string, params: Record<string, unknown>): Record<string, unknown> {
    return params
  }

  /** The error as the app may show it (a webhook client takes its secrets out). */
  protected shown(error: PortalError): PortalError {
    return error
  }

  async call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    let answer: AjaxResult
    try {
      answer = await this.b24.actions.v2.call.make({
        method,
        params: this.withConnectionParams(method, params),
      })
    } catch (error) {
      throw this.shown(toPortalError(error, method))
    }
    return this.resultOf(answer, method)
  }

  async batch(calls: Record<string, BatchCall>): Promise<Record<string, BatchOutcome>> {
    const sent = Object.fromEntries(
      Object.entries(calls).map(([key, call]) => [
        key,
        { ...call, params: this.withConnectionParams(call.method, call.params) },
      ]),
    )
    // halt=0: every call runs and answers for itself.
    const outcomes = readBatchAnswer(await this.call('batch', { halt: 0, cmd: batchCommands(sent) }), calls)
    for (const outcome of Object.values(outcomes)) {
      if (!outcome.ok) outcome.error = this.shown(new PortalError(outcome.error)).toShape()
    }
    return outcomes
  }

  abstract fitToContent(height: number): void
  abstract setTitle(title: string): void

  /** The method's `result`, or the error the answer carries (soft errors come back inside the result). */
  private resultOf(answer: AjaxResult, method: string): unknown {
    if (!answer.isSuccess) {
      const [first] = answer.getErrors()
      throw this.shown(toPortalError(first, method))
    }
    const data = answer.getData()
    if (!data || !('result' in data) || data.result === undefined) {
      throw malformedAnswer(method, 'The answer has no result.', answer.getStatus())
    }
    return data.result
  }
}
