import type { Plugin } from 'vite'

/** Placeholder until the sandbox portal lands: serves nothing extra. */
export function sandboxPlugin(): Plugin {
  return { name: 'bot-commands-sandbox', apply: 'serve' }
}
