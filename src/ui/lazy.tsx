import { type ComponentType, lazy, Suspense } from 'react'

/** React's lazy() for a loader that resolves with the component itself (a named export, not a module's default). */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => load().then((component) => ({ default: component })))
}

/** A module loaded on demand: fetched once for every use, and at hand at once (`loaded()`) when it is here. */
export interface ModuleLoader<Module> {
  (): Promise<Module>
  loaded(): Module | undefined
}

/**
 * The loader of a module that stays out of the first download. Every call shares one request (a failed one may be
 * made again); once the module is here, `loaded()` has it, so what shows from it needs no wait.
 */
export function onDemandModule<Module>(load: () => Promise<Module>): ModuleLoader<Module> {
  let request: Promise<Module> | undefined
  let module: Module | undefined
  const get = () =>
    (request ??= load().then(
      (loaded) => (module = loaded),
      (error: unknown) => {
        request = undefined
        throw error
      },
    ))
  return Object.assign(get, { loaded: () => module })
}

/**
 * The component a module loaded on demand exports under `name`, for what shows only after the user acts or
 * something went wrong, so the first download stays small. Until the module is here it shows nothing (inside its
 * own Suspense); once it is (fetched ahead after the commands show, or shown before), it renders at once: React's
 * lazy() reads a thenable that answers on the spot, so there is no fallback, and none of React's delay before
 * revealing what suspended. The name, not a function that picks it, keeps each use a few bytes.
 */
export function onDemand<Module, Name extends keyof Module>(load: ModuleLoader<Module>, name: Name) {
  // Typed at the edges (what the module exports under the name); inside, a component is a component.
  const componentOf = (module: Module) => ({ default: module[name] as ComponentType<object> })
  const Lazy = lazy(() => {
    const module = load.loaded()
    return module
      ? ({
          // biome-ignore lint/suspicious/noThenProperty: a thenable that answers at once is how lazy() renders without suspending
          then: (resolve: (value: ReturnType<typeof componentOf>) => void) => resolve(componentOf(module)),
        } as never)
      : load().then(componentOf)
  })
  return (props: PropsOf<Module[Name]>) => (
    <Suspense fallback={null}>
      <Lazy {...(props as object)} />
    </Suspense>
  )
}

type PropsOf<Component> = Component extends ComponentType<infer Props> ? Props : never
