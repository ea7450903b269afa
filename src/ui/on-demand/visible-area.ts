/**
 * The part of the app the user can see, in page pixels. Inside Bitrix24 the frame is as tall as the app and
 * the Bitrix24 page scrolls around it; its scroll belongs to another origin and cannot be read. But an
 * IntersectionObserver with the implicit root tells even a cross-origin frame which part of an element is
 * inside the top-level viewport: observed once, it answers at once with the visible band of the page.
 */
export interface Band {
  top: number
  bottom: number
}

/** The frame's own viewport: all that is known without an IntersectionObserver (and in tests). */
function frameViewport(): Band {
  return { top: window.scrollY, bottom: window.scrollY + window.innerHeight }
}

/** The height of Bitrix24's top bar (the sandbox's is the same), fixed over the top of the window. */
const portalTopBar = 64

export function visibleBand(): Promise<Band> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve(frameViewport())
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect()
      const entry = entries.at(-1)
      if (!entry?.isIntersecting || entry.intersectionRect.height === 0) {
        resolve(frameViewport())
        return
      }
      const { top, bottom } = entry.intersectionRect
      // When the page has scrolled the frame's top out of view, the band starts at the window's top edge, where
      // Bitrix24's fixed top bar lies over the page (what is under it cannot be seen either).
      const underTopBar = top > 0 ? portalTopBar : 0
      resolve({ top: top + underTopBar + window.scrollY, bottom: bottom + window.scrollY })
    })
    observer.observe(document.documentElement)
  })
}

/** The top, in page pixels, for something `height` tall wanted at `top`, moved wholly inside the band. */
export function clampInto(band: Band, top: number, height: number, margin = 8): number {
  const highest = band.top + margin
  const lowest = band.bottom - height - margin
  // Taller than what is visible: its top stays visible.
  if (lowest < highest) return Math.round(highest)
  return Math.round(Math.min(Math.max(top, highest), lowest))
}

/** The top, in page pixels, for something `height` tall centred on `anchorY`, kept inside the page. */
export function placeAround(anchorY: number, height: number): number {
  const pageHeight = Math.max(document.documentElement.scrollHeight, window.innerHeight)
  return Math.round(Math.min(Math.max(anchorY - height / 2, 8), Math.max(8, pageHeight - height - 8)))
}
