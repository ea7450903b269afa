import { type AjaxResult, type B24Frame, initializeB24Frame } from '@bitrix24/b24jssdk'
import { batchCommands, readBatchAnswer } from './batch-envelope'
import { localErrorCodes, PortalError, toPortalError } from './portal-error'
import type { BatchCall, BatchOutcome, PortalClient } from './types'

/** The SDK's message name for resizing the frame; sent directly so the width can stay "100%". */
const resizeWindowCommand = 'resizeWindow'

/** Connects through the Bitrix24 iframe protocol. This module is the app's only importer of the SDK. */
export async function connectFrame(): Promise<PortalClient> {
  let b24: B24Frame
  try {
    b24 = await initializeB24Frame()
  } catch (error) {
    const failure = toPortalError(error, 'getInitData')
    // The SDK's way of saying there is no Bitrix24 parent (no window.name).
    if (failure.code === 'JSSDK_CLIENT_SIDE_WARNING') {
      throw new PortalError({ ...failure.toShape(), code: localErrorCodes.outsideBitrix24 })
    }
    throw new PortalError({ ...failure.toShape(), code: localErrorCodes.handshakeFailed })
  }
  return new FramePortalClient(b24)
}

class FramePortalClient implements PortalClient {
  readonly lang: string
  readonly isAdmin: boolean
  readonly portalHost: string
  readonly #b24: B24Frame
  #lastHeight = -1

  constructor(b24: B24Frame) {
    this.#b24 = b24
    this.lang = b24.getLang()
    this.isAdmin = b24.auth.isAdmin
    this.portalHost = new URL(b24.getTargetOrigin()).host
  }

  async call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    let answer: AjaxResult
    try {
      answer = await this.#b24.actions.v2.call.make({ method, params })
    } catch (error) {
      throw toPortalError(error, method)
    }
    return resultOf(answer, method)
  }

  async batch(calls: Record<string, BatchCall>): Promise<Record<string, BatchOutcome>> {
    // halt=0: every call runs and answers for itself.
    const answer = await this.call('batch', { halt: 0, cmd: batchCommands(calls) })
    return readBatchAnswer(answer, calls)
  }

  fitToContent(height: number): void {
    const rounded = Math.ceil(height)
    if (rounded === this.#lastHeight) return
    this.#lastHeight = rounded
    void this.#b24.parent.message
      .send(resizeWindowCommand, { width: '100%', height: rounded, isSafely: true })
      .catch(() => undefined)
  }

  setTitle(title: string): void {
    void this.#b24.parent.setTitle(title).catch(() => undefined)
  }
}

/** The method's `result`, or the error the answer carries (soft errors come back inside the result). */
function resultOf(answer: AjaxResult, method: string): unknown {
  if (!answer.isSuccess) {
    const [first] = answer.getErrors()
    throw toPortalError(first, method)
  }
  const data = answer.getData()
  if (!data || !('result' in data) || data.result === undefined) {
    throw new PortalError({
      code: localErrorCodes.malformedAnswer,
      status: answer.getStatus(),
      description: 'The answer has no result.',
      method,
    })
  }
  return data.result
}
