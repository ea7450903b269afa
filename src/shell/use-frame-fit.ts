import { type RefObject, useEffect } from 'react'
import type { PortalClient } from '../portal'

/**
 * Keeps the Bitrix24 frame exactly as tall as the app: on every layout change of the app's root, the frame
 * is resized to the root's height, so the page scrolls in Bitrix24 and never inside the frame.
 */
export function useFrameFit(client: PortalClient, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current
    if (!element) return
    const resize = () => client.fitToContent(element.getBoundingClientRect().height)
    const observer = new ResizeObserver(resize)
    observer.observe(element)
    resize()
    return () => observer.disconnect()
  }, [client, root])
}
