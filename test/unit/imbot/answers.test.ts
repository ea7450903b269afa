import { describe, expect, it } from 'vitest'
import { parseBotPage, parseCommandList } from '../../../src/imbot/answers'
import { parseUnregisterAnswer } from '../../../src/imbot/on-demand/unregister'
import { PortalError } from '../../../src/portal'
import { docsCommandList, liveBotPage, liveBuiltIns, liveCommandList } from './answer-shapes'

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

const help = {
  id: 42,
  botId: 7,
  command: '/help',
  title: 'Help',
  params: 'topic',
  common: true,
  extranetSupport: false,
  category: 'Helpdesk Bot',
  context: '',
}

describe('imbot.v2.Command.list, entry by entry', () => {
  it('reads the live shape: built-ins left out, "Y"/"N" flags, `extranet`, hidden neither claimed', () => {
    const listing = parseCommandList(liveCommandList, 7)
    expect(listing.unreadable).toEqual([])
    expect(listing.items).toEqual([
      { ...help, hidden: null },
      {
        id: 43,
        botId: 7,
        command: '/report',
        title: '',
        params: '',
        common: false,
        hidden: null,
        extranetSupport: true,
        category: 'Helpdesk Bot',
        context: '',
      },
    ])
  })

  it('reads the docs shape to the same commands, with what the docs add (hidden)', () => {
    const listing = parseCommandList(docsCommandList, 7)
    expect(listing.unreadable).toEqual([])
    expect(listing.items.map(({ hidden, ...rest }) => rest)).toEqual(
      parseCommandList(liveCommandList, 7).items.map(({ hidden, ...rest }) => rest),
    )
    expect(listing.items.map((command) => command.hidden)).toEqual([false, true])
  })

  it('leaves out what is not the bot’s: ids that are not positive integers, another bot’s id', () => {
    const listing = parseCommandList(
      {
        commands: [
          ...liveBuiltIns,
          { ...help, id: 0 },
          { ...help, id: 50, botId: 8 },
          { ...help, id: -3 },
          { ...help, id: 51 },
        ],
      },
      7,
    )
    expect(listing.items.map((command) => command.id)).toEqual([51])
    expect(listing.unreadable).toEqual([])
  })

  it('takes flags as booleans, "Y"/"N", 1/0 and "true"/"false"', () => {
    const flags = [true, 'Y', 'y', 1, '1', 'true', false, 'N', 0, '0', 'false']
    const listing = parseCommandList(
      { commands: flags.map((value, index) => ({ ...help, id: index + 1, common: value })) },
      7,
    )
    expect(listing.items.map((command) => command.common)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('shows a trigger as the portal lists it ("/" + stored: a stored "/help" is "//help"), adding a missing slash', () => {
    const listing = parseCommandList(
      {
        commands: ['help', '/help', '//help', ' /help '].map((command, index) => ({
          ...help,
          id: index + 1,
          command,
        })),
      },
      7,
    )
    // Any character is a trigger's (imbot/lib/V2/Controller/Command.php): "/ help" and "//help" are triggers of their own.
    expect(listing.items.map((command) => command.command)).toEqual(['/help', '/help', '//help', '/ /help '])
  })

  it('sets aside an entry it cannot read, raw, and lists the others', () => {
    const odd = [
      'not an entry',
      null,
      { ...help, id: 60, command: '' },
      { ...help, id: 61, common: 'maybe' },
      { ...help, id: 62, title: { en: 'a map' } },
    ]
    const listing = parseCommandList({ commands: [{ ...help, id: 1 }, ...odd, { ...help, id: 2 }] }, 7)
    expect(listing.items.map((command) => command.id)).toEqual([1, 2])
    expect(listing.unreadable).toEqual(odd)
  })

  it('never keeps an owner key (appId may carry a webhook token) in what it sets aside', () => {
    const listing = parseCommandList(
      {
        commands: [
          { ...help, common: 'maybe', appId: 'customSECRET', botToken: 'SECRET', nested: { clientId: 'x' } },
        ],
      },
      7,
    )
    expect(JSON.stringify(listing)).not.toContain('SECRET')
    expect(listing.unreadable).toEqual([{ ...help, common: 'maybe', nested: {} }])
  })

  it('takes a list sent as an object keyed by id, and [] as empty', () => {
    expect(parseCommandList({ commands: { 42: help } }, 7).items).toHaveLength(1)
    expect(parseCommandList({ commands: [] }, 7)).toEqual({ items: [], unreadable: [] })
    expect(parseCommandList([], 7)).toEqual({ items: [], unreadable: [] })
  })

  it('fails only an answer that is not a list at all', () => {
    expect(malformed(() => parseCommandList({ commands: 'oops' }, 7))).toContain(
      'result.commands is not a list',
    )
    expect(malformed(() => parseCommandList('<html>Service unavailable</html>', 7))).toContain(
      'result.commands',
    )
    expect(malformed(() => parseCommandList(null, 7))).toContain('result.commands')
  })
})

describe('imbot.v2.Bot.list, entry by entry', () => {
  it('reads a live page: names from `users`, "Y"/"N" flags, counts as strings, no appId kept', () => {
    const page = parseBotPage(liveBotPage)
    expect(page).toEqual({
      hasNextPage: false,
      unreadable: [],
      items: [
        {
          id: 7,
          code: 'helpdesk',
          type: 'bot',
          isHidden: false,
          countCommand: 2,
          language: 'de',
          name: 'Helpdesk Bot',
        },
        {
          id: 8,
          code: 'sales',
          type: 'bot',
          isHidden: true,
          countCommand: 0,
          language: null,
          name: 'Sales Assistant',
        },
      ],
    })
    expect(JSON.stringify(page)).not.toContain('S3CR3T')
  })

  it('keeps the readable bots when one cannot be read, and sets that one aside without its owner key', () => {
    const page = parseBotPage({
      bots: [
        { id: 'x', code: 'broken', appId: 'customS3CR3T' },
        ...liveBotPage.bots,
        { id: 9, isHidden: 'perhaps' },
      ],
      users: liveBotPage.users,
      hasNextPage: 'Y',
    })
    expect(page.items.map((bot) => bot.id)).toEqual([7, 8])
    expect(page.unreadable).toEqual([
      { id: 'x', code: 'broken' },
      { id: 9, isHidden: 'perhaps' },
    ])
    expect(page.hasNextPage).toBe(true)
    expect(JSON.stringify(page)).not.toContain('S3CR3T')
  })

  it('takes bots sent as an object keyed by id, and names a bot without a user by its code', () => {
    const page = parseBotPage({ bots: { 7: { id: 7, code: 'helpdesk' } }, users: [] })
    expect(page.items).toEqual([
      {
        id: 7,
        code: 'helpdesk',
        type: '',
        isHidden: false,
        countCommand: 0,
        language: null,
        name: 'helpdesk',
      },
    ])
    expect(page.hasNextPage).toBe(false)
  })

  it('fails only an answer that is not a list at all', () => {
    expect(malformed(() => parseBotPage('<html>Service unavailable</html>'))).toContain('result.bots')
    expect(malformed(() => parseBotPage({ bots: 3 }))).toContain('result.bots is not a list')
  })
})

describe('imbot.command.unregister', () => {
  it('takes true (and "Y", 1) as removed, anything else as unexpected', () => {
    expect(parseUnregisterAnswer(true)).toBe(true)
    expect(parseUnregisterAnswer('Y')).toBe(true)
    expect(malformed(() => parseUnregisterAnswer({ ok: 1 }))).toContain('Expected true')
    expect(malformed(() => parseUnregisterAnswer(false))).toContain('Expected true')
  })
})
