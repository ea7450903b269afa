import { describe, expect, it } from 'vitest'
import type { FileCommand } from '../../../src/features/restore/on-demand/check-file'
import { diffWithPortal, matchBot, type RestoreEntry } from '../../../src/features/restore/on-demand/diff'
import type { Bot, Command } from '../../../src/imbot'

const helper: Bot = {
  id: 7,
  code: 'helper',
  name: 'Helper',
  type: 'bot',
  isHidden: false,
  countCommand: 3,
  language: 'en',
}
const sales: Bot = {
  id: 8,
  code: 'sales',
  name: 'Sales',
  type: 'bot',
  isHidden: false,
  countCommand: 0,
  language: 'en',
}

const now = (id: number, trigger: string, changes: Partial<Command> = {}): Command => ({
  id,
  botId: 7,
  command: trigger,
  title: `Title of ${trigger}`,
  params: '',
  common: false,
  hidden: null,
  extranetSupport: false,
  category: 'Helper',
  context: '',
  ...changes,
})
let entry = 0
const inFile = (trigger: string, changes: Partial<FileCommand> = {}): FileCommand => ({
  entry: ++entry,
  id: null,
  bot: { id: 7, code: 'helper', name: 'Helper' },
  command: trigger,
  written: trigger,
  language: 'en',
  title: `Title of ${trigger}`,
  params: '',
  common: false,
  hidden: false,
  extranetSupport: false,
  ...changes,
})

describe('the diff of a file with the portal', () => {
  const portal = {
    bots: [helper, sales],
    commands: new Map<number, Command[] | null>([
      [7, [now(1, '/help'), now(2, '/ticket', { title: 'Open a ticket', common: true }), now(3, '/faq')]],
      [8, null],
    ]),
    clientLang: 'en',
  }

  it('sorts each command per bot: gone, differs (which fields), unchanged, cannot be restored (why)', () => {
    const groups = diffWithPortal(
      [
        inFile('/help'),
        inFile('/ticket', { title: 'New ticket' }),
        inFile('/status'),
        inFile('/status', { title: 'twice' }),
        inFile('/silent', { title: '', hidden: false }),
        inFile('/quiet', { title: '', hidden: true }),
        inFile('/quote', { bot: { id: 8, code: 'sales', name: 'Sales' } }),
        inFile('/old', { bot: { id: 99, code: 'gone_bot', name: 'Gone Bot' } }),
      ],
      portal,
    )
    expect(groups.map((group) => [group.name, group.bot?.id ?? null])).toEqual([
      ['Helper', 7],
      ['Sales', 8],
      ['Gone Bot', null],
    ])
    const [helperGroup, salesGroup, goneGroup] = groups
    expect(
      helperGroup?.entries.map((e) => [
        e.file.command,
        e.kind,
        'reason' in e ? e.reason : 'fields' in e ? e.fields : null,
      ]),
    ).toEqual([
      ['/help', 'unchanged', null],
      ['/ticket', 'differs', ['title', 'common']],
      ['/status', 'gone', null],
      ['/status', 'blocked', 'duplicate'],
      ['/silent', 'blocked', 'titleMissing'],
      ['/quiet', 'gone', null],
    ])
    expect(salesGroup?.entries.map((e) => e.kind === 'blocked' && e.reason)).toEqual(['listUnreadable'])
    expect(goneGroup?.entries.map((e) => e.kind === 'blocked' && e.reason)).toEqual(['botMissing'])
    expect(new Set(groups.flatMap((g) => g.entries.map((e) => e.key))).size).toBe(8)
  })

  it('does not compare a flag one side leaves unsaid (live portals leave out hidden)', () => {
    const [group] = diffWithPortal([inFile('/help', { hidden: true })], portal)
    expect(group?.entries[0]?.kind).toBe('unchanged')
  })

  it('does not take an empty title or hint of the file for a change (older builds exported every title as "")', () => {
    const [group] = diffWithPortal([inFile('/help', { title: '', params: '' })], {
      ...portal,
      commands: new Map([[7, [now(1, '/help', { params: '[topic]' })]]]),
    })
    expect(group?.entries[0]?.kind).toBe('unchanged')
  })

  it('finds the bot by its code on another portal, by its id only when the file has no code', () => {
    const elsewhere = { ...helper, id: 70 }
    expect(matchBot({ id: 7, code: 'helper', name: '' }, [elsewhere])).toBe(elsewhere)
    expect(matchBot({ id: 7, code: 'other', name: '' }, [helper])).toBeNull()
    expect(matchBot({ id: 7, code: '', name: '' }, [helper])).toBe(helper)
    expect(matchBot({ id: null, code: 'sales', name: '' }, [helper, sales])).toBe(sales)
  })
})

const kindsOf = (groups: ReturnType<typeof diffWithPortal>) =>
  groups.flatMap((group) =>
    group.entries.map((e: RestoreEntry) => [
      e.file.command,
      e.kind,
      e.kind === 'blocked' ? (e.tooLong ?? e.reason) : e.kind === 'differs' ? e.fields : null,
    ]),
  )

describe('the diff as Bitrix24’s server sees commands', () => {
  const portal = (commands: Command[], bot: Bot = helper) => ({
    bots: [bot],
    commands: new Map([[bot.id, commands]]),
    clientLang: 'en',
  })

  it('matches triggers case-sensitively: /Help is not /help (the server compares with ===)', () => {
    const groups = diffWithPortal([inFile('/Help'), inFile('/help')], portal([now(1, '/help')]))
    expect(kindsOf(groups)).toEqual([
      ['/Help', 'gone', null],
      ['/help', 'unchanged', null],
    ])
  })

  it('never compares titles across languages: a Russian file on an English portal differs only in flags', () => {
    const russian = (trigger: string, changes: Partial<FileCommand> = {}) =>
      inFile(trigger, { language: 'ru', title: 'Передать смену', params: '<сотрудник>', ...changes })
    const groups = diffWithPortal(
      [russian('/help'), russian('/ticket', { common: true }), russian('/gone')],
      portal([now(1, '/help'), now(2, '/ticket')]),
    )
    expect(kindsOf(groups)).toEqual([
      ['/help', 'unchanged', null],
      ['/ticket', 'differs', ['common']],
      ['/gone', 'gone', null],
    ])
    const [help, , gone] = groups[0]?.entries ?? []
    expect(help?.kind === 'unchanged' && help.languages).toEqual({ file: 'ru', list: 'en' })
    expect(gone?.kind === 'gone' && gone.languages).toEqual({ file: 'ru', list: 'en' })
  })

  it('reads the list’s language from the bot (Bot.list), the client’s only when the bot gives none', () => {
    const file = [inFile('/help', { language: 'de', title: 'Hilfe' })]
    const german = { ...helper, language: 'de' }
    expect(kindsOf(diffWithPortal(file, portal([now(1, '/help')], german)))).toEqual([
      ['/help', 'differs', ['title']],
    ])
    const silent = { ...helper, language: null }
    const byClient = diffWithPortal(file, { ...portal([now(1, '/help')], silent), clientLang: 'de-DE' })
    expect(kindsOf(byClient)).toEqual([['/help', 'differs', ['title']]])
    // A file without a language (the first exports) is taken to be in the list's.
    expect(
      kindsOf(diffWithPortal([inFile('/help', { language: null, title: 'x' })], portal([now(1, '/help')]))),
    ).toEqual([['/help', 'differs', ['title']]])
  })

  it('refuses what Bitrix24 would drop: over 255 stored characters, an emoji counting as 10', () => {
    const groups = diffWithPortal(
      [
        inFile('/long', { title: 'x'.repeat(256) }),
        inFile('/emoji', { title: '😀'.repeat(26), params: 'p'.repeat(255) }),
        inFile(`/${'t'.repeat(260)}`, { title: 'ok' }),
        inFile('/fits', { title: `${'😀'.repeat(25)}abcde` }),
        // A trigger keeps its emoji as they are (CommandTable's COMMAND has no emoji modifier): 255 of them fit.
        inFile(`/${'😀'.repeat(255)}`, { title: 'ok' }),
        inFile('/help', { title: 'y'.repeat(300) }),
      ],
      portal([now(1, '/help')]),
    )
    expect(kindsOf(groups)).toEqual([
      ['/long', 'blocked', [{ field: 'title', by: 1 }]],
      ['/emoji', 'blocked', [{ field: 'title', by: 5 }]],
      [`/${'t'.repeat(260)}`, 'blocked', [{ field: 'command', by: 5 }]],
      ['/fits', 'gone', null],
      [`/${'😀'.repeat(255)}`, 'gone', null],
      ['/help', 'blocked', [{ field: 'title', by: 45 }]],
    ])
  })

  it('refuses titles under a language id Bitrix24 does not have (no one would see them)', () => {
    const groups = diffWithPortal([inFile('/new', { language: 'xx' })], portal([]))
    expect(kindsOf(groups)).toEqual([['/new', 'blocked', 'language']])
  })

  it('marks the flags the file does not know, and warns of a space (a second slash is a stored trigger of its own)', () => {
    const groups = diffWithPortal(
      [inFile('/quiet', { hidden: null, extranetSupport: null }), inFile('//x'), inFile('/two words')],
      portal([]),
    )
    const [quiet, slash, space] = groups[0]?.entries ?? []
    expect(quiet?.kind === 'gone' && quiet.unknown).toEqual(['hidden', 'extranetSupport'])
    expect(slash?.kind === 'gone' && slash.warnings).toEqual([])
    expect(space?.kind === 'gone' && space.warnings).toEqual(['space'])
  })
})
