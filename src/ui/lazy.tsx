import { type ComponentType, lazy, Suspense } from 'react'

/** React's lazy() for a loader that resolves with the component itself (a named export, not a module's default). */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => load().then((component) => ({ default: component })))
}

/**
 * The component a module loaded on demand exports under `name`, shown (inside its own Suspense, nothing
 * meanwhile) once the module is here: for what shows only after the user acts or something went wrong, so the
 * first download stays small. The name, not a function that picks it, keeps each use a few bytes.
 */
export function onDemand<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  // Typed at the edges (what the module exports under the name); inside, a component is a component.
  const Lazy = lazyComponent(() => load().then((module) => module[name] as ComponentType<object>))
  return (props: PropsOf<Module[Name]>) => (
    <Suspense fallback={null}>
      <Lazy {...(props as object)} />
    </Suspense>
  )
}

type PropsOf<Component> = Component extends ComponentType<infer Props> ? Props : never
