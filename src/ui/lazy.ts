import { type ComponentType, lazy } from 'react'

/** React's lazy() for a loader that resolves with the component itself (a named export, not a module's default). */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => load().then((component) => ({ default: component })))
}
