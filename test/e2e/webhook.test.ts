import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { useE2e } from '../support/e2e-context'

// Webhook mode: the app opened in a plain tab connects with an inbound webhook and a bot token, and manages the
// bots registered through it, over real HTTP to the sandbox's /rest/{user}/{secret}/ routes.

interface WebhookInfo {
  url: string
  secret: string
  tokens: string[]
}

describe('bots registered through a webhook', () => {
  const e2e = useE2e()
  const consoleLines: string[] = []
  afterEach(() => {
    consoleLines.length = 0
  })

  const webhook = async (): Promise<WebhookInfo> => {
    const response = await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl))
    return (await response.json()) as WebhookInfo
  }

  /** The app's own address in a plain tab (no Bitrix24 frame), on the browser's clock. */
  async function openPlainTab(): Promise<Page> {
    const page = await e2e.newPage()
    page.on('console', (message) => consoleLines.push(message.text()))
    await page.goto(e2e.appUrl)
    await page.getByRole('heading', { name: 'Connect with a webhook' }).waitFor()
    return page
  }

  async function connect(page: Page, url: string, token: string) {
    await page.getByLabel('Inbound webhook URL').fill(url)
    await page.getByLabel('Bot token (CLIENT_ID)').fill(token)
    await page.getByRole('button', { name: 'Connect' }).click()
  }

  it('connects, lists only the webhook’s bots, removes one and many, and keeps its secrets secret', async () => {
    const { url, secret, tokens } = await webhook()
    const token = tokens[0] ?? ''
    const page = await openPlainTab()
    expect(await page.getByLabel('Inbound webhook URL').getAttribute('type')).toBe('password')
    expect(await page.getByLabel('Bot token (CLIENT_ID)').getAttribute('type')).toBe('password')
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-1-form')
    await connect(page, url, token)
    const bot = page.getByRole('region', { name: 'Support Webhook Bot' })
    await bot.getByText('/runbook').waitFor()
    expect(await page.getByRole('region', { name: 'Helpdesk Bot' }).count()).toBe(0)
    await page.getByText('with a webhook', { exact: false }).waitFor()
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-2-connected')

    // One: the v1 method with COMMAND_ID and CLIENT_ID, as the seed's webhook example.
    await e2e.sandbox.clearLog()
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
    const dialog = await e2e.openDialog(
      page.mainFrame(),
      bot.getByRole('button', { name: 'Remove /runbook' }),
    )
    // The message lives a few seconds of the clock, which moves in steps (the SDK paces its requests on it).
    const removed = await e2e.watchText(page.mainFrame(), '/runbook was removed.')
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(page, removed)
    const single = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(single.map((entry) => Object.keys(entry.params).sort())).toEqual([['CLIENT_ID', 'COMMAND_ID']])

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON' }).click()
    const file = readFileSync((await (await download).path()) ?? '', 'utf8')

    // Many: one batch, the token inside every command.
    await e2e.sandbox.clearLog()
    await page.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    const bulk = await e2e.openDialog(page.mainFrame(), page.getByRole('button', { name: 'Remove selected' }))
    await bulk.getByRole('button', { name: 'Remove' }).click()
    await e2e.passUndoWindow(page)
    await e2e.runUntil(page, page.getByRole('status').filter({ hasText: 'Removal finished' }))
    expect(await page.getByRole('status').filter({ hasText: 'Removal finished' }).textContent()).toContain(
      '5 removed',
    )
    const log = await e2e.sandbox.log()
    const removals = log.filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals).toHaveLength(5)
    expect(removals.every((entry) => entry.inBatch !== undefined && 'CLIENT_ID' in entry.params)).toBe(true)
    await e2e.screenshot(page, 'webhook-3-removed')
    const state = await e2e.sandbox.state()
    expect(
      state.commands.filter(
        (command) => command.botId === state.bots.find((b) => b.name === 'Support Webhook Bot')?.id,
      ),
    ).toEqual([])

    // The secret and the token: nowhere in the page, its address, its storage, the console or an export.
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie,
    )
    for (const leak of [secret, token]) {
      expect(await page.content()).not.toContain(leak)
      expect(page.url()).not.toContain(leak)
      expect(storage).not.toContain(leak)
      expect(consoleLines.join('\n')).not.toContain(leak)
      expect(file).not.toContain(leak)
      expect((await download).suggestedFilename()).not.toContain(leak)
    }
    expect(JSON.parse(file).portal).toBe(new URL(url).host)

    // Disconnect forgets them: the form is back, empty.
    await page.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByRole('heading', { name: 'Connect with a webhook' }).waitFor()
    expect(await page.getByLabel('Inbound webhook URL').inputValue()).toBe('')
    expect(await page.content()).not.toContain(secret)
  })

  /** None of `secrets` in the HTML of the page or of any frame in it. */
  async function expectNotInHtml(page: Page, secrets: string[]) {
    for (const frame of page.frames()) {
      const html = await frame.content()
      for (const secret of secrets) expect(html).not.toContain(secret)
    }
  }

  it('keeps a failed connect’s webhook and token out of the page’s HTML', async () => {
    const { url, secret, tokens } = await webhook()
    const page = await openPlainTab()
    const wrongToken = `${tokens[0] ?? ''}-${'x'.repeat(40)}`
    await connect(page, url, wrongToken)
    await page.getByText('This bot token is longer than 40 characters, the most Bitrix24 takes.').waitFor()
    await expectNotInHtml(page, [secret, wrongToken])
    expect(await page.getByLabel('Bot token (CLIENT_ID)').inputValue()).toBe(wrongToken)
  })

  it('says what is wrong: the address, a wrong webhook, a missing scope, a token that owns no bots', async () => {
    const { url, tokens } = await webhook()
    const page = await openPlainTab()
    await connect(page, 'http://acme.bitrix24.com/rest/1/4a3ufk2twk1lm6uq/', 'x')
    // Each problem under its own field (the URL's used to show under the token), the focus on the first at fault.
    const urlProblem = page.getByText('must start with https://', { exact: false })
    const tokenProblem = page.getByText('This bot token is shorter than 8 characters', { exact: false })
    await urlProblem.waitFor()
    const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN
    const urlField = page.getByLabel('Inbound webhook URL')
    const tokenField = page.getByLabel('Bot token (CLIENT_ID)')
    expect(await top(urlField)).toBeLessThan(await top(urlProblem))
    expect(await top(urlProblem)).toBeLessThan(await top(tokenField))
    expect(await top(tokenField)).toBeLessThan(await top(tokenProblem))
    expect(await urlField.getAttribute('aria-describedby')).toContain(await urlProblem.getAttribute('id'))
    expect(await tokenField.getAttribute('aria-describedby')).toBe(await tokenProblem.getAttribute('id'))
    expect(await urlField.evaluate((field) => field === document.activeElement)).toBe(true)
    await e2e.screenshot(page, 'webhook-problems')
    await connect(page, 'https://acme.bitrix24.com/marketplace/', 'x')
    await page.getByText('This is not an inbound webhook URL', { exact: false }).waitFor()

    await connect(page, url.replace(/\/rest\/(\d+)\/[^/]+\//, '/rest/$1/wrongsecret/'), tokens[0] ?? '')
    await page.getByText('Bitrix24 does not accept this webhook', { exact: false }).waitFor()
    // What was typed stays in the fields (to be corrected), never in the page's HTML.
    await expectNotInHtml(page, ['wrongsecret', tokens[0] ?? ''])
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-wrong')

    await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imbotScope: false }),
    })
    await connect(page, url, tokens[0] ?? '')
    await page.getByText('lacks the “Chat bots (imbot)” permission', { exact: false }).waitFor()
    await e2e.screenshot(page, 'webhook-no-scope')

    await fetch(new URL('/sandbox/api/webhook', e2e.portalUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imbotScope: true }),
    })
    await connect(page, url, 'a-token-that-owns-nothing')
    await page.getByText('This bot token owns no bots').waitFor()
  })

  it('Disconnect stops a removal of many under way: nothing more reaches the portal', async () => {
    const { url, tokens } = await webhook()
    const page = await openPlainTab()
    await connect(page, url, tokens[0] ?? '')
    await page.getByRole('region', { name: 'Support Webhook Bot' }).getByText('/runbook').waitFor()
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
    await page.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    const bulk = await e2e.openDialog(page.mainFrame(), page.getByRole('button', { name: 'Remove selected' }))
    await bulk.getByRole('button', { name: 'Remove' }).click()
    // Bitrix24 asks to slow down: the SDK, then the app, wait on the clock and would send the batch again.
    await e2e.sandbox.fault({ method: 'batch', code: 'QUERY_LIMIT_EXCEEDED', count: 50 })
    await e2e.passUndoWindow(page)
    await e2e.runUntil(
      page,
      async () => (await e2e.sandbox.log()).some((entry) => entry.error === 'QUERY_LIMIT_EXCEEDED'),
      { stepMs: 100 },
    )
    await e2e.sandbox.clearLog()
    await page.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByRole('heading', { name: 'Connect with a webhook' }).waitFor()
    await e2e.advanceInSteps(page, 60_000, 1000)
    expect(await e2e.sandbox.log()).toEqual([])
    const state = await e2e.sandbox.state()
    expect(state.commands.filter((command) => command.owner === 'webhook')).toHaveLength(6)
  })

  it('connects to a portal without imbot.v2 and removes a command by id with COMMAND_ID and CLIENT_ID', async () => {
    await e2e.sandbox.settings({ imbotV2: false })
    const { url, tokens } = await webhook()
    const command = (await e2e.sandbox.state()).commands.find((entry) => entry.owner === 'webhook')
    if (!command) throw new Error('no webhook command seeded')
    const page = await openPlainTab()
    await connect(page, url, tokens[0] ?? '')
    await page.getByRole('heading', { name: 'Remove a command by its id' }).waitFor()
    await page.getByText('This Bitrix24 is too old to list bot commands', { exact: false }).waitFor()
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-legacy')

    await e2e.sandbox.clearLog()
    await page.getByRole('textbox', { name: 'Command id' }).fill(String(command.id))
    const confirm = await e2e.openDialog(
      page.mainFrame(),
      page.getByRole('button', { name: 'Remove command' }),
    )
    await confirm.getByRole('button', { name: 'Remove' }).click()
    // As on the commands page, the removal waits out its undo window first (moved on by the browser's clock).
    await page.getByText('Removing in a moment…').waitFor()
    await e2e.passUndoWindow(page)
    await page.getByText(`Command ${command.id} was removed.`).waitFor()
    const removals = (await e2e.sandbox.log()).filter((entry) => entry.method === 'imbot.command.unregister')
    expect(removals.map((entry) => [entry.via, entry.params])).toEqual([
      ['webhook', { COMMAND_ID: command.id, CLIENT_ID: '•••' }],
    ])
    expect((await e2e.sandbox.state()).commands.some((entry) => entry.id === command.id)).toBe(false)
  })

  it('says after 10 s that a portal that never answers is still being waited for; Stop waiting returns to the empty form and nothing connects later', async () => {
    const { url, secret, tokens } = await webhook()
    await e2e.sandbox.fault({ method: 'imbot.v2.Bot.list', mode: 'hold' })
    const page = await openPlainTab()
    await connect(page, url, tokens[0] ?? '')
    await page.getByRole('button', { name: 'Connecting…' }).waitFor()
    // The portal has the request, and keeps it. The clock flows (axe needs it) and the test moves it on: 7 s after a
    // moment, then past the 10 s.
    await expect
      .poll(async () => (await fetch(new URL('/sandbox/api/faults', e2e.portalUrl))).json())
      .toEqual([])
    await e2e.advance(page, 7000)
    expect(await page.getByText('the app is still waiting', { exact: false }).count()).toBe(0)
    await e2e.advance(page, 3000)
    const notice = page.getByText('Bitrix24 has not answered yet; the app is still waiting.', {
      exact: false,
    })
    await notice.waitFor()
    expect(await seriousViolations(page.mainFrame())).toEqual([])
    await e2e.screenshot(page, 'webhook-still-waiting')

    await page.getByRole('button', { name: 'Stop waiting' }).click()
    await page
      .getByText('You stopped waiting for Bitrix24. Nothing of the webhook was kept', { exact: false })
      .waitFor()
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).isEnabled()).toBe(true)
    expect(await page.getByLabel('Inbound webhook URL').inputValue()).toBe('')
    expect(await page.getByLabel('Bot token (CLIENT_ID)').inputValue()).toBe('')
    expect(
      await page.getByLabel('Inbound webhook URL').evaluate((field) => field === document.activeElement),
    ).toBe(true)

    // The portal answers at last: the answer finds no one, nothing connects, and the SDK tries nothing more.
    await e2e.sandbox.clearFaults()
    await expect
      .poll(async () => (await e2e.sandbox.log()).map((entry) => [entry.method, entry.status]))
      .toEqual([['imbot.v2.Bot.list', 200]])
    await e2e.advanceInSteps(page, 120_000, 10_000)
    expect(await page.getByRole('button', { name: 'Disconnect' }).count()).toBe(0)
    expect(await page.getByRole('region', { name: 'Support Webhook Bot' }).count()).toBe(0)
    expect(await page.getByRole('heading', { name: 'Connect with a webhook' }).count()).toBe(1)
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await e2e.sandbox.log()).toHaveLength(1)
    // Stopping printed nothing of them either (the SDK's own messages about an aborted request included).
    for (const leak of [secret, tokens[0] ?? '']) {
      expect(consoleLines.join('\n')).not.toContain(leak)
      expect(await page.content()).not.toContain(leak)
    }
  })

  it('masks the secret and the token in every spelling a portal echoes them in, on the page and under Details', async () => {
    // Characters that change between spellings: not ASCII (the URL carries them percent-encoded, the portal reads
    // them decoded), a quote and a backslash (JSON-escaped), a space and a plus (form-encoded), a slash (PHP's \/).
    const secret = 'gëheim-Ωmega-7'
    const token = 'to"k\\en/ä x+1'
    const { url } = await webhook()
    await e2e.sandbox.fault({ method: 'imbot.v2.Bot.list', mode: 'echo' })
    const page = await openPlainTab()
    await connect(page, url.replace(/\/rest\/(\d+)\/[^/]+\//, `/rest/$1/${secret}/`), token)
    const shown =
      'Cannot process /rest/1/•••/imbot.v2.Bot.list; query limit=1&botToken=•••; ' +
      'JSON {"limit":1,"botToken":"•••"}; read secret=•••, limit=1, botToken=•••'
    await page.getByText(shown, { exact: false }).first().waitFor()
    await page.getByText('Details').click()
    expect(await page.locator('.details dd').last().textContent()).toBe(shown)
    await e2e.screenshot(page, 'webhook-masked-echo')

    const phpJson = (text: string) =>
      JSON.stringify(text)
        .slice(1, -1)
        .replaceAll('/', '\\/')
        .replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    const spellings = [secret, token].flatMap((text) => [
      text,
      encodeURIComponent(text),
      new URLSearchParams({ x: text }).toString().slice(2),
      JSON.stringify(text).slice(1, -1),
      phpJson(text),
    ])
    // Parts of them too: what is left after a partial mask would betray the rest.
    spellings.push('gëheim', 'g%C3%ABheim', 'to"k', 'to%22k', 'to\\"k', 'en\\/\\u00e4', 'en/ä')
    const text = await page.evaluate(() => document.body.innerText)
    for (const leak of spellings) {
      expect(await page.content()).not.toContain(leak)
      expect(text).not.toContain(leak)
    }
    expect(consoleLines.join('\n')).not.toContain('gëheim')
  })

  it('masks the token in a raw entry the list could not read, under Details', async () => {
    const { url, tokens } = await webhook()
    const token = tokens[0] ?? ''
    // A portal that echoes the token in an odd entry of a bot's list (not an owner key the reader drops).
    await e2e.sandbox.fault({
      method: 'imbot.v2.Command.list',
      mode: 'add-entry',
      entry: { id: 9999, botId: 4, command: '/odd', common: 'perhaps', note: `registered by ${token}` },
    })
    const page = await openPlainTab()
    await connect(page, url, token)
    const bot = page.getByRole('region', { name: 'Support Webhook Bot' })
    await bot.getByText('/runbook').waitFor()
    await bot.getByText('Details').click()
    await bot.getByText('registered by •••').waitFor()
    expect(await page.content()).not.toContain(token)
  })
})
