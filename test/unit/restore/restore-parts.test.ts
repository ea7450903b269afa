import { describe, expect, it } from 'vitest'
import { outcomeOf } from '../../../src/features/restore/on-demand/outcomes'
import { type Job, type RestorePick, registrationOf } from '../../../src/features/restore/on-demand/picks'
import { readListsUnlessStopped } from '../../../src/features/restore/on-demand/settle-by-lists'
import { RestoreStop, stoppedCode } from '../../../src/features/restore/on-demand/stop'
import { NotSent } from '../../../src/imbot'
import { type PortalClient, PortalError } from '../../../src/portal'
import { createEmulatedClient } from '../../support/emulated-client'

// The parts of a restore on their own (restore-commands.test.ts runs them together).

describe('the lists as a restore reads them', () => {
  it('reads each bot once, and a stop asked before the reading does not give it up (it says what was saved)', async () => {
    const { client, portal } = createEmulatedClient()
    portal.clearLog()
    const stop = new RestoreStop()
    stop.request()
    const lists = await readListsUnlessStopped(client, [1, 1, 2], stop)
    expect([...(lists?.keys() ?? [])]).toEqual([1, 2])
    expect(lists?.get(1)?.map((command) => command.command)).toContain('/help')
    expect(portal.getLog().filter((entry) => entry.method === 'imbot.v2.Command.list')).toHaveLength(2)
  })

  it('gives the reading up when a stop is asked for while it waits for an answer', async () => {
    const { client } = createEmulatedClient()
    const stop = new RestoreStop()
    const silent: PortalClient = { ...client, batch: () => new Promise(() => undefined) }
    const reading = readListsUnlessStopped(silent, [1], stop)
    stop.request()
    expect(await reading).toBeNull()
  })
})

describe('an answer read into an outcome', () => {
  const file = {
    entry: 1,
    id: 7,
    bot: { id: 1, code: 'b', name: 'B' },
    command: '/faq',
    written: '/faq',
    language: 'en',
    title: 'Questions',
    params: '',
    common: true,
    hidden: null,
    extranetSupport: false,
  }
  const bot = { id: 1, code: 'b', name: 'B', type: 'bot', isHidden: false, countCommand: 1, language: 'en' }
  const pick: Extract<RestorePick, { kind: 'gone' }> = {
    kind: 'gone',
    key: 'k',
    file,
    bot,
    languages: { file: 'en', list: 'en' },
    unknown: ['hidden'],
    warnings: [],
    flags: { common: true, hidden: false, extranetSupport: false },
    chosen: ['hidden'],
  }
  const job: Job = { kind: 'register', pick, fields: registrationOf(pick) }
  const error = new PortalError({ code: 'WRONG_REQUEST', status: 400, description: 'No.', method: 'batch' })
  const saved = { id: 90, botId: 1, command: '/faq', common: true, hidden: false, extranetSupport: false }

  it('a new command as sent is restored, with what was sent: the title in the file’s language and the flags', () => {
    expect(outcomeOf(job, saved, 50)).toEqual({
      status: 'restored',
      sent: {
        flags: { common: true, hidden: false, extranetSupport: false },
        texts: ['title'],
        language: 'en',
      },
    })
  })

  it('a command no newer than one listed before the run was there already: nothing of the file saved', () => {
    expect(outcomeOf(job, { ...saved, id: 50 }, 50)).toMatchObject({
      status: 'not-saved',
      notSaved: { kind: 'existing', command: '/faq' },
    })
  })

  it('a failure, a request never sent, a stop and a missing answer each say so', () => {
    expect(outcomeOf(job, error, 50)).toEqual({ status: 'failed', error })
    expect(outcomeOf(job, new NotSent(error), 50)).toEqual({ status: 'not-sent', error })
    const stopped = new PortalError({
      code: stoppedCode,
      status: 0,
      description: 'Stopped.',
      method: 'batch',
    })
    expect(outcomeOf(job, new NotSent(stopped), 50)).toEqual({ status: 'stopped' })
    expect(outcomeOf(job, undefined, 50)).toMatchObject({
      status: 'failed',
      error: { method: 'imbot.v2.Command.register' },
    })
  })
})
