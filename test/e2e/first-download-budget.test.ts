import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppBytes, appBytes, budgetOverReference, languages, referenceBytes } from '../bench/sizes.mjs'

// The first-download budget, in `npm test` (issue 21): the production build the suite tests (dist/, which npm test
// and test:e2e build first) against the reference page built now, with the figures `npm run bench` prints (the
// same module computes both). It sits in the e2e project because that project is the one that reads dist/.

let reference = 0
let app: AppBytes
let referenceDir = ''

beforeAll(async () => {
  // A directory of its own: a bench or another run building its reference at the same time cannot mix files in.
  referenceDir = mkdtempSync(join(tmpdir(), 'bot-commands-reference-'))
  reference = await referenceBytes(referenceDir)
  app = appBytes()
})

afterAll(() => {
  if (referenceDir) rmSync(referenceDir, { recursive: true, force: true })
})

const grouped = (bytes: number) => bytes.toLocaleString('en-US')

describe('the first download', () => {
  it('paints the skeleton without the SDK', () => {
    const where = app.sdkChunk
      ? `its chunk ${app.sdkChunk} is among first paint's files (${app.firstPaintFiles.join(', ')})`
      : `the build has no frame-client chunk: a static import merged the SDK into ${app.firstPaintFiles.join(', ')} or another chunk`
    expect(app.firstPaintHasSdk, `first-paint JavaScript carries the SDK (budget: none): ${where}`).toBe(
      false,
    )
  })

  it.each(languages)('keeps the initial download within reference + 15 KB on a portal in %s', (language) => {
    const bytes = app.initial[language]
    const budget = reference + budgetOverReference
    const standing =
      bytes > budget ? `over by ${grouped(bytes - budget)} bytes` : `${grouped(budget - bytes)} bytes of room`
    expect(
      bytes,
      `initial download (JavaScript and the core dictionary), portal in ${language}: ${grouped(bytes)} bytes gzip, budget ${grouped(budget)} ` +
        `(reference ${grouped(reference)} + ${grouped(budgetOverReference)}): ${standing}`,
    ).toBeLessThanOrEqual(budget)
  })
})
