/**
 * Links the stylesheet of the fonts of the language's script (vite-plugin.ts builds them) if Open Sans lacks that
 * script: Arabic, Thai, Hindi, Japanese, Chinese; once. (The ids are two letters, so only a whole one matches in the list.)
 */
export function linkScriptFonts(language: string): void {
  if ('ar th in ja sc tc'.includes(language) && !document.querySelector(`[href^="./fonts/${language}."]`)) {
    document.head.insertAdjacentHTML(
      'beforeend',
      `<link rel="stylesheet" href="./fonts/${language}.css?v=${__SCRIPT_FONTS_VERSION__}">`,
    )
  }
}
