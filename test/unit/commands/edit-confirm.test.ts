import { describe, expect, it } from 'vitest'
import { listShows, unsavedInAnswer, unsavedInList } from '../../../src/features/edit/on-demand/confirm'
import type { Command } from '../../../src/imbot'
import type { UpdatedCommand } from '../../../src/imbot/on-demand/update'

// Bitrix24 answers HTTP 200 for what it did not save (im/lib/command.php update, im/lib/model/commandlang.php):
// the edit compares what it sent with the answer, and with the list read again.

const answer: UpdatedCommand = {
  id: 5,
  botId: 1,
  command: '/help',
  common: true,
  hidden: false,
  extranetSupport: false,
}
const listed: Command = {
  ...answer,
  hidden: null,
  title: 'Show help',
  params: '[topic]',
  category: 'Helpdesk Bot',
  context: '',
}

describe('what Bitrix24 did not save of an edit', () => {
  it('reads the answer: a trigger it kept (over 255 characters it keeps the old one), a flag', () => {
    expect(unsavedInAnswer({ command: 'support' }, answer)).toEqual([{ field: 'command', stored: '/help' }])
    expect(unsavedInAnswer({ command: 'support' }, { ...answer, command: '/support' })).toEqual([])
    // Sent as the portal strips it: //x and x both store x; ///x stores /x.
    expect(unsavedInAnswer({ command: '//x' }, { ...answer, command: '/x' })).toEqual([])
    expect(unsavedInAnswer({ command: '///x' }, { ...answer, command: '//x' })).toEqual([])
    expect(unsavedInAnswer({ hidden: true, common: true }, answer)).toEqual([{ field: 'hidden' }])
    // A flag the answer leaves unsaid is not claimed either way.
    expect(unsavedInAnswer({ hidden: true }, { ...answer, hidden: null })).toEqual([])
  })

  it('reads the list for a title in its language: a title it dropped takes the hint with it', () => {
    const changes = { title: { en: 'Get help' }, params: { en: '<topic>' } }
    expect(listShows(changes, 'en')).toBe(true)
    expect(listShows({ title: { de: 'Hilfe' } }, 'en')).toBe(false)
    expect(unsavedInList(changes, 'en', { ...listed, title: 'Get help', params: '<topic>' })).toEqual([])
    // The language gone: the list falls back to another language's title.
    expect(unsavedInList(changes, 'en', { ...listed, title: 'Hilfe anzeigen', params: '[Thema]' })).toEqual([
      { field: 'title', language: 'en' },
    ])
    expect(unsavedInList(changes, 'en', { ...listed, title: 'Get help', params: '[topic]' })).toEqual([
      { field: 'params', language: 'en' },
    ])
    // A hint not sent is the portal's own: not compared.
    expect(unsavedInList({ title: { en: 'Get help' } }, 'en', { ...listed, title: 'Get help' })).toEqual([])
  })
})
