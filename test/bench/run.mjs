// npm run bench: the figures of the quality bars, measured side by side in one run on this machine.
// Sizes (gzip) of the production build against a reference build made now; time to commands visible;
// bulk removal against one call per command; filtering a thousand commands. Prints each figure with its
// budget and whether it holds; writes the same to .bench/results.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import { chromiumArgs, chromiumPath } from '../tools/chromium.mjs'

const root = resolve(import.meta.dirname, '../..')
const out = resolve(root, '.bench')
const runs = Number(process.env.BENCH_RUNS ?? 7)
const results = []

function report(name, value, unit, budget, holds, note = '') {
  results.push({ name, value, unit, budget, holds, note })
  const mark = holds === undefined ? ' ' : holds ? '✓' : '✗'
  console.log(
    `${mark} ${name.padEnd(58)} ${`${value} ${unit}`.padStart(14)}   budget: ${budget}${note ? `   (${note})` : ''}`,
  )
}

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

// ---------------------------------------------------------------- sizes
async function sizes() {
  if (!existsSync(join(root, 'dist/index.html')))
    throw new Error('dist/ is missing: npm run bench builds it first')
  const referenceOut = join(out, 'reference')
  await build({
    configFile: false,
    logLevel: 'error',
    root: join(root, 'test/bench/reference'),
    plugins: [react()],
    build: { outDir: referenceOut, emptyOutDir: true, target: 'es2022' },
  })
  const jsIn = (dir) =>
    readdirSync(join(dir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dir, 'assets', f))
  const referenceTotal = jsIn(referenceOut).reduce((sum, file) => sum + gzip(file), 0)

  // The app's chunks, from Vite's manifest: what loads at once, and what a module loads with it.
  const manifest = JSON.parse(readFileSync(join(root, 'dist/.vite/manifest.json'), 'utf8'))
  const closure = (key, files = new Set()) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return files
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) closure(imported, files)
    return files
  }
  const bytes = (files) => [...files].reduce((sum, file) => sum + gzip(join(root, 'dist', file)), 0)
  // First paint: index.html's script and its static imports. Until the commands show: plus the SDK chunk,
  // and for a Russian or German portal the core of its dictionary. (What appears after an action, and the
  // rest of the dictionary, are fetched once the commands are visible.)
  const firstPaintFiles = closure('index.html')
  const withSdk = closure('src/portal/frame-client.ts', new Set(firstPaintFiles))
  const withRu = closure('src/i18n/ru.ts', new Set(withSdk))
  return {
    referenceTotal,
    firstPaint: bytes(firstPaintFiles),
    firstPaintFiles: [...firstPaintFiles],
    initialEn: bytes(withSdk),
    initialRu: bytes(withRu),
  }
}

// ---------------------------------------------------------------- browser helpers
function api(portalUrl) {
  const call = async (method, path, body) => {
    const response = await fetch(new URL(`/sandbox/api/${path}`, portalUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    const text = await response.text()
    return text ? JSON.parse(text) : undefined
  }
  return {
    reset: () => call('POST', 'reset'),
    settings: (patch) => call('POST', 'settings', patch),
    seed: (seed) => call('POST', 'seed', seed),
    log: () => call('GET', 'log'),
    clearLog: () => call('DELETE', 'log'),
    state: () => call('GET', 'state'),
    token: async () => (await call('POST', 'frame/init-data')).AUTH_ID,
  }
}

async function openApp(browser, portalUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const started = performance.now()
  await page.goto(portalUrl)
  const frame = await (await page.waitForSelector('iframe')).contentFrame()
  return { context, page, frame, started }
}

// ---------------------------------------------------------------- main
const { referenceTotal, firstPaint, firstPaintFiles, initialEn, initialRu } = await sizes()
const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } })
const address = server.httpServer.address()
const portalUrl = `http://127.0.0.1:${address.port}/`
const sandbox = api(portalUrl)
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
mkdirSync(out, { recursive: true })

try {
  console.log(`\nBot Commands bench, ${new Date().toISOString()}, ${runs} runs where timed\n`)
  report('Reference (React, ReactDOM, Query, SDK, one call), gzip', kb(referenceTotal), 'KB', 'the yardstick')
  const budget = `≤ reference + 15 KB = ${kb(referenceTotal + 15 * 1024)} KB`
  const withinBudget = (bytes) => bytes <= referenceTotal + 15 * 1024
  const excess = (bytes) => `+${kb(bytes - referenceTotal)} KB`
  const firstPaintHasNoSdk = firstPaintFiles.every((file) => !file.includes('frame-client'))
  report(
    'App first-paint JavaScript (skeleton, before the SDK), gzip',
    kb(firstPaint),
    'KB',
    'no SDK in it',
    firstPaintHasNoSdk,
  )
  report(
    'App initial JavaScript, English portal, gzip',
    kb(initialEn),
    'KB',
    budget,
    withinBudget(initialEn),
    excess(initialEn),
  )
  report(
    'App initial JavaScript, Russian portal, gzip',
    kb(initialRu),
    'KB',
    budget,
    withinBudget(initialRu),
    excess(initialRu),
  )

  // 2. Time to commands visible, cold, 50 ms latency per request; and REST round trips after the handshake.
  for (const [label, seed] of [
    ['2 bots, 15 commands', null],
    ['50 bots, 1,000 commands', { replace: true, bots: 50, commandsPerBot: 20 }],
  ]) {
    const times = []
    let trips = 0
    for (let run = 0; run < runs; run++) {
      await sandbox.reset()
      if (seed) await sandbox.seed(seed)
      await sandbox.settings({ latencyMs: 50 })
      const { context, frame, started } = await openApp(browser, portalUrl)
      await frame.getByRole('rowheader').first().waitFor({ timeout: 30_000 })
      times.push(performance.now() - started)
      trips = (await sandbox.log()).filter((entry) => entry.inBatch === undefined).length
      await context.close()
    }
    report(
      `Open to commands visible, cold, 50 ms latency (${label}), median`,
      Math.round(median(times)),
      'ms',
      'reported',
    )
    report(`REST round trips to commands visible (${label})`, trips, 'requests', '≤ 2', trips <= 2)
  }

  // 3. Bulk removal of 200 commands under the default rate limit, beside one call per command.
  {
    await sandbox.reset()
    await sandbox.seed({ botId: 1, commands: 200 })
    const { context, frame } = await openApp(browser, portalUrl)
    await frame.getByRole('rowheader', { name: '/help' }).waitFor()
    await frame.getByRole('searchbox').fill('Generated command')
    await frame.getByRole('checkbox', { name: 'Select all shown commands' }).check()
    await frame.getByText('200 selected').waitFor()
    await frame.getByRole('button', { name: 'Remove selected' }).click()
    await frame.getByRole('dialog').getByRole('button', { name: 'Remove' }).click()
    await frame.getByRole('progressbar').waitFor({ timeout: 15_000 })
    const started = performance.now()
    await frame.getByText('Removal finished').waitFor({ timeout: 120_000 })
    const elapsed = performance.now() - started
    const log = await sandbox.log()
    const removalRequests = log.filter(
      (entry) =>
        entry.inBatch === undefined &&
        log.some((sub) => sub.inBatch === entry.seq && sub.method === 'imbot.command.unregister'),
    ).length
    await context.close()
    report(
      'Bulk removal of 200: REST requests',
      removalRequests,
      'requests',
      '≤ ceil(200/50) = 4',
      removalRequests <= 4,
    )
    report('Bulk removal of 200: time (after the undo window)', Math.round(elapsed), 'ms', 'reported')

    await sandbox.reset()
    const seeded = await sandbox.seed({ botId: 1, commands: 200 })
    const auth = await sandbox.token()
    let requests = 0
    const singleStarted = performance.now()
    for (const id of seeded.commandIds) {
      for (;;) {
        requests++
        const response = await fetch(new URL('/rest/imbot.command.unregister', portalUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ COMMAND_ID: id, auth }),
        })
        if (response.status !== 503) break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    report('Same 200, one call per command: REST requests', requests, 'requests', 'comparison')
    report(
      'Same 200, one call per command: time',
      Math.round(performance.now() - singleStarted),
      'ms',
      'comparison',
    )
  }

  // 4. A thousand commands: render, then filter by typing (keystroke to updated table).
  {
    await sandbox.reset()
    await sandbox.seed({ replace: true, bots: 5, commandsPerBot: 200 })
    const { context, frame, started } = await openApp(browser, portalUrl)
    await frame.waitForFunction(
      () => document.querySelectorAll('tbody th[scope=row]').length === 1000,
      null,
      {
        timeout: 60_000,
      },
    )
    report('Open to 1,000 commands rendered', Math.round(performance.now() - started), 'ms', 'reported')
    const search = frame.getByRole('searchbox')
    await search.focus()
    const delays = []
    for (const text of [
      'g',
      'ge',
      'gen',
      'gene',
      'generated command 1',
      'generated command 12',
      'poll',
      '',
    ]) {
      const delay = await frame.evaluate(async (value) => {
        const input = document.querySelector('input[type=search]')
        const tbodyRows = () => document.querySelectorAll('tbody th[scope=row]').length
        const before = tbodyRows()
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
        const start = performance.now()
        setter.call(input, value)
        input.dispatchEvent(new Event('input', { bubbles: true }))
        // Wait until the table stops changing, then until the next frame is painted.
        let last = performance.now()
        let count = before
        await new Promise((done) => {
          const observer = new MutationObserver(() => {
            last = performance.now()
            count = tbodyRows()
          })
          observer.observe(document.body, { childList: true, subtree: true })
          setTimeout(() => {
            observer.disconnect()
            done()
          }, 400)
        })
        await new Promise((done) => requestAnimationFrame(() => done()))
        return { ms: last - start, rows: count }
      }, text)
      delays.push(delay.ms)
    }
    const filter = median(delays)
    report(
      'Filter 1,000 commands: keystroke to updated table, median',
      Math.round(filter),
      'ms',
      '< 50 ms',
      filter < 50,
    )
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}

writeFileSync(
  join(out, 'results.json'),
  `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
)
const failed = results.filter((result) => result.holds === false)
console.log(
  failed.length === 0
    ? '\nEvery budget holds.'
    : `\n${failed.length} budget(s) do not hold: ${failed.map((r) => r.name).join('; ')}`,
)
