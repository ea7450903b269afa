import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeError } from '../../../src/imbot/on-demand/error-catalogue'
import { PortalError, toPortalError } from '../../../src/portal'
import { readSdkFailure } from '../../../src/portal/on-demand/sdk-failure'

// Shapes of what the SDK (2.2.0) throws, as measured: an AjaxError/SdkError with `code`, `status`, `message`
// and a non-enumerable `originalError`; for HTTP failures the axios error with `response.data` inside.
function sdkError(code: string, status: number, message: string, originalError?: unknown) {
  const error = Object.assign(new Error(message), { code, status })
  Object.defineProperty(error, 'originalError', { value: originalError, enumerable: false })
  return error
}

/** The axios error of an HTTP answer with an error status, as the SDK wraps it. */
function httpFailure(status: number, data: unknown, contentType = 'application/json') {
  const axios = Object.assign(new Error(`Request failed with status code ${status}`), {
    code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
    response: { status, data, headers: { 'content-type': contentType } },
  })
  return sdkError(axios.code, status, axios.message, axios)
}

/** What the SDK throws when sdk-client.ts's check stops a successful answer that is not Bitrix24's. */
function uncheckedAnswer(status: number, contentType: string, data: unknown) {
  const stopped = Object.assign(new Error('Not a Bitrix24 answer'), {
    answer: { status, type: contentType, data },
  })
  return sdkError('JSSDK_UNKNOWN_ERROR', 0, stopped.message, stopped)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('reading what the SDK throws (sdk-failure.ts)', () => {
  it('finds the refreshAuth time-out the SDK wraps as JSSDK_UNKNOWN_ERROR: the session could not be renewed', () => {
    const inner = sdkError(
      'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      408,
      'refreshAuth: the parent window did not answer',
    )
    const failure = readSdkFailure(
      sdkError('JSSDK_UNKNOWN_ERROR', 0, inner.message, inner),
      'imbot.v2.Bot.list',
    )
    expect(failure.code).toBe('JSSDK_FRAME_REFRESH_AUTH_TIMEOUT')
    expect(describeError(failure)).toMatchObject({ kind: 'session', recovery: 'reload' })
  })

  it('keeps an empty-code error’s description, which the SDK replaced with the HTTP library’s words', () => {
    const failure = readSdkFailure(
      httpFailure(400, { error: '', error_description: 'Something failed on the portal' }),
      'imbot.command.unregister',
    )
    expect(failure).toEqual({
      code: '',
      status: 400,
      description: 'Something failed on the portal',
      method: 'imbot.command.unregister',
    })
    expect(describeError(failure).kind).toBe('unknown')
  })

  it('reads the code "0" of an error the server built without one as no code, worded by its description', () => {
    const failure = readSdkFailure(
      httpFailure(400, { error: '0', error_description: 'Invalid csrf token' }),
      'imbot.v2.Bot.list',
    )
    expect(failure).toEqual({
      code: '',
      status: 400,
      description: 'Invalid csrf token',
      method: 'imbot.v2.Bot.list',
    })
  })

  it('keeps a Bitrix24 code the SDK parsed', () => {
    const failure = readSdkFailure(
      sdkError('COMMAND_ID_ERROR', 400, 'Command not found'),
      'imbot.command.unregister',
    )
    expect(failure).toMatchObject({ code: 'COMMAND_ID_ERROR', status: 400, description: 'Command not found' })
  })

  it('names anything else an unknown error, with its text', () => {
    expect(readSdkFailure('boom', 'batch')).toMatchObject({ code: 'UNKNOWN_ERROR', description: 'boom' })
    expect(readSdkFailure(new Error('no code'), 'batch').code).toBe('UNKNOWN_ERROR')
  })

  it('passes an error the app read already through unchanged', () => {
    const shape = {
      code: 'MALFORMED_ANSWER',
      status: 200,
      description: 'The answer has no result.',
      method: 'x',
    }
    expect(readSdkFailure(new PortalError(shape), 'y')).toEqual(shape)
    expect(readSdkFailure(shape, 'y')).toEqual(shape)
  })
})

describe('an answer that is not Bitrix24’s', () => {
  it('is NOT_BITRIX24_ANSWER with its status and content type, never the SDK’s JavaScript error', () => {
    const page = '<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>'
    const failure = readSdkFailure(
      uncheckedAnswer(200, 'text/html; charset=utf-8', page),
      'imbot.v2.Bot.list',
    )
    expect(failure).toEqual({
      code: 'NOT_BITRIX24_ANSWER',
      status: 200,
      description: 'text/html; charset=utf-8',
      method: 'imbot.v2.Bot.list',
    })
    expect(describeError(failure)).toMatchObject({ kind: 'not-bitrix', message: 'error.NOT_BITRIX24_ANSWER' })
    // JSON of another service, and a proxy's error page with an error status.
    expect(readSdkFailure(uncheckedAnswer(200, 'application/json', { status: 'ok' }), 'batch').code).toBe(
      'NOT_BITRIX24_ANSWER',
    )
    expect(readSdkFailure(httpFailure(502, '<html>Bad gateway</html>', 'text/html'), 'batch')).toMatchObject({
      code: 'NOT_BITRIX24_ANSWER',
      status: 502,
      description: 'text/html',
    })
  })

  it('is read as Bitrix24’s error when it is one (an error body on HTTP 200, without time)', () => {
    const failure = readSdkFailure(
      uncheckedAnswer(200, 'application/json', {
        error: 'WRONG_REQUEST',
        error_description: "Command can't be deleted",
      }),
      'imbot.command.unregister',
    )
    expect(failure).toMatchObject({
      code: 'WRONG_REQUEST',
      status: 200,
      description: "Command can't be deleted",
    })
  })
})

describe('when an operating-time block lifts', () => {
  const blocked = () =>
    httpFailure(429, {
      error: 'OPERATION_TIME_LIMIT',
      error_description: 'Method is blocked due to operation time limit.',
    })

  it('is what the error says, when it carries `time`', () => {
    const body = {
      error: 'OPERATION_TIME_LIMIT',
      error_description: '',
      time: { operating_reset_at: 1_900_000_000 },
    }
    expect(readSdkFailure(httpFailure(429, body), 'imbot.v2.Command.list').operatingResetAt).toBe(
      1_900_000_000,
    )
  })

  it('is the method’s last answer’s operating_reset_at, as rest.php answers the error without `time`', () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 })
    const resetAt = new Map<string, unknown>([
      ['imbot.v2.Command.list', 1_800_000_300],
      ['imbot.v2.Bot.list', 1_799_999_000],
    ])
    expect(readSdkFailure(blocked(), 'imbot.v2.Command.list', resetAt).operatingResetAt).toBe(1_800_000_300)
    // One that has passed already, another method's, or none: not known.
    expect(readSdkFailure(blocked(), 'imbot.v2.Bot.list', resetAt).operatingResetAt).toBeUndefined()
    expect(readSdkFailure(blocked(), 'imbot.v2.Command.update', resetAt).operatingResetAt).toBeUndefined()
    // Only for the operating-time block.
    expect(
      readSdkFailure(httpFailure(400, { error: 'WRONG_REQUEST' }), 'imbot.v2.Command.list', resetAt)
        .operatingResetAt,
    ).toBeUndefined()
  })
})

describe('toPortalError (the app’s own failures, at first paint)', () => {
  it('keeps a PortalError, and the code, status and text of anything else', () => {
    const error = new PortalError({ code: 'NETWORK_ERROR', status: 0, description: 'x', method: 'batch' })
    expect(toPortalError(error, 'other')).toBe(error)
    expect(
      toPortalError(sdkError('JSSDK_CLIENT_SIDE_WARNING', 0, 'no frame'), 'getInitData').toShape(),
    ).toEqual({
      code: 'JSSDK_CLIENT_SIDE_WARNING',
      status: 0,
      description: 'no frame',
      method: 'getInitData',
    })
    expect(toPortalError('boom', 'batch').toShape()).toMatchObject({
      code: 'UNKNOWN_ERROR',
      description: 'boom',
    })
    expect(toPortalError(new Error('no code'), 'batch').code).toBe('UNKNOWN_ERROR')
  })

  it('carries when an operating-time block lifts through its shape', () => {
    const shape = {
      code: 'OPERATION_TIME_LIMIT',
      status: 0,
      description: '',
      method: 'm',
      operatingResetAt: 5,
    }
    expect(new PortalError(shape).toShape()).toEqual(shape)
  })
})
