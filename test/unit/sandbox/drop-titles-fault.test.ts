import { describe, expect, it } from 'vitest'
import { parseFaultInjection, type SandboxPortal, SEED_BOT_IDS } from '../../../src/sandbox/emulator'
import { type BatchBody, type CommandItem, portalFixture } from './portal-fixture'

// The drop-titles fault: a database failure while Im\Command re-adds a command's language rows. Im\Command::update
// deletes every row, then adds each inside try/catch(Bitrix\Main\DB\Exception) with the result ignored
// (im/lib/command.php, lines 217-247; ::register, lines 120-143), so the language is gone and the method still
// answers 200 with the command. Command.list then shows another language's row, or none
// (im/lib/V2/Entity/Command/Command.php, commandRestLang).

const UPDATE = 'imbot.v2.Command.update'
const REGISTER = 'imbot.v2.Command.register'
const HELPDESK = SEED_BOT_IDS.helpdesk
/** Helpdesk Bot's /help: en "Show help", ru "Показать справку", de "Hilfe anzeigen". */
const HELP = 1

const stored = (portal: SandboxPortal, id: number) =>
  portal.getState().commands.find((command) => command.id === id)

function listed(result: <T>(method: string, params?: Record<string, unknown>) => T, id: number) {
  return result<{ commands: CommandItem[] }>('imbot.v2.Command.list', { botId: HELPDESK }).commands.find(
    (command) => command.id === id,
  )
}

describe('drop-titles faults', () => {
  it('lose every language row of an update that otherwise succeeds; the list then has no title', () => {
    const { portal, call, result } = portalFixture({ answerShape: 'docs', portalLanguage: 'en' })
    const before = stored(portal, HELP)
    portal.injectFault({ method: UPDATE, mode: 'drop-titles' })
    const outcome = call(UPDATE, {
      botId: HELPDESK,
      commandId: HELP,
      fields: { command: 'helpme', title: { en: 'Get help' }, common: 'Y' },
    })
    expect(outcome.status).toBe(200)
    expect((outcome.body as { result: unknown }).result).toEqual({
      command: {
        id: HELP,
        botId: HELPDESK,
        command: '/helpme',
        common: true,
        hidden: before?.hidden,
        extranetSupport: before?.extranetSupport,
      },
    })
    expect(stored(portal, HELP)).toMatchObject({ command: 'helpme', common: true, titles: {}, params: {} })
    expect(portal.listFaults()).toEqual([])
    expect(portal.getLog().at(-1)).toMatchObject({ method: UPDATE, status: 200, fault: 'drop-titles' })
    // No row in any language: the list shows '' and, as the list's data marks an empty title, hidden.
    expect(listed(result, HELP)).toMatchObject({ command: '/helpme', title: '', params: '', hidden: true })
  })

  it("lose one language's row, keep the others, and the list falls back to the first left", () => {
    const { portal, result } = portalFixture({ portalLanguage: 'en' })
    // Given in upper case, stored in lower case as Im\Command stores LANGUAGE_ID.
    portal.injectFault({ method: UPDATE, mode: 'drop-titles', language: 'EN' })
    expect(portal.listFaults()).toEqual([{ method: UPDATE, mode: 'drop-titles', language: 'en', count: 1 }])
    result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Get help' } } })
    expect(stored(portal, HELP)?.titles).toEqual({ ru: 'Показать справку', de: 'Hilfe anzeigen' })
    // Neither the request's language nor the portal default (both en) has a row: the first row is listed.
    expect(listed(result, HELP)).toMatchObject({ command: '/help', title: 'Показать справку' })
    // Used up: the next edit saves its title.
    result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Get help' } } })
    expect(listed(result, HELP)?.title).toBe('Get help')
  })

  it('are used up only by a call that lost a row, `count` of them, matching calls only', () => {
    const { portal, result } = portalFixture({ portalLanguage: 'en' })
    portal.injectFault({ method: UPDATE, mode: 'drop-titles', language: 'fr', count: 2 })
    // /help has no French row, and a flags-only update adds no rows at all: nothing lost, nothing used up.
    result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Get help' } } })
    result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { common: 'Y' } })
    expect(stored(portal, HELP)?.titles).toEqual({
      en: 'Get help',
      ru: 'Показать справку',
      de: 'Hilfe anzeigen',
    })
    expect(portal.listFaults()).toEqual([{ method: UPDATE, mode: 'drop-titles', language: 'fr', count: 2 }])
    portal.clearFaults()

    portal.injectFault({ method: UPDATE, mode: 'drop-titles', count: 2, match: { commandId: HELP } })
    result(UPDATE, { botId: HELPDESK, commandId: 2, fields: { title: { en: 'Open a ticket' } } })
    expect(stored(portal, 2)?.titles.en).toBe('Open a ticket')
    for (const title of ['One', 'Two']) {
      result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: title } } })
      expect(stored(portal, HELP)?.titles).toEqual({})
    }
    result(UPDATE, { botId: HELPDESK, commandId: HELP, fields: { title: { en: 'Three' } } })
    expect(stored(portal, HELP)?.titles).toEqual({ en: 'Three' })
  })

  it('lose the rows of a register, which still answers the new command', () => {
    const { portal, result } = portalFixture({ portalLanguage: 'en' })
    portal.injectFault({ method: REGISTER, mode: 'drop-titles', language: 'de' })
    const { command } = result<{ command: { id: number; command: string } }>(REGISTER, {
      botId: HELPDESK,
      fields: { command: 'uptime', title: { en: 'Uptime', de: 'Laufzeit' }, params: { de: '[Dienst]' } },
    })
    expect(command.command).toBe('/uptime')
    expect(stored(portal, command.id)).toMatchObject({ titles: { en: 'Uptime' }, params: { en: '' } })
  })

  it('apply inside batch, as a direct call', () => {
    const { portal, call } = portalFixture()
    portal.injectFault({ method: UPDATE, mode: 'drop-titles' })
    const body = call('batch', {
      cmd: { edit: `${UPDATE}?botId=${HELPDESK}&commandId=${HELP}&fields[title][en]=Get%20help` },
    }).body as BatchBody
    expect(body.result.result_error).toEqual([])
    expect(stored(portal, HELP)?.titles).toEqual({})
    expect(portal.getLog().find((entry) => entry.inBatch !== undefined)?.fault).toBe('drop-titles')
  })

  it('are refused for a method that adds no language rows, and with an empty language', () => {
    expect(() => parseFaultInjection({ method: 'imbot.v2.Command.list', mode: 'drop-titles' })).toThrow(
      "fault.method must be imbot.v2.Command.update or imbot.v2.Command.register for mode 'drop-titles'",
    )
    expect(() => parseFaultInjection({ method: UPDATE, mode: 'drop-titles', language: ' ' })).toThrow(
      'fault.language must be a language id',
    )
    expect(() => parseFaultInjection({ method: UPDATE, mode: 'drop-titles', language: 2 })).toThrow(
      'fault.language must be a string',
    )
    expect(parseFaultInjection({ method: 'IMBOT.V2.COMMAND.REGISTER', mode: 'drop-titles' })).toEqual({
      method: 'IMBOT.V2.COMMAND.REGISTER',
      mode: 'drop-titles',
      count: 1,
    })
  })
})
