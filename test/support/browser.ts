import { type Browser, chromium, type Frame, type Page } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../tools/chromium.mjs'

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}

/** The app's frame inside the sandbox portal page (served from the app's own origin). */
export async function appFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe')
  const frame = await element.contentFrame()
  if (!frame) throw new Error('the sandbox page has no app frame')
  return frame
}
