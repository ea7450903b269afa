import { describe, expect, it } from 'vitest'
import {
  ANSWER_SHAPES,
  type LiveCommandEntry,
  parseSettingsPatch,
  type SandboxSettings,
  SEED_BOT_IDS,
} from '../../../src/sandbox/emulator'
import { type CommandItem, portalFixture } from './portal-fixture'

// How the im module stores what imbot.v2.Command.register / update send, and what imbot.v2.Command.list reads back:
// imbot/lib/V2/Controller/Command.php (the merge of language rows), im/lib/command.php (Im\Command::register /
// update), im/lib/model/command.php and im/lib/model/commandlang.php (the validators whose refusals are silent),
// main/lib/text/emoji.php (emoji saved as 10-character codes), im/lib/V2/Entity/Command/Command.php
// (commandRestLang: one language per command).

const UPDATE = 'imbot.v2.Command.update'
const REGISTER = 'imbot.v2.Command.register'
const HELPDESK = SEED_BOT_IDS.helpdesk
/** Helpdesk Bot's /help: en, ru and de titles and hints. */
const HELP = 1

interface CommandAnswer {
  command: { id: number; command: string; common: boolean; hidden: boolean; extranetSupport: boolean }
}

function fixture(settings: Partial<SandboxSettings> = {}) {
  const base = portalFixture(settings)
  const stored = (id: number) => base.portal.getState().commands.find((command) => command.id === id)
  const update = (fields: Record<string, unknown>, commandId = HELP) =>
    base.result<CommandAnswer>(UPDATE, { botId: HELPDESK, commandId, fields })
  const register = (fields: Record<string, unknown>) =>
    base.result<CommandAnswer>(REGISTER, { botId: HELPDESK, fields })
  /** The entry of one command in imbot.v2.Command.list, in whatever shape the portal answers. */
  const listed = (id: number) =>
    base
      .result<{ commands: (LiveCommandEntry | CommandItem)[] }>('imbot.v2.Command.list', { botId: HELPDESK })
      .commands.find((command) => command.id === id)
  return { ...base, stored, update, register, listed }
}

const EMOJI = '😀'

describe('language rows on update (imbot/lib/V2/Controller/Command.php updateAction)', () => {
  it.each(ANSWER_SHAPES)(
    "merges: the sent languages override the command's rows, the others stay with their hints (%s)",
    (answerShape) => {
      const { update, stored } = fixture({ answerShape })
      update({ title: { EN: 'Help me', fr: 'Aide' }, params: { fr: '[sujet]' } })
      expect(stored(HELP)).toMatchObject({
        titles: { en: 'Help me', ru: 'Показать справку', de: 'Hilfe anzeigen', fr: 'Aide' },
        params: { en: '[topic]', ru: '[тема]', de: '[Thema]', fr: '[sujet]' },
      })
      // The rows keep their order; a new language comes last.
      expect(Object.keys(stored(HELP)?.titles ?? {})).toEqual(['en', 'ru', 'de', 'fr'])
    },
  )

  it('null removes a language, its hint with it; an empty title is stored as an empty title', () => {
    const { update, stored } = fixture()
    update({ title: { ru: null, de: '' } })
    expect(stored(HELP)).toMatchObject({
      titles: { en: 'Show help', de: '' },
      params: { en: '[topic]', de: '[Thema]' },
    })
  })
})

describe('silent drops: HTTP 200, and what CommandLangTable refuses is gone (im/lib/model/commandlang.php)', () => {
  it.each(ANSWER_SHAPES)(
    'a title over 255 characters (mb_strlen) removes that language; 255 is kept (%s)',
    (answerShape) => {
      const { update, stored } = fixture({ answerShape })
      update({ title: { en: 'é'.repeat(255) } })
      expect(stored(HELP)?.titles.en).toBe('é'.repeat(255))
      update({ title: { en: 'é'.repeat(256), de: 'Hilfe' } })
      expect(stored(HELP)?.titles).toEqual({ ru: 'Показать справку', de: 'Hilfe' })
    },
  )

  it('a hint over 255 characters removes its language, title and all', () => {
    const { update, stored } = fixture()
    update({ title: { de: 'Hilfe' }, params: { de: 'x'.repeat(256) } })
    expect(stored(HELP)?.titles).toEqual({ en: 'Show help', ru: 'Показать справку' })
  })

  it('an emoji counts 10: its stored code (":f09f9880:", Emoji::encode) must fit the 255 characters too', () => {
    const { update, stored, listed } = fixture()
    update({ title: { en: `${EMOJI.repeat(25)}abcde`, de: `${EMOJI.repeat(25)}abcdef` } })
    // 25 × 10 + 5 = 255 characters stored: kept, and read back as emoji; 256: the German row is gone.
    expect(stored(HELP)?.titles).toEqual({ en: `${EMOJI.repeat(25)}abcde`, ru: 'Показать справку' })
    expect(listed(HELP)?.title).toBe(`${EMOJI.repeat(25)}abcde`)
    update({ title: { en: 'Show help' }, params: { en: EMOJI.repeat(26) } })
    expect(stored(HELP)?.titles).toEqual({ ru: 'Показать справку' })
  })

  it('a code typed as text is read back as the emoji it spells (Emoji::decode on fetch)', () => {
    const { update, stored } = fixture()
    update({ title: { en: 'Smile :F09F9880: and :00000000:' } })
    expect(stored(HELP)?.titles.en).toBe(`Smile ${EMOJI} and :00000000:`)
  })

  it('a language id over 2 characters is dropped; any id of 2 is kept, lower-cased', () => {
    const { update, stored } = fixture()
    update({ title: { eng: 'English', ZZ: 'Zed', u: 'U' } })
    expect(Object.keys(stored(HELP)?.titles ?? {})).toEqual(['en', 'ru', 'de', 'zz', 'u'])
  })

  it('register adds its rows through the same validators', () => {
    const { register, stored } = fixture()
    const { command } = register({
      command: 'rows',
      title: { en: 'x'.repeat(256), de: 'Zeilen', deu: 'Zeilen', fr: 'Lignes' },
      params: { fr: 'y'.repeat(256) },
    })
    expect(stored(command.id)).toMatchObject({ titles: { de: 'Zeilen' }, params: { de: '' } })
  })

  it.each(ANSWER_SHAPES)(
    'a trigger over 255 characters is not saved, nor the flags sent with it; the answer shows the old ones (%s)',
    (answerShape) => {
      const { update, stored } = fixture({ answerShape })
      const answer = update({ command: 'x'.repeat(256), common: false, hidden: true, title: { de: 'Neu' } })
      expect(answer.command).toMatchObject({ command: '/help', common: true, hidden: false })
      // The rows were replaced before CommandTable::update failed (im/lib/command.php).
      expect(stored(HELP)).toMatchObject({ command: 'help', common: true, hidden: false })
      expect(stored(HELP)?.titles.de).toBe('Neu')
      expect(update({ command: 'x'.repeat(255) }).command.command).toBe(`/${'x'.repeat(255)}`)
    },
  )

  it('"//" strips to nothing in Im\\Command: CommandTable requires a COMMAND, so nothing is saved', () => {
    const { update, stored } = fixture()
    expect(update({ command: '//', common: false }).command).toMatchObject({ command: '/help', common: true })
    expect(stored(HELP)?.command).toBe('help')
  })
})

describe('imbot.v2.Command.list: one language per command (im/lib/V2/Entity/Command/Command.php commandRestLang)', () => {
  it('the portal language first, then its default, then the first row; the user language has no say', () => {
    const { update, listed, portal } = fixture({ lang: 'de', portalLanguage: 'fr' })
    // No French row: the portal's default (French too, one site) has none either, so the first row, English.
    expect(listed(HELP)?.title).toBe('Show help')
    update({ title: { fr: 'Aide' }, params: { fr: '[sujet]' } })
    expect(listed(HELP)).toMatchObject({ title: 'Aide', params: '[sujet]' })
    update({ title: { en: null, fr: null } })
    expect(listed(HELP)?.title).toBe('Показать справку')
    portal.updateSettings({ portalLanguage: 'de' })
    expect(listed(HELP)).toMatchObject({ title: 'Hilfe anzeigen', params: '[Thema]' })
  })

  it('an empty title marks the command hidden: live lists it as any other (no `hidden` field), the docs say hidden', () => {
    const { update, listed, portal } = fixture()
    update({ title: { en: '' } })
    expect(listed(HELP)).toMatchObject({ title: '', common: 'Y' })
    expect(listed(HELP)).not.toHaveProperty('hidden')
    portal.updateSettings({ answerShape: 'docs' })
    expect(listed(HELP)).toMatchObject({ title: '', hidden: true })
    // PHP's empty(): "0" is empty too.
    update({ title: { en: '0' } })
    expect(listed(HELP)).toMatchObject({ title: '0', hidden: true })
    update({ title: { en: 'Help' } })
    expect(listed(HELP)).toMatchObject({ title: 'Help', hidden: false })
  })

  it('the built-ins speak the portal language (English where the sandbox has no words)', () => {
    const firstTitle = (settings: Partial<SandboxSettings>) =>
      portalFixture(settings).result<{ commands: LiveCommandEntry[] }>('imbot.v2.Command.list', {
        botId: HELPDESK,
      }).commands[0]?.title
    expect(firstTitle({ lang: 'en', portalLanguage: 'ru' })).toBe('Сказать о себе в третьем лице')
    expect(firstTitle({ lang: 'ru', portalLanguage: 'fr' })).toBe('Speak of yourself in the third person')
  })
})

describe('the portal language (settings: portalLanguage)', () => {
  it("follows the user's language until set; Bot.list's language is it; the frame's LANG stays the user's", () => {
    const { portal, result } = fixture({ lang: 'ru' })
    const language = () => result<{ bots: { language: string }[] }>('imbot.v2.Bot.list').bots[0]?.language
    expect(portal.getSettings().portalLanguage).toBeNull()
    expect(language()).toBe('ru')
    portal.updateSettings({ portalLanguage: 'ua' })
    expect(language()).toBe('ua')
    expect(portal.initData('127.0.0.1:5173').LANG).toBe('ru')
    portal.updateSettings({ portalLanguage: null })
    expect(language()).toBe('ru')
  })

  it("takes one of Bitrix24's 20 language ids, or null; batchSubstitution a boolean", () => {
    expect(parseSettingsPatch({ portalLanguage: 'in', batchSubstitution: false })).toEqual({
      portalLanguage: 'in',
      batchSubstitution: false,
    })
    expect(parseSettingsPatch({ portalLanguage: null })).toEqual({ portalLanguage: null })
    expect(() => parseSettingsPatch({ portalLanguage: 'es' })).toThrow(/portalLanguage/)
    expect(() => parseSettingsPatch({ batchSubstitution: 'no' })).toThrow(/batchSubstitution/)
  })
})

describe("test setup: a command's rows as the database holds them (control route command-texts)", () => {
  it('sets titles and hints in any language exactly; getState shows every row', () => {
    const { portal, listed } = fixture({ portalLanguage: 'kz' })
    const shown = portal.setCommandTexts({
      commandId: HELP,
      titles: { kz: 'Анықтама', en: 'Help' },
      params: { kz: '[тақырып]' },
    })
    expect(shown).toMatchObject({
      titles: { kz: 'Анықтама', en: 'Help' },
      params: { kz: '[тақырып]', en: '' },
    })
    expect(portal.getState().commands[0]).toMatchObject({ titles: { kz: 'Анықтама', en: 'Help' } })
    expect(listed(HELP)?.title).toBe('Анықтама')
    expect(() => portal.setCommandTexts({ commandId: 999, titles: {} })).toThrow(RangeError)
    expect(() => portal.setCommandTexts({ commandId: HELP, titles: { en: 5 } } as never)).toThrow(TypeError)
  })
})
