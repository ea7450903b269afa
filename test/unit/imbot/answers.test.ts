import { describe, expect, it } from 'vitest'
import { parseBotPage, parseCommandList, parseUnregisterAnswer } from '../../../src/imbot/answers'
import { PortalError } from '../../../src/portal'

const malformed = (read: () => unknown) => {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError)
    const failure = error as PortalError
    expect(failure.code).toBe('MALFORMED_ANSWER')
    return failure.description
  }
  throw new Error('expected a malformed-answer error')
}

describe('reading Bitrix24 answers', () => {
  it('takes bots with their names from `users`, ids as numbers or numeric strings', () => {
    expect(
      parseBotPage({
        bots: [
          { id: 456, code: 'support_bot', type: 'bot', isHidden: false, countCommand: 3, extra: 'ignored' },
          { id: '457', code: 'no_user' },
        ],
        users: [{ id: 456, name: 'Support Bot', active: true }],
        hasNextPage: true,
      }),
    ).toEqual({
      hasNextPage: true,
      bots: [
        { id: 456, code: 'support_bot', type: 'bot', isHidden: false, countCommand: 3, name: 'Support Bot' },
        { id: 457, code: 'no_user', type: '', isHidden: false, countCommand: 0, name: 'no_user' },
      ],
    })
  })

  it('takes commands with neutral values for missing texts and flags', () => {
    expect(parseCommandList({ commands: [{ id: 42, botId: 456, command: '/help', title: null }] })).toEqual([
      {
        id: 42,
        botId: 456,
        command: '/help',
        title: '',
        params: '',
        common: false,
        hidden: false,
        extranetSupport: false,
        category: '',
        context: '',
      },
    ])
  })

  it('says where an answer is malformed, instead of showing a broken table', () => {
    expect(malformed(() => parseBotPage('<html>Service unavailable</html>'))).toContain(
      'result is not an object',
    )
    expect(malformed(() => parseBotPage({ bots: {} }))).toContain('bots is not a list')
    expect(malformed(() => parseBotPage({ bots: [{ id: -1 }] }))).toContain('bots.0.id')
    expect(malformed(() => parseCommandList({ commands: [{ id: 1, botId: 2, command: '' }] }))).toContain(
      'commands.0.command',
    )
    expect(
      malformed(() => parseCommandList({ commands: [{ id: 1, botId: 2, command: '/a', hidden: 'Y' }] })),
    ).toContain('commands.0.hidden')
    expect(malformed(() => parseCommandList(null))).toContain('result')
    expect(malformed(() => parseUnregisterAnswer({ ok: 1 }))).toContain('Expected true')
  })
})
