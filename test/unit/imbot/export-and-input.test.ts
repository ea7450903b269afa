import { describe, expect, it } from 'vitest'
import { buildCommandsExport } from '../../../src/features/export/on-demand/export'
import { parseCommandId } from '../../../src/features/removal/on-demand/LegacyRemoval'
import type { Bot, Command } from '../../../src/imbot'

const bot: Bot = {
  id: 7,
  code: 'helper',
  name: 'Helper',
  type: 'bot',
  isHidden: false,
  countCommand: 1,
  language: 'en',
}
const command: Command = {
  id: 42,
  botId: 7,
  command: '/help',
  title: 'Show help',
  params: '[topic]',
  common: true,
  hidden: false,
  extranetSupport: false,
  category: 'General',
  context: '',
}

describe('the export', () => {
  it('carries every field Bitrix24 returned and the bot, named after the portal and the day', () => {
    const { filename, json } = buildCommandsExport(
      'acme.bitrix24.com',
      [bot],
      [command],
      new Date('2026-11-23T10:00:00Z'),
    )
    expect(filename).toBe('bot-commands-acme.bitrix24.com-2026-11-23.json')
    expect(JSON.parse(json)).toEqual({
      format: 'bot-commands-export',
      version: 2,
      portal: 'acme.bitrix24.com',
      exportedAt: '2026-11-23T10:00:00.000Z',
      language: 'en',
      bots: [{ id: 7, name: 'Helper', code: 'helper', language: 'en' }],
      commands: [{ ...command, bot: { id: 7, name: 'Helper', code: 'helper', language: 'en' } }],
    })
  })

  it('writes the bots’ language (the one Command.list answers in), never the user’s interface language', () => {
    const german = { ...bot, language: 'de' }
    const { json } = buildCommandsExport('acme.bitrix24.com', [german], [command], new Date(), 'ru')
    expect(JSON.parse(json)).toMatchObject({
      language: 'de',
      bots: [{ code: 'helper', language: 'de' }],
      commands: [{ command: '/help', bot: { language: 'de' } }],
    })
  })

  it('takes the client’s language, as Bitrix24 names it, only for a bot Bot.list gives no language', () => {
    const silent = { ...bot, language: null }
    const { json } = buildCommandsExport('acme.bitrix24.com', [silent], [command], new Date(), 'uk-UA')
    expect(JSON.parse(json)).toMatchObject({ language: 'ua', bots: [{ language: 'ua' }] })
  })

  it('names each bot’s language when bots differ, and the file’s language is most bots’', () => {
    const bots = [bot, { ...bot, id: 8, code: 'b8' }, { ...bot, id: 9, code: 'b9', language: 'ru' }]
    const commands = bots.map((each, index) => ({ ...command, id: 40 + index, botId: each.id }))
    const file = JSON.parse(buildCommandsExport('acme.bitrix24.com', bots, commands, new Date(), 'de').json)
    expect(file.language).toBe('en')
    expect(file.bots.map((each: { language: string }) => each.language)).toEqual(['en', 'en', 'ru'])
    expect(file.commands[2].bot.language).toBe('ru')
  })

  it('keeps a port out of the file name', () => {
    expect(buildCommandsExport('127.0.0.1:5173', [], [], new Date('2026-01-02T00:00:00Z')).filename).toBe(
      'bot-commands-127.0.0.1-5173-2026-01-02.json',
    )
  })
})

describe('a command id typed by a user', () => {
  it('accepts whole numbers above zero only', () => {
    expect(parseCommandId(' 42 ')).toBe(42)
    for (const text of ['', '0', '-3', '4.5', '1e3', 'abc', '12abc', '99999999999999999999']) {
      expect(parseCommandId(text), text).toBeNull()
    }
  })
})
