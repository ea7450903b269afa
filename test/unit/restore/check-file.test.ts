import { describe, expect, it } from 'vitest'
import { buildCommandsExport } from '../../../src/features/export/on-demand/export'
import { checkExportFile, maxFileBytes } from '../../../src/features/restore/on-demand/check-file'
import type { Bot, Command } from '../../../src/imbot'

const bot: Bot = {
  id: 7,
  code: 'helper',
  name: 'Helper',
  type: 'bot',
  isHidden: false,
  countCommand: 1,
  language: 'de',
}
const command: Command = {
  id: 42,
  botId: 7,
  command: '/help',
  title: 'Show help',
  params: '[topic]',
  common: true,
  hidden: false,
  extranetSupport: null,
  category: 'Helper',
  context: '',
}
const exported = () => buildCommandsExport('acme.bitrix24.com', [bot], [command], new Date(), 'en').json
const problemOf = (content: string, size?: number) => {
  const check = checkExportFile(content, size)
  return check.ok ? null : check.problem
}

describe('checking an exported file', () => {
  it('reads an export of today: version, portal, language, every command with its bot', () => {
    const check = checkExportFile(exported())
    expect(check.ok).toBe(true)
    if (!check.ok) return
    expect(check.file).toMatchObject({ version: 2, portal: 'acme.bitrix24.com', language: 'de' })
    expect(check.file.commands).toEqual([
      {
        entry: 1,
        id: 42,
        bot: { id: 7, code: 'helper', name: 'Helper' },
        command: '/help',
        written: '/help',
        language: 'de',
        title: 'Show help',
        params: '[topic]',
        common: true,
        hidden: false,
        extranetSupport: null,
      },
    ])
  })

  it('reads each command’s language from its bot, else from the file, as Bitrix24 names languages', () => {
    const file = JSON.parse(exported())
    file.language = 'en-US'
    file.commands.push({ ...file.commands[0], command: '/other', bot: { id: 7, code: 'helper' } })
    const check = checkExportFile(JSON.stringify(file))
    expect(check.ok && check.file.language).toBe('en')
    expect(check.ok && check.file.commands.map((command) => command.language)).toEqual(['de', 'en'])
  })

  it('takes any trigger the server takes, as the list showed it (a slash, then the stored trigger)', () => {
    const file = JSON.parse(exported())
    file.commands = ['//double', 'bare', '/two words', '/Case', '/1.0'].map((trigger) => ({
      ...file.commands[0],
      command: trigger,
    }))
    const check = checkExportFile(JSON.stringify(file))
    expect(check.ok && check.file.commands.map(({ command, written }) => [command, written])).toEqual([
      ['//double', '//double'],
      ['/bare', 'bare'],
      ['/two words', '/two words'],
      ['/Case', '/Case'],
      ['/1.0', '/1.0'],
    ])
  })

  it('reads the older exports (no format, no language): version 1', () => {
    const older = JSON.stringify({
      portal: 'acme.bitrix24.com',
      exportedAt: '2026-11-01T00:00:00.000Z',
      commands: [{ ...command, bot: { id: 7, name: 'Helper', code: 'helper' } }],
    })
    const check = checkExportFile(older)
    expect(check.ok && check.file).toMatchObject({ version: 1, language: null })
  })

  it('reads flags in any spelling a portal sent ("Y"/"N", extranet)', () => {
    const file = JSON.parse(exported())
    file.commands[0] = { ...file.commands[0], common: 'N', hidden: 'Y', extranet: 'Y' }
    delete file.commands[0].extranetSupport
    const check = checkExportFile(JSON.stringify(file))
    expect(check.ok && check.file.commands[0]).toMatchObject({
      common: false,
      hidden: true,
      extranetSupport: true,
    })
  })

  it('refuses a huge file before reading it', () => {
    expect(problemOf('', maxFileBytes + 1)).toEqual({
      message: 'restore.problem.tooBig',
      values: { limit: '10 MB' },
    })
  })

  it('refuses an empty file and one that is not JSON', () => {
    expect(problemOf('  ')?.message).toBe('restore.problem.empty')
    expect(problemOf('name,command\nhelper,/help')?.message).toBe('restore.problem.notJson')
  })

  it('refuses JSON that is not an export of this app', () => {
    for (const content of [
      '[1,2]',
      '"text"',
      '{"a":1}',
      '{"format":"other-app","version":1,"commands":[]}',
      '{"version":3,"items":[]}',
    ]) {
      expect(problemOf(content)?.message, content).toBe('restore.problem.notExport')
    }
  })

  it('refuses a newer format, naming it', () => {
    const file = { ...JSON.parse(exported()), version: 3 }
    expect(problemOf(JSON.stringify(file))).toEqual({
      message: 'restore.problem.newer',
      values: { version: 3 },
    })
  })

  it('names the missing or wrong field of a file edited by hand', () => {
    const edit = (
      change: (file: Record<string, unknown> & { commands: Record<string, unknown>[] }) => void,
    ) => {
      const file = JSON.parse(exported())
      file.commands.push({ ...file.commands[0], command: '/second' })
      change(file)
      return problemOf(JSON.stringify(file))
    }
    expect(edit((f) => delete f.portal)).toEqual({
      message: 'restore.problem.header',
      values: { field: 'portal' },
    })
    expect(edit((f) => (f.commands = {} as never))).toEqual({
      message: 'restore.problem.header',
      values: { field: 'commands' },
    })
    expect(edit((f) => (f.version = 'two'))).toEqual({
      message: 'restore.problem.header',
      values: { field: 'version' },
    })
    const cases: [(f: { commands: Record<string, unknown>[] }) => void, string][] = [
      [(f) => delete f.commands[1]?.command, 'command'],
      [(f) => ((f.commands[1] as Record<string, unknown>).command = '/'), 'command'],
      [(f) => ((f.commands[1] as Record<string, unknown>).command = 7), 'command'],
      [(f) => Object.assign(f.commands[1] as object, { bot: {}, botId: undefined }), 'bot'],
      [(f) => ((f.commands[1] as Record<string, unknown>).title = { en: 'x' }), 'title'],
      [(f) => ((f.commands[1] as Record<string, unknown>).common = 'maybe'), 'common'],
      [(f) => ((f.commands[1] as Record<string, unknown>).id = 'def0'), 'id'],
      [(f) => delete f.commands[1]?.title, 'title'],
      [(f) => delete f.commands[1]?.params, 'params'],
    ]
    for (const [change, field] of cases) {
      expect(edit(change), field).toEqual({ message: 'restore.problem.field', values: { entry: 2, field } })
    }
  })

  it('says an export without commands has nothing to restore', () => {
    const file = { ...JSON.parse(exported()), commands: [] }
    expect(problemOf(JSON.stringify(file))?.message).toBe('restore.problem.noCommands')
  })
})
