import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/imbot/on-demand/error-catalogue'
import { seriousViolations } from '../support/axe'
import { type E2eContext, useE2e } from '../support/e2e-context'
import { referenceErrorCodes } from '../support/reference-codes'

const target = { command: '/report', bot: 'Helpdesk Bot' }

async function listedCommands(frame: Frame): Promise<string[]> {
  return (await frame.getByRole('rowheader').allTextContents()).sort()
}

async function serverCommands(e2e: E2eContext): Promise<string[]> {
  const state = await e2e.sandbox.state()
  const ownBots = new Set(state.bots.filter((bot) => bot.appId === state.bots[0]?.appId).map((bot) => bot.id))
  return state.commands
    .filter((command) => ownBots.has(command.botId))
    .map((command) => `/${command.command}`)
    .sort()
}

/** Removes `command` from its row and lets the undo window pass: the removal is then sent. */
async function removeFromRow(e2e: E2eContext, page: Page, frame: Frame, command: string) {
  const dialog = await e2e.openDialog(frame, frame.getByRole('button', { name: `Remove ${command}` }))
  await dialog.getByRole('button', { name: 'Remove' }).click()
  await e2e.passUndoWindow(page)
}

const recoveryButton: Record<string, string | null> = {
  retry: 'Try again',
  'wait-and-retry': 'Try again',
  'retry-later': 'Try again',
  reload: 'Reload the app',
  'refresh-list': 'Refresh the list',
  'remove-by-id': null,
  none: null,
}

describe('feedback for every error Bitrix24 can answer to a removal', () => {
  const e2e = useE2e()
  const messages = new Map<string, string>()

  for (const code of referenceErrorCodes()) {
    it(`${code}: the row stays, says what happened in words, and offers the right recovery`, async () => {
      const { page, frame } = await e2e.openPortal()
      await frame.getByRole('rowheader', { name: target.command }).waitFor()
      const commandId = (await e2e.sandbox.state()).commands.find(
        (c) => `/${c.command}` === target.command,
      )?.id
      // Enough answers to outlast the SDK's retries and the app's own.
      await e2e.sandbox.fault({
        method: 'imbot.command.unregister',
        code,
        count: 50,
        match: { COMMAND_ID: commandId ?? 0 },
      })
      await removeFromRow(e2e, page, frame, target.command)

      const row = frame.getByRole('region', { name: target.bot })
      const alert = row.getByRole('alert')
      // The SDK's retries and the app's own wait on the browser's clock (10 s and more between attempts for
      // some codes): move it on until the row says what happened.
      await e2e.runUntil(page, alert)
      await e2e.settle(page, frame)
      const message = (await alert.locator('.notice__message').textContent()) ?? ''
      expect(message).not.toContain(code)
      expect(message.length).toBeGreaterThan(20)
      messages.set(code, message)
      expect(await row.getByRole('rowheader', { name: target.command }).count()).toBe(1)

      const expected = recoveryButton[describeError({ code }).recovery]
      for (const name of ['Try again', 'Reload the app', 'Refresh the list']) {
        expect(await alert.getByRole('button', { name }).count(), `${name} for ${code}`).toBe(
          name === expected ? 1 : 0,
        )
      }
      await alert.getByText('Details').click()
      expect(await alert.locator('code').first().textContent()).toBe(code)

      await e2e.sandbox.clearFaults()
      await expect.poll(() => listedCommands(frame)).toEqual(await serverCommands(e2e))
      if (code === 'WRONG_REQUEST' || code === 'QUERY_LIMIT_EXCEEDED') {
        expect(await seriousViolations(frame)).toEqual([])
      }
      if (['APP_ID_ERROR', 'QUERY_LIMIT_EXCEEDED', 'expired_token', 'INTERNAL_SERVER_ERROR'].includes(code)) {
        await e2e.screenshot(page, `errors-row-${code}`)
      }
    })
  }

  it('gave every code its own message', () => {
    const codes = referenceErrorCodes()
    expect(messages.size).toBe(codes.length)
    expect(new Set(messages.values()).size).toBe(codes.length)
  })

  it('never offers a retry for a command of another application', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/quote' }).waitFor()
    await removeFromRow(e2e, page, frame, '/quote')
    const alert = frame.getByRole('region', { name: 'Sales Assistant' }).getByRole('alert')
    await e2e.runUntil(page, alert.getByText('registered by another application', { exact: false }))
    await e2e.settle(page, frame)
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await alert.waitFor({ state: 'detached' })
    expect(await frame.getByRole('rowheader', { name: '/quote' }).count()).toBe(1)
  })

  it('rides out a rate-limit storm by itself and the command ends up removed', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/faq' }).waitFor()
    await e2e.sandbox.fault({ method: 'imbot.command.unregister', code: 'QUERY_LIMIT_EXCEEDED', count: 4 })
    // Both messages come and go while the clock moves on in steps: the frame notes them as they show.
    const sawWaiting = await e2e.watchText(frame, 'Bitrix24 asked to slow down. Retrying…')
    const sawRemoved = await e2e.watchText(frame, '/faq was removed.')
    await removeFromRow(e2e, page, frame, '/faq')
    await e2e.runUntil(
      page,
      async () =>
        (await frame.getByRole('rowheader', { name: '/faq' }).count()) === 0 && (await sawRemoved()),
    )
    expect(await sawWaiting()).toBe(true)
    expect(await frame.getByRole('rowheader', { name: '/faq' }).count()).toBe(0)
    expect(await frame.getByRole('alert').count()).toBe(0)
    expect((await e2e.sandbox.state()).commands.some((command) => command.command === 'faq')).toBe(false)
  })

  it('shows a removal whose answer was lost as removed, not as an error', async () => {
    const { page, frame } = await e2e.openPortal()
    await frame.getByRole('rowheader', { name: '/kb' }).waitFor()
    await e2e.sandbox.fault({
      method: 'imbot.command.unregister',
      code: 'NETWORK_ERROR',
      mode: 'drop',
      count: 1,
    })
    await e2e.sandbox.clearLog()
    // Since the removal module of 3ca8ea6, a command the lists no longer hold reads as removed, whatever the
    // answer said: the same message as any removal (it said "was already removed" before).
    const sawRemoved = await e2e.watchText(frame, '/kb was removed.')
    await removeFromRow(e2e, page, frame, '/kb')
    // The SDK tries again after a lost connection, on the browser's clock.
    await e2e.runUntil(
      page,
      async () => (await frame.getByRole('rowheader', { name: '/kb' }).count()) === 0 && (await sawRemoved()),
    )
    expect(await frame.getByRole('rowheader', { name: '/kb' }).count()).toBe(0)
    expect(await frame.getByRole('alert').count()).toBe(0)
    // The server acted on the first attempt; the SDK's retry then heard COMMAND_ID_ERROR.
    const attempts = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(attempts[0]?.dropped).toBe(true)
    expect(attempts.at(-1)?.error).toBe('COMMAND_ID_ERROR')
    await e2e.screenshot(page, 'errors-lost-answer')
  })
})

describe('listing failures', () => {
  const e2e = useE2e()

  it('a failure of one bot leaves the other bots usable', async () => {
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.list',
      code: 'BOT_NOT_FOUND',
      count: 10,
      match: { botId: 2 },
    })
    const { page, frame } = await e2e.openPortal()
    const sales = frame.getByRole('region', { name: 'Sales Assistant' })
    await sales
      .getByRole('alert')
      .getByText('This bot no longer exists in Bitrix24.', { exact: false })
      .waitFor()
    await frame
      .getByRole('region', { name: 'Helpdesk Bot' })
      .getByRole('rowheader', { name: '/help' })
      .waitFor()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'errors-bot-failed')
    await e2e.sandbox.clearFaults()
    await e2e.settle(page, frame)
    await sales.getByRole('button', { name: 'Refresh the list' }).click()
    await sales.getByRole('rowheader', { name: '/deal' }).waitFor()
  })

  it('a listing failure shows on the page with a retry', async () => {
    await e2e.sandbox.fault({ method: 'imbot.v2.Bot.list', code: 'ACCESS_DENIED', count: 1 })
    const { page, frame } = await e2e.openPortal()
    await frame
      .getByText('The Bitrix24 REST API is available only on commercial plans.', { exact: false })
      .waitFor()
    expect(await frame.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'errors-listing-failed')
  })

  it('error states read well in Russian', async () => {
    await e2e.sandbox.settings({ lang: 'ru' })
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.list',
      code: 'BOT_OWNERSHIP_ERROR',
      count: 10,
      match: { botId: 2 },
    })
    const { page, frame } = await e2e.openPortal()
    const helpdesk = frame.getByRole('region', { name: 'Helpdesk Bot' })
    await helpdesk.getByRole('rowheader', { name: '/sysinfo' }).waitFor()
    const dialog = await e2e.openDialog(frame, helpdesk.getByRole('button', { name: 'Удалить /sysinfo' }))
    await dialog.getByRole('button', { name: 'Удалить' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(
      page,
      helpdesk.getByRole('alert').getByText('Битрикс24 не смог удалить эту команду.', { exact: false }),
    )
    await frame
      .getByRole('region', { name: 'Sales Assistant' })
      .getByRole('alert')
      .getByText('Этот бот принадлежит другому приложению.', { exact: false })
      .waitFor()
    await e2e.settle(page, frame)
    await helpdesk.getByRole('alert').getByText('Подробности').click()
    expect(await seriousViolations(frame)).toEqual([])
    await e2e.screenshot(page, 'errors-ru')
  })

  for (const language of ['en', 'ru'] as const) {
    it(`a portal without imbot.v2 explains itself and removes by id (${language})`, async () => {
      await e2e.sandbox.settings({ imbotV2: false, lang: language })
      const { page, frame } = await e2e.openPortal()
      const heading = language === 'en' ? 'Remove a command by its id' : 'Удалить команду по идентификатору'
      await frame.getByRole('heading', { name: heading }).waitFor()
      const input = frame.getByRole('textbox', {
        name: language === 'en' ? 'Command id' : 'Идентификатор команды',
      })
      const submit = frame.getByRole('button', {
        name: language === 'en' ? 'Remove command' : 'Удалить команду',
      })
      await input.fill('-3')
      await submit.click()
      await frame
        .getByRole('alert')
        .filter({ hasText: language === 'en' ? 'whole number greater than zero' : 'целое число' })
        .waitFor()
      expect(await seriousViolations(frame)).toEqual([])
      await e2e.screenshot(page, `errors-legacy-${language}`)

      await e2e.sandbox.clearLog()
      await input.fill('3')
      await (await e2e.openDialog(frame, submit))
        .getByRole('button', { name: language === 'en' ? 'Remove' : 'Удалить' })
        .click()
      // As on the commands page, the removal waits out its undo window first: nothing is sent until it passes.
      await frame.getByRole('button', { name: language === 'en' ? 'Undo' : 'Отменить' }).waitFor()
      expect(await e2e.sandbox.log()).toEqual([])
      await e2e.passUndoWindow(page)
      await frame.getByText(language === 'en' ? 'Command 3 was removed.' : 'Команда 3 удалена.').waitFor()
      const removals = (await e2e.sandbox.log()).filter(
        (entry) => entry.method === 'imbot.command.unregister',
      )
      expect(removals.map((entry) => entry.params)).toEqual([{ COMMAND_ID: 3 }])
      expect((await e2e.sandbox.state()).commands.some((command) => command.id === 3)).toBe(false)

      await input.fill('3')
      await (await e2e.openDialog(frame, submit))
        .getByRole('button', { name: language === 'en' ? 'Remove' : 'Удалить' })
        .click()
      await e2e.passUndoWindow(page)
      await frame
        .getByText(language === 'en' ? 'Bitrix24 has no command 3' : 'В Битрикс24 нет команды 3', {
          exact: false,
        })
        .waitFor()

      await input.fill(String(12))
      await (await e2e.openDialog(frame, submit))
        .getByRole('button', { name: language === 'en' ? 'Remove' : 'Удалить' })
        .click()
      await e2e.passUndoWindow(page)
      await frame
        .getByRole('alert')
        .getByText(
          language === 'en'
            ? 'Bitrix24 could not delete this command.'
            : 'Битрикс24 не смог удалить эту команду.',
          { exact: false },
        )
        .waitFor()
      await e2e.screenshot(page, `errors-legacy-refused-${language}`)
    })
  }
})
