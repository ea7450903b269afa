/**
 * Where in the app the user last acted (a click, or what got keyboard focus), in page pixels.
 *
 * Inside Bitrix24 the frame is as tall as the app and the Bitrix24 page scrolls around it, so "the middle of
 * the viewport" of the frame can be thousands of pixels away from what the user sees, and the app cannot read
 * the parent page's scroll (another origin). The place the user just acted is on screen, so dialogs and
 * messages appear there.
 */
let lastY: number | null = null

function track(): void {
  document.addEventListener(
    'pointerdown',
    (event) => {
      lastY = event.pageY
    },
    true,
  )
  document.addEventListener(
    'focusin',
    (event) => {
      if (event.target instanceof Element) {
        const rect = event.target.getBoundingClientRect()
        lastY = rect.top + window.scrollY + rect.height / 2
      }
    },
    true,
  )
}

if (typeof document !== 'undefined') track()

/** Where the user last acted, in page pixels (the middle of the frame's viewport before any action). */
export function userY(): number {
  return lastY ?? window.scrollY + window.innerHeight / 2
}
