import { describe, expect, it } from 'vitest'
import { describeError } from '../../../src/imbot/error-catalogue'
import { toPortalError } from '../../../src/portal'

// Shapes of what the SDK (2.2.0) throws, as measured: an AjaxError/SdkError with `code`, `status`, `message`
// and a non-enumerable `originalError`; for HTTP failures the axios error with `response.data` inside.
function sdkError(code: string, status: number, message: string, originalError?: unknown) {
  const error = Object.assign(new Error(message), { code, status })
  Object.defineProperty(error, 'originalError', { value: originalError, enumerable: false })
  return error
}

describe('toPortalError', () => {
  it('finds the refreshAuth time-out the SDK wraps as JSSDK_UNKNOWN_ERROR: the session could not be renewed', () => {
    const inner = sdkError(
      'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      408,
      'refreshAuth: the parent window did not answer',
    )
    const failure = toPortalError(
      sdkError('JSSDK_UNKNOWN_ERROR', 0, inner.message, inner),
      'imbot.v2.Bot.list',
    )
    expect(failure.code).toBe('JSSDK_FRAME_REFRESH_AUTH_TIMEOUT')
    expect(describeError(failure)).toMatchObject({ kind: 'session', recovery: 'reload' })
  })

  it('keeps an empty-code error’s description, which the SDK replaced with the HTTP library’s words', () => {
    const axios = Object.assign(new Error('Request failed with status code 400'), {
      code: 'ERR_BAD_REQUEST',
      response: { status: 400, data: { error: '', error_description: 'Something failed on the portal' } },
    })
    const failure = toPortalError(
      sdkError('ERR_BAD_REQUEST', 400, axios.message, axios),
      'imbot.command.unregister',
    )
    expect(failure.toShape()).toEqual({
      code: '',
      status: 400,
      description: 'Something failed on the portal',
      method: 'imbot.command.unregister',
    })
    expect(describeError(failure).kind).toBe('unknown')
  })

  it('reads the code "0" of an error the server built without one as no code, worded by its description', () => {
    const axios = Object.assign(new Error('Request failed with status code 400'), {
      code: 'ERR_BAD_REQUEST',
      response: { status: 400, data: { error: '0', error_description: 'Invalid csrf token' } },
    })
    const failure = toPortalError(sdkError('ERR_BAD_REQUEST', 400, axios.message, axios), 'imbot.v2.Bot.list')
    expect(failure.toShape()).toEqual({
      code: '',
      status: 400,
      description: 'Invalid csrf token',
      method: 'imbot.v2.Bot.list',
    })
    expect(describeError(failure).kind).toBe('unknown')
  })

  it('keeps a Bitrix24 code the SDK parsed', () => {
    const failure = toPortalError(
      sdkError('COMMAND_ID_ERROR', 400, 'Command not found'),
      'imbot.command.unregister',
    )
    expect(failure.toShape()).toMatchObject({
      code: 'COMMAND_ID_ERROR',
      status: 400,
      description: 'Command not found',
    })
  })

  it('names anything else an unknown error, with its text', () => {
    expect(toPortalError('boom', 'batch').toShape()).toMatchObject({
      code: 'UNKNOWN_ERROR',
      description: 'boom',
    })
    expect(toPortalError(new Error('no code'), 'batch').code).toBe('UNKNOWN_ERROR')
  })
})
