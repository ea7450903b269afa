import { describe, expect, it } from 'vitest'
import type { FileCommand } from '../../../src/commands/restore/check-file'
import { diffWithPortal, matchBot } from '../../../src/commands/restore/diff'
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
  }

  it('sorts each command per bot: gone, differs (which fields), unchanged, cannot be restored (why)', () => {
    const groups = diffWithPortal(
      [
        inFile('/help'),
        inFile('/Ticket', { title: 'New ticket' }),
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
      ['/Ticket', 'differs', ['title', 'common']],
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
