import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { type DictionaryPart, dictionaryPart } from '../../src/i18n/messages/vite-plugin'
import { startIdleWork } from '../../src/ui'

// jsdom lacks these browser APIs the app uses; minimal stand-ins keep components renderable.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver

if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    // As in browsers, the close event comes in a task of its own, after the call that closed the dialog.
    setTimeout(() => this.dispatchEvent(new Event('close')))
  }
}

// The dictionaries, as the build serves them beside the app (./i18n/<id>.<part>.json): jsdom has no server, and Node's
// fetch no base URL for a relative one. Every other URL goes to the real fetch.
const realFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const match = typeof input === 'string' ? /^\.\/i18n\/(\w+)\.(core|more)\.json/.exec(input) : null
  if (!match) return realFetch(input, init)
  try {
    return Response.json(dictionaryPart(match[1] ?? '', match[2] as DictionaryPart))
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

// As src/main.tsx does once the page's first request has left: work asked for when idle (the prefetch) may run.
startIdleWork()

// As the app renders (src/main.tsx): StrictMode mounts, unmounts and mounts again, which a component must survive.
configure({ reactStrictMode: true })

afterEach(() => cleanup())
