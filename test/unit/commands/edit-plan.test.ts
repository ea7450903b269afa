import { describe, expect, it } from 'vitest'
import { type EditForm, planEdit } from '../../../src/commands/edit/changes'
import type { Command } from '../../../src/imbot'

const help: Command = {
  id: 5,
  botId: 1,
  command: '/help',
  title: 'Show help',
  params: '[topic]',
  common: true,
  hidden: null,
  extranetSupport: false,
  category: 'Helpdesk Bot',
  context: '',
}
const faq: Command = { ...help, id: 6, command: '/FAQ', title: 'Search the FAQ' }
const asListed = (changes: Partial<EditForm> = {}): EditForm => ({
  trigger: 'help',
  title: help.title,
  params: help.params,
  flags: { common: help.common, hidden: help.hidden, extranetSupport: help.extranetSupport },
  extra: [],
  ...changes,
})

describe('what an edit sends', () => {
  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    expect(planEdit(help, asListed(), [help, faq], 'en')).toEqual({ unchanged: true })
    const flagOnly = planEdit(
      help,
      asListed({ flags: { common: false, hidden: null, extranetSupport: false } }),
      [],
      'en',
    )
    expect('changes' in flagOnly && flagOnly.changes).toEqual({ common: false })
    const renamed = planEdit(help, asListed({ trigger: '/support ' }), [help, faq], 'en')
    expect('changes' in renamed && renamed.changes).toEqual({ command: 'support' })
  })

  it('sends a changed hint with its title (Bitrix24 keeps a hint only with its title), and asks for an empty one', () => {
    const hint = planEdit(help, asListed({ params: '<topic>' }), [], 'ru')
    expect('changes' in hint && hint.changes).toEqual({
      title: { ru: 'Show help' },
      params: { ru: '<topic>' },
    })
    // Portals before BOT-FIX-0408-3 list every title as "": sending it along would wipe the real title.
    expect(planEdit({ ...help, title: '' }, asListed({ title: '', params: '<topic>' }), [], 'ru')).toEqual({
      problem: 'edit.problem.hintWithoutTitle',
      values: { language: 'ru' },
      field: 'title',
    })
  })

  it('names the field at fault: an empty trigger, spaces, a trigger the bot has (any case), a hint without title', () => {
    const problemOf = (form: EditForm) => {
      const plan = planEdit(help, form, [help, faq], 'en')
      return 'problem' in plan ? [plan.problem, plan.field] : plan
    }
    expect(problemOf(asListed({ trigger: ' / ' }))).toEqual(['edit.problem.empty', 'command'])
    expect(problemOf(asListed({ trigger: 'two words' }))).toEqual(['edit.problem.spaces', 'command'])
    expect(problemOf(asListed({ trigger: 'faq' }))).toEqual(['edit.problem.taken', 'command'])
    expect(problemOf(asListed({ extra: [{ language: 'de', title: ' ', params: '[Thema]' }] }))).toEqual([
      'edit.problem.hintWithoutTitle',
      'title-de',
    ])
  })

  it('sends titles and hints added in other languages under their language', () => {
    const plan = planEdit(
      help,
      asListed({
        extra: [
          { language: 'de', title: 'Hilfe', params: '[Thema]' },
          { language: 'fr', title: 'Aide', params: '' },
        ],
      }),
      [],
      'en',
    )
    expect('changes' in plan && plan.changes).toEqual({
      title: { de: 'Hilfe', fr: 'Aide' },
      params: { de: '[Thema]' },
    })
  })
})
