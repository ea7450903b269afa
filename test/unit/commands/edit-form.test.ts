import { describe, expect, it } from 'vitest'
import type { EditMutation } from '../../../src/features/edit/failure'
import { planEdit } from '../../../src/features/edit/on-demand/changes'
import { changeForm, type FormChange, formOf } from '../../../src/features/edit/on-demand/form-state'
import {
  outcomeShown,
  problemShown,
  refusalShown,
  unsavedShown,
} from '../../../src/features/edit/on-demand/problems'
import { PortalError } from '../../../src/portal'
import { listedHelp } from '../../support/listed-commands'
import { translatorOf } from '../../support/messages'

const help = listedHelp
const t = translatorOf('en')
const refusal = (code: string) =>
  new PortalError({ code, status: 400, description: code, method: 'imbot.v2.Command.update' })

describe('the edit form’s values', () => {
  const typed = (...changes: FormChange[]) => changes.reduce(changeForm, formOf(help))

  it('open as the command is listed: the trigger without its slash, a flag Bitrix24 did not list as unknown', () => {
    expect(formOf(help)).toEqual({
      trigger: 'help',
      title: 'Show help',
      params: '[topic]',
      flags: { common: true, hidden: null, extranetSupport: false },
      extra: [],
    })
  })

  it('take what is typed, and send only that', () => {
    const form = typed(
      { type: 'text', field: 'trigger', value: 'support' },
      { type: 'flag', flag: 'hidden', checked: true },
      { type: 'add language', language: 'de' },
      { type: 'add language', language: 'fr' },
      { type: 'language text', language: 'fr', field: 'title', value: 'Aide' },
      { type: 'language text', language: 'de', field: 'params', value: '[Thema]' },
      { type: 'language text', language: 'de', field: 'title', value: 'Hilfe' },
    )
    expect(form.extra).toEqual([
      { language: 'de', title: 'Hilfe', params: '[Thema]' },
      { language: 'fr', title: 'Aide', params: '' },
    ])
    expect(planEdit(help, form, [help], 'en')).toMatchObject({
      changes: {
        command: 'support',
        hidden: true,
        title: { de: 'Hilfe', fr: 'Aide' },
        params: { de: '[Thema]' },
      },
    })
  })

  it('leave the form as it was: a change makes a new form', () => {
    const before = formOf(help)
    changeForm(before, { type: 'text', field: 'title', value: 'Get help' })
    expect(before.title).toBe('Show help')
  })
})

describe('what the form says, and under which field', () => {
  it('puts a refusal about the trigger or the title under it, any other above the fields', () => {
    expect(refusalShown(refusal('COMMAND_ALREADY_EXISTS')).field).toBe('command')
    expect(refusalShown(refusal('COMMAND_TITLE_REQUIRED')).field).toBe('title')
    expect(refusalShown(refusal('INTERNAL_SERVER_ERROR')).field).toBe('form')
  })

  it('says why a field cannot be sent, naming its language', () => {
    expect(
      problemShown({ field: 'title-de', problem: 'edit.problem.hintWithoutTitle', language: 'de' }, t, 'en'),
    ).toEqual({
      field: 'title-de',
      text: 'Add a title in German (de) too: Bitrix24 keeps a hint only with its title.',
    })
    expect(
      problemShown({ field: 'params', problem: 'edit.problem.tooLong', values: { count: 5 } }, t, 'en'),
    ).toEqual({
      field: 'params',
      text: expect.stringContaining('Too long by 5 characters') as string,
    })
  })

  it('says what Bitrix24 did not save under its field: the list’s language under the form’s own', () => {
    expect(unsavedShown({ field: 'title', language: 'en' }, 'en', t, 'en')).toEqual({
      field: 'title',
      text: 'Bitrix24 did not save the title in English (en).',
    })
    expect(unsavedShown({ field: 'params', language: 'de' }, 'en', t, 'en').field).toBe('params-de')
    expect(unsavedShown({ field: 'command', stored: '/help' }, 'en', t, 'en')).toEqual({
      field: 'command',
      text: 'Bitrix24 did not save the new command: it is still /help.',
    })
    expect(unsavedShown({ field: 'hidden' }, 'en', t, 'en').field).toBe('flags')
  })

  it('shows an edit the form resumes as it ended: refused, or not wholly saved', () => {
    const ended = (state: Partial<EditMutation['state']>) => state as EditMutation['state']
    const refused = refusal('COMMAND_ALREADY_EXISTS')
    expect(outcomeShown(ended({ error: refused }), 'en', t, 'en')).toEqual([
      { field: 'command', error: refused },
    ])
    expect(
      outcomeShown(
        ended({ error: null, data: { answer: null, unsaved: [{ field: 'hidden' }], gone: false } }),
        'en',
        t,
        'en',
      ),
    ).toEqual([{ field: 'flags', text: 'Bitrix24 did not save “Hidden”.' }])
  })
})
