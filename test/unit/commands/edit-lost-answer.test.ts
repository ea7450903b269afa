import { describe, expect, it, vi } from 'vitest'
import type { Edit } from '../../../src/features/edit/failure'
import { type Listed, settleEdit } from '../../../src/features/edit/on-demand/settle'
import type { Command } from '../../../src/imbot'
import type { CommandChanges, UpdatedCommand } from '../../../src/imbot/on-demand/update'
import { PortalError } from '../../../src/portal'
import { listedHelp } from '../../support/listed-commands'

// An edit whose answer is lost (no connection, an answer that cannot be read) may have been saved all the same: the
// list read again settles it, and where the list cannot show the change, the edit is sent once more (an update sets
// values: twice changes nothing more). Nothing is claimed that the portal did not confirm.

const help = listedHelp

/** An edit of /help: `after` is the row meanwhile, `changes` what is sent. */
function editOf(changes: CommandChanges, after: Partial<Command>): Edit {
  return {
    before: help,
    changes,
    after: { ...help, ...after },
    language: 'en',
    form: {
      trigger: 'help',
      title: help.title,
      params: help.params,
      flags: { common: help.common, hidden: help.hidden, extranetSupport: help.extranetSupport },
      extra: [],
    },
  }
}

const renamed = editOf({ command: 'support' }, { command: '/support' })
const hidden = editOf({ hidden: true }, { hidden: true })
const germanTitle = editOf({ title: { de: 'Hilfe anzeigen' } }, {})

const failure = (code: string) =>
  new PortalError({ code, status: 0, description: code, method: 'imbot.v2.Command.update' })
const lost = failure('NETWORK_ERROR')

/** The portal's answer to an update that went through. */
const answerOf = ({ after }: Edit): UpdatedCommand => ({
  id: after.id,
  botId: after.botId,
  command: after.command,
  common: after.common,
  hidden: after.hidden,
  extranetSupport: after.extranetSupport,
})

/** Stubs for the portal: the update answers `answers` in turn (an error is thrown), the list reads `listed` in turn. */
function portal(answers: readonly (UpdatedCommand | PortalError)[], listed: readonly Listed[] = []) {
  const send = vi.fn(async () => {
    const answer = answers[send.mock.calls.length - 1]
    if (answer === undefined) throw new Error('sent more times than the test expects')
    if (answer instanceof PortalError) throw answer
    return answer
  })
  const listedNow = vi.fn(async () => {
    const now = listed[listedNow.mock.calls.length - 1]
    if (now === undefined) throw new Error('read the list more times than the test expects')
    return now
  })
  return { send, listedNow }
}

describe('an edit whose answer was lost', () => {
  it.each(['NETWORK_ERROR', 'MALFORMED_ANSWER'])(
    'is saved when the list shows the change (%s), and is not sent again',
    async (code) => {
      const io = portal([failure(code)], [{ ...help, command: '/support' }])
      await expect(settleEdit(renamed, io)).resolves.toEqual({ answer: null, unsaved: [], gone: false })
      expect(io.send).toHaveBeenCalledTimes(1)
    },
  )

  it('stays failed when the list shows another value', async () => {
    const io = portal([lost], [help])
    await expect(settleEdit(renamed, io)).rejects.toBe(lost)
    expect(io.send).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['hidden, which live portals do not list', hidden],
    ['a title in another language than the list’s', germanTitle],
  ])('is sent again once when the list cannot show the change: %s', async (_, edit) => {
    const io = portal([lost, answerOf(edit)], [help])
    await expect(settleEdit(edit, io)).resolves.toEqual({ answer: answerOf(edit), unsaved: [], gone: false })
    expect(io.send).toHaveBeenCalledTimes(2)
  })

  it('sent again and refused then, is refused', async () => {
    const refused = failure('INTERNAL_SERVER_ERROR')
    const io = portal([lost, refused], [help])
    await expect(settleEdit(hidden, io)).rejects.toBe(refused)
    expect(io.send).toHaveBeenCalledTimes(2)
  })

  it('is gone when the command is no longer listed (removed elsewhere)', async () => {
    const io = portal([lost], ['gone'])
    await expect(settleEdit(renamed, io)).resolves.toEqual({ answer: null, unsaved: [], gone: true })
    expect(io.send).toHaveBeenCalledTimes(1)
  })

  it('stays failed when the list cannot be read', async () => {
    const io = portal([lost], [null])
    await expect(settleEdit(hidden, io)).rejects.toBe(lost)
    expect(io.send).toHaveBeenCalledTimes(1)
  })
})

describe('"not found"', () => {
  const notFound = failure('COMMAND_NOT_FOUND')

  it('is gone when the list no longer has the command', async () => {
    const io = portal([notFound], ['gone'])
    await expect(settleEdit(renamed, io)).resolves.toEqual({ answer: null, unsaved: [], gone: true })
  })

  it('is a refusal when the command is still listed (another application’s), and is not sent again', async () => {
    const io = portal([notFound], [help])
    await expect(settleEdit(hidden, io)).rejects.toBe(notFound)
    expect(io.send).toHaveBeenCalledTimes(1)
  })
})

describe('a refusal', () => {
  it.each(['COMMAND_ALREADY_EXISTS', 'INTERNAL_SERVER_ERROR', 'ACCESS_DENIED'])(
    'is never sent again, nor settled by the list (%s)',
    async (code) => {
      const refused = failure(code)
      const io = portal([refused])
      await expect(settleEdit(hidden, io)).rejects.toBe(refused)
      expect(io.send).toHaveBeenCalledTimes(1)
      expect(io.listedNow).not.toHaveBeenCalled()
    },
  )
})

describe('an edit Bitrix24 answered', () => {
  it('reports what the answer shows was not saved, without reading the list', async () => {
    const io = portal([{ ...answerOf(renamed), command: '/help' }])
    await expect(settleEdit(renamed, io)).resolves.toEqual({
      answer: { ...answerOf(renamed), command: '/help' },
      unsaved: [{ field: 'command', stored: '/help' }],
      gone: false,
    })
    expect(io.listedNow).not.toHaveBeenCalled()
  })

  it('reports a title in the list’s language that the list read again does not show', async () => {
    const retitled = editOf({ title: { en: 'Get help' }, params: { en: '[topic]' } }, { title: 'Get help' })
    // Bitrix24 dropped the English row: the list falls back to another language's title.
    const io = portal([answerOf(retitled)], [{ ...help, title: 'Hilfe anzeigen' }])
    await expect(settleEdit(retitled, io)).resolves.toEqual({
      answer: answerOf(retitled),
      unsaved: [{ field: 'title', language: 'en' }],
      gone: false,
    })
  })
})
