import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

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

// As the app renders (src/main.tsx): StrictMode mounts, unmounts and mounts again, which a component must survive.
configure({ reactStrictMode: true })

afterEach(() => cleanup())
