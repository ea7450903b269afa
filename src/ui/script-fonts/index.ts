// Languages whose script Open Sans lacks: their fonts come in a stylesheet of their own, linked only on a portal in
// that language (vite-plugin.ts builds them).
const withFonts = ['ar', 'th', 'in', 'ja', 'sc', 'tc']

/** Links the stylesheet of the language's script fonts, once, if it has one. */
export function linkScriptFonts(language: string): void {
  const href = `./fonts/${language}.css?v=${__SCRIPT_FONTS_VERSION__}`
  if (!withFonts.includes(language) || document.querySelector(`link[href="${href}"]`)) return
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = href
  document.head.append(link)
}
