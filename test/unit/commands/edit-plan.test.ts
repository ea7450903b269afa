import { describe, expect, it } from 'vitest'
import { type EditForm, planEdit, triggerWarning } from '../../../src/features/edit/on-demand/changes'
import type { Command } from '../../../src/imbot'
import { listedHelp } from '../../support/listed-commands'

const help = listedHelp
const faq: Command = { ...help, id: 6, command: '/FAQ', title: 'Search the FAQ' }
const asListed = (changes: Partial<EditForm> = {}): EditForm => ({
  trigger: 'help',
  title: help.title,
  params: help.params,
  flags: { common: help.common, hidden: help.hidden, extranetSupport: help.extranetSupport },
  extra: [],
  ...changes,
})
const sent = (form: EditForm, language = 'en') => {
  const plan = planEdit(help, form, [help, faq], language)
  return 'changes' in plan ? plan.changes : plan
}
const problems = (form: EditForm, language = 'en') => {
  const plan = planEdit(help, form, [help, faq], language)
  return 'problems' in plan
    ? plan.problems.map(({ field, problem, values }) => ({ field, problem, values }))
    : plan
}
const emoji = '😀'

describe('what an edit sends', () => {
  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    expect(planEdit(help, asListed(), [help, faq], 'en')).toEqual({ unchanged: true })
    expect(sent(asListed({ flags: { common: false, hidden: null, extranetSupport: false } }))).toEqual({
      common: false,
    })
    expect(sent(asListed({ trigger: '/support ' }))).toEqual({ command: 'support' })
    // The trigger as listed, typed with its slash or spaces around it, is no change.
    expect(planEdit(help, asListed({ trigger: ' /help ' }), [help, faq], 'en')).toEqual({ unchanged: true })
  })

  it('sends a changed title in the list’s language with the hint shown, and a changed hint with its title', () => {
    // The hint shown may be another language's (the list falls back when a command has no title in its own): the
    // portal would give the new title an empty hint (imbot/lib/V2/Controller/Command.php updateAction).
    expect(sent(asListed({ title: 'Get help' }), 'de')).toEqual({
      title: { de: 'Get help' },
      params: { de: '[topic]' },
    })
    expect(sent(asListed({ params: '<topic>' }), 'ru')).toEqual({
      title: { ru: 'Show help' },
      params: { ru: '<topic>' },
    })
    // An empty hint shown is not sent: Bitrix24 keeps the one it has (portals before BOT-FIX-0408-3 list "").
    const untitled = { ...help, title: '', params: '' }
    expect('changes' in planEdit(untitled, { ...asListed(), title: 'Help', params: '' }, [], 'en')).toBe(true)
    const plan = planEdit(untitled, { ...asListed(), title: 'Help', params: '' }, [], 'en')
    expect('changes' in plan && plan.changes).toEqual({ title: { en: 'Help' } })
    // ...and an empty title cannot go along with a changed hint: it would wipe the real one on those portals.
    const hintOnly = planEdit(untitled, { ...asListed(), title: '', params: '<topic>' }, [], 'en')
    expect('problems' in hintOnly && hintOnly.problems).toEqual([
      { field: 'title', problem: 'edit.problem.hintWithoutTitle', language: 'en' },
    ])
  })

  it('keeps a title in the list’s language on a command that is not hidden: a restore could not bring it back', () => {
    // Register refuses a visible command without a title (COMMAND_TITLE_REQUIRED, imbot/lib/V2/Controller/Command.php
    // registerAction), and an export holds the list's language only. `hidden` unknown (live portals do not list it)
    // may be visible.
    const required = [{ field: 'title', problem: 'edit.problem.titleRequired', language: 'de' }]
    const planOf = (form: EditForm, command = help) => planEdit(command, form, [help, faq], 'de')
    for (const hidden of [null, false]) {
      const cleared = planOf(asListed({ title: '', flags: { ...asListed().flags, hidden } }))
      expect('problems' in cleared && cleared.problems, `hidden: ${hidden}`).toEqual(required)
    }
    // Spaces are no title; a changed hint does not make it one, and says only this.
    expect(planOf(asListed({ title: '   ', params: '<topic>' }))).toEqual({ problems: required })
    // Hidden (ticked now, or already known): it may have none.
    const hide = asListed({ title: '', flags: { common: true, hidden: true, extranetSupport: false } })
    expect(planOf(hide)).toMatchObject({ changes: { title: { de: '' }, hidden: true } })
    expect(planOf({ ...hide, flags: { ...hide.flags } }, { ...help, hidden: true })).toMatchObject({
      changes: { title: { de: '' } },
    })
    // A command already listed without a title is not refused an edit of something else (it is not this edit's doing).
    const untitled = { ...help, title: '' }
    expect(planOf(asListed({ title: '', trigger: 'support' }), untitled)).toMatchObject({
      changes: { command: 'support' },
    })
  })

  it('sends titles and hints added in other languages under their language, and no other language', () => {
    expect(
      sent(
        asListed({
          extra: [
            { language: 'de', title: 'Hilfe', params: '[Thema]' },
            { language: 'fr', title: 'Aide', params: '' },
            { language: 'ua', title: '', params: '' },
          ],
        }),
      ),
    ).toEqual({ title: { de: 'Hilfe', fr: 'Aide' }, params: { de: '[Thema]' } })
  })
})

describe('triggers as Bitrix24 stores them (imbot/lib/V2/Controller/Command.php, im/lib/command.php)', () => {
  it('accepts any character but a space, which ends a command in chat', () => {
    for (const trigger of ['привет', 'a.b', 'x-y', `go${emoji}`, 'tab\there', 'ü']) {
      expect(sent(asListed({ trigger }))).toEqual({ command: trigger })
    }
    expect(problems(asListed({ trigger: 'two words' }))).toEqual([
      { field: 'command', problem: 'edit.problem.spaces', values: undefined },
    ])
    for (const trigger of [' ', '/', ' // ']) {
      expect(problems(asListed({ trigger }))).toEqual([
        { field: 'command', problem: 'edit.problem.empty', values: undefined },
      ])
    }
  })

  it('matches the bot’s other commands with case: /FAQ is taken, /faq is not', () => {
    expect(problems(asListed({ trigger: 'FAQ' }))).toEqual([
      { field: 'command', problem: 'edit.problem.taken', values: { command: '/FAQ' } },
    ])
    expect(sent(asListed({ trigger: 'faq' }))).toEqual({ command: 'faq' })
    // Two slashes are stripped, so //FAQ would be stored as FAQ, a second /FAQ.
    expect(problems(asListed({ trigger: '//FAQ' }))).toEqual([
      { field: 'command', problem: 'edit.problem.taken', values: { command: '/FAQ' } },
    ])
  })

  it('warns that a second slash goes, and sends what stores the trigger shown', () => {
    expect(triggerWarning(help, '//x')).toEqual({ command: '/x' })
    expect(triggerWarning(help, '/x')).toBeUndefined()
    expect(triggerWarning(help, 'help')).toBeUndefined()
    expect(sent(asListed({ trigger: '//x' }))).toEqual({ command: 'x' })
    // Three slashes store /x: it goes with the two the portal strips.
    expect(sent(asListed({ trigger: '///x' }))).toEqual({ command: '///x' })
    const plan = planEdit(help, asListed({ trigger: '//x' }), [], 'en')
    expect('after' in plan && plan.after.command).toBe('/x')
  })
})

describe('lengths Bitrix24 stores (255; an emoji as 10 in a title or hint: im/lib/model/command.php, commandlang.php)', () => {
  it('says by how much each field is too long, all at once, and sends nothing', () => {
    expect(sent(asListed({ trigger: 'x'.repeat(255) }))).toEqual({ command: 'x'.repeat(255) })
    expect(
      problems(
        asListed({
          trigger: 'x'.repeat(256),
          title: `${'t'.repeat(250)}${emoji}`,
          params: emoji.repeat(26),
          extra: [{ language: 'de', title: 'Hilfe', params: 'p'.repeat(300) }],
        }),
      ),
    ).toEqual([
      { field: 'command', problem: 'edit.problem.triggerTooLong', values: { count: 1 } },
      { field: 'title', problem: 'edit.problem.tooLong', values: { count: 5 } },
      { field: 'params', problem: 'edit.problem.tooLong', values: { count: 5 } },
      { field: 'params-de', problem: 'edit.problem.tooLong', values: { count: 45 } },
    ])
    // 25 emoji are 250 stored characters: they fit.
    expect('changes' in planEdit(help, asListed({ title: emoji.repeat(25) }), [], 'en')).toBe(true)
    // A trigger keeps its emoji as they are (CommandTable's COMMAND has no emoji modifier): 255 of them fit.
    expect(sent(asListed({ trigger: emoji.repeat(255) }))).toEqual({ command: emoji.repeat(255) })
    expect(problems(asListed({ trigger: emoji.repeat(256) }))).toEqual([
      { field: 'command', problem: 'edit.problem.triggerTooLong', values: { count: 1 } },
    ])
  })
})

describe('languages', () => {
  it('takes only Bitrix24’s language ids, and not the list’s language twice', () => {
    const plan = planEdit(
      help,
      asListed({
        extra: [
          { language: 'es', title: 'Ayuda', params: '' },
          { language: 'en', title: 'Help', params: '' },
          { language: 'la', title: 'Ayuda', params: '' },
        ],
      }),
      [],
      'en',
    )
    expect('problems' in plan && plan.problems.map(({ field, problem }) => [field, problem])).toEqual([
      ['title-es', 'edit.problem.language'],
      ['title-en', 'edit.problem.language'],
    ])
    expect(problems(asListed({ extra: [{ language: 'de', title: ' ', params: '[Thema]' }] }))).toEqual([
      { field: 'title-de', problem: 'edit.problem.hintWithoutTitle', values: undefined },
    ])
  })
})
