import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { expect } from 'vitest'

// The layout suite's two halves: what counts as a layout problem (checked inside the page, as the user sees it),
// and the deliberately wide font with WCAG text spacing that the suite runs the app in a second time.

/**
 * Everything wrong with the layout of the document as it is now, one line each:
 * - a control that can take the focus but cannot be seen (clipped away, as a visually hidden table header is);
 * - anything outside the viewport's width, or sticking out of the box it sits in (a positioned box, an open
 *   dialog or a toast is a box of its own, checked against the viewport);
 * - a text that spills out of its element, or is cut by an ancestor that clips (a scroll box may hold more);
 * - a control that a click at its centre does not reach (covered by something else than a toast); while a
 *   modal dialog is open, only its own controls are reachable, and only they are checked.
 */
export function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = []
    const viewportWidth = document.documentElement.clientWidth
    const tolerance = 0.5
    const describe = (element: Element) => {
      const classes =
        typeof element.className === 'string' && element.className
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '')
        .trim()
        .replace(/\s+/g, ' ')
      return `${element.tagName.toLowerCase()}${classes} "${text.slice(0, 40)}"`
    }
    const span = (box: DOMRect) =>
      `${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}`
    const styleOf = (element: Element) => getComputedStyle(element)
    /** Not rendered, or not to be seen: display none, visibility hidden, or clipped away (visually hidden). */
    const unseen = (element: Element): 'none' | 'clipped' | false => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = styleOf(node)
        if (style.display === 'none' || style.visibility === 'hidden') return 'none'
        // The visually hidden pattern (clip-path: inset(50%)); any other clip-path would be a bug to see.
        if (style.clipPath.startsWith('inset(50%')) return 'clipped'
      }
      return false
    }
    const within = (inner: DOMRect, outer: DOMRect, vertically: boolean) =>
      inner.left >= outer.left - tolerance &&
      inner.right <= outer.right + tolerance &&
      (!vertically || (inner.top >= outer.top - tolerance && inner.bottom <= outer.bottom + tolerance))
    /** A box of its own: laid out outside its parent's flow (positioned, or in the top layer). */
    const ownBox = (element: Element) => {
      const position = styleOf(element).position
      return (
        position === 'absolute' ||
        position === 'fixed' ||
        (element instanceof HTMLDialogElement && element.open)
      )
    }
    const scrolls = (element: Element) => {
      const style = styleOf(element)
      return /auto|scroll/.test(style.overflowX) || /auto|scroll/.test(style.overflowY)
    }
    const clips = (element: Element) => {
      const style = styleOf(element)
      return style.overflowX !== 'visible' || style.overflowY !== 'visible'
    }
    const focusable = (element: Element) =>
      element.matches(
        'button:not(:disabled), input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])',
      ) && !element.closest('[inert]')

    // The page itself: a frame that scrolls sideways has something too wide in it, even where no box says so.
    const pageWidth = document.documentElement.scrollWidth
    if (pageWidth > viewportWidth + 1)
      problems.push(`the page is ${pageWidth} px wide in a ${viewportWidth} px frame`)

    // Boxes: every element shown, within the viewport's width and within its parent (where it stops).
    const sticksOut = new Set<Element>()
    for (const element of document.body.querySelectorAll('*')) {
      const seen = unseen(element)
      if (seen === 'clipped' && focusable(element))
        problems.push(`${describe(element)} takes the focus but cannot be seen`)
      if (seen) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.left < -tolerance || box.right > viewportWidth + tolerance)
        problems.push(`${describe(element)} spans ${span(box)}, the frame is ${viewportWidth} px wide`)
      const parent = element.parentElement
      // A transformed box (the spinner, turning) is drawn where it is turned to, not laid out there.
      if (styleOf(element).transform !== 'none') continue
      if (!parent || ownBox(element) || scrolls(parent) || sticksOut.has(parent)) continue
      if (styleOf(parent).display === 'contents') continue
      if (!within(box, parent.getBoundingClientRect(), false)) {
        sticksOut.add(element)
        problems.push(
          `${describe(element)} at ${span(box)} sticks out of ${describe(parent)} at ${span(parent.getBoundingClientRect())}`,
        )
      }
    }

    // Texts: each line inside its element, and inside every clipping ancestor up to the first that scrolls.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || !node.textContent?.trim() || unseen(parent) || sticksOut.has(parent)) continue
      if (parent.matches('option, script, style, textarea')) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const lines = [...range.getClientRects()].filter((line) => line.width > 0)
      const parentBox = parent.getBoundingClientRect()
      const holders: Element[] = [parent]
      for (
        let ancestor = parent.parentElement;
        ancestor && !scrolls(ancestor);
        ancestor = ancestor.parentElement
      )
        if (clips(ancestor)) holders.push(ancestor)
      for (const holder of holders) {
        const holderBox = holder === parent ? parentBox : holder.getBoundingClientRect()
        // A line's glyphs may reach a pixel past a block's line box; past that, the text is cut or spills.
        const outside = lines.find(
          (line) =>
            line.left < holderBox.left - 1 ||
            line.right > holderBox.right + 1 ||
            line.top < holderBox.top - 2 ||
            line.bottom > holderBox.bottom + 2,
        )
        if (outside) {
          problems.push(
            `text "${node.textContent.trim().slice(0, 30)}" at ${span(outside)} ${holder === parent ? 'spills out of' : 'is cut by'} ${describe(holder)} at ${span(holderBox)}`,
          )
          break
        }
      }
    }

    // Controls: a click at the centre of each reaches it.
    const modal = document.querySelector('dialog:modal')
    for (const control of (modal ?? document.body).querySelectorAll(
      'button, input, select, textarea, a[href], summary',
    )) {
      if (unseen(control) || !focusable(control)) continue
      // A page taller than the window (the plain tab) is scrolled to the control, as a user would.
      let box = control.getBoundingClientRect()
      if (box.top < 0 || box.bottom > window.innerHeight) {
        control.scrollIntoView({ block: 'center', inline: 'nearest' })
        box = control.getBoundingClientRect()
      }
      if (box.width < 1 || box.height < 1) {
        problems.push(`${describe(control)} has no size`)
        continue
      }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      const reached =
        hit &&
        (control === hit ||
          control.contains(hit) ||
          [...((control as HTMLInputElement).labels ?? [])].some((label) => label.contains(hit)) ||
          hit.closest('.toasts'))
      if (!reached)
        problems.push(
          `${describe(control)}: a click at its centre reaches ${hit ? describe(hit) : 'nothing'}`,
        )
    }
    return problems
  })
}

const require = createRequire(import.meta.url)
/** DejaVu Sans, about a tenth wider than Open Sans or Arial: the font of most Linux desktops and CI images. */
const wideFontFiles = {
  400: readFileSync(require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2')),
  700: readFileSync(require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff2')),
}
/** The family the wide font is declared under: no machine has a font of that name, so none can stand in for it. */
export const wideFontFamily = 'Layout Suite DejaVu Sans'
const wideFontPath = '/__layout-suite-font/'

/**
 * From now on, every page of the app's origin in `context` (the frame in the portal, the plain tab) shows in
 * DejaVu Sans (served by the test from @fontsource/dejavu-sans, never from the machine) with WCAG 2.2 SC 1.4.12's
 * text spacing: line height 1.5, letter spacing 0.12 em, word spacing 0.16 em, paragraph spacing 2 em.
 */
export async function wideFontWithTextSpacing(context: BrowserContext, appUrl: string): Promise<void> {
  const origin = new URL(appUrl).origin
  await context.route(`${origin}${wideFontPath}*`, (route) => {
    const weight = route.request().url().endsWith('700.woff2') ? 700 : 400
    return route.fulfill({ status: 200, contentType: 'font/woff2', body: wideFontFiles[weight] })
  })
  const css = `
    @font-face { font-family: "${wideFontFamily}"; font-weight: 400; src: url("${wideFontPath}400.woff2") format("woff2"); }
    @font-face { font-family: "${wideFontFamily}"; font-weight: 700; src: url("${wideFontPath}700.woff2") format("woff2"); }
    *, *::before, *::after {
      font-family: "${wideFontFamily}" !important;
      line-height: 1.5 !important;
      letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important;
    }
    p { margin-bottom: 2em !important; }`
  await context.addInitScript(
    ({ origin, css }) => {
      if (window.location.origin !== origin) return
      const style = document.createElement('style')
      style.dataset.layoutSuite = 'wide font and text spacing'
      style.textContent = css
      document.addEventListener('DOMContentLoaded', () => document.head.append(style), { once: true })
    },
    { origin, css },
  )
}

/**
 * Waits until the fonts the document uses have loaded, and returns the families and weights of the faces that
 * did (e.g. "Open Sans 600"): a layout is only judged in the font it is meant to be judged in.
 */
export function loadedFonts(frame: Frame): Promise<string[]> {
  return frame.evaluate(async () => {
    await document.fonts.ready
    return [
      ...new Set(
        [...document.fonts]
          .filter((face) => face.status === 'loaded')
          .map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`),
      ),
    ].sort()
  })
}

/** Until the host page has fitted the frame to the app (resized by a ResizeObserver, on no clock). */
export async function fitted(page: Page, frame: Frame): Promise<void> {
  await expect
    .poll(async () => {
      const app = await frame.evaluate(() => document.querySelector('.app')?.getBoundingClientRect().height)
      const box = await page.locator('iframe').boundingBox()
      return app !== undefined && box !== null && Math.abs(box.height - app) <= 1
    })
    .toBe(true)
}
