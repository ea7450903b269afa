import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Translate } from '../../src/i18n'
import type { E2eContext } from './e2e-context'

// What the restore's browser tests do again and again: export, remove, open the restore dialog.

const rowheaders = (frame: Frame) => frame.getByRole('rowheader').allTextContents()

/** Clicks "Export JSON" (or its words in the page's language) and returns the downloaded file's path and content. */
export async function exportAll(page: Page, frame: Frame, label = 'Export JSON') {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: label }).click(),
  ])
  const path = await download.path()
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) }
}

/**
 * Writes `content` (an export the test changed) to a file named after `name` and opens "Restore from file" with it
 * chosen, in the page's words (`t`). Returns the dialog.
 */
export async function restoreFrom(
  e2e: E2eContext,
  frame: Frame,
  t: Translate,
  content: unknown,
  name: string,
) {
  const file = join(tmpdir(), `${name}.json`)
  writeFileSync(file, JSON.stringify(content))
  const restore = await e2e.openDialog(frame, frame.getByRole('button', { name: t('restore.open') }))
  await restore.getByLabel(t('restore.choose')).setInputFiles(file)
  return restore
}

/** Selects the commands (at least two), removes them and waits for the summary of the removal. */
export async function removeSelected(e2e: E2eContext, page: Page, frame: Frame, commands: readonly string[]) {
  for (const command of commands) await frame.getByRole('checkbox', { name: `Select ${command}` }).check()
  await frame.getByRole('button', { name: 'Remove selected' }).click()
  await frame
    .getByRole('dialog', { name: `Remove ${commands.length} commands?` })
    .getByRole('button', { name: 'Remove' })
    .click()
  await e2e.passUndoWindow(page)
  const summary = frame.getByRole('status').filter({ hasText: 'Removal finished' })
  await e2e.runUntil(page, summary)
  expect(await summary.textContent()).toContain(`${commands.length} removed`)
  await expect.poll(async () => (await rowheaders(frame)).filter((row) => commands.includes(row))).toEqual([])
}

export function openRestore(e2e: E2eContext, frame: Frame) {
  return e2e.openDialog(frame, frame.getByRole('button', { name: 'Restore from file' }))
}

/**
 * Holds the `batch` request that carries the n-th batch of registers (from 1) in the browser, as a portal slow to
 * answer it would, until `release`: then it goes to the sandbox as it was sent. The others go at once. A state that
 * lasts while it is held (the progress, a still-waiting notice) stays until the test releases it.
 */
export async function holdRegisterBatch(context: BrowserContext, n: number) {
  let registerBatches = 0
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let held = false
  await context.route(
    (url) => url.pathname.startsWith('/rest/batch'),
    async (route) => {
      if (route.request().postData()?.includes('imbot.v2.Command.register') && ++registerBatches === n) {
        held = true
        await released
      }
      await route.continue()
    },
  )
  return { release, isHeld: () => held }
}
