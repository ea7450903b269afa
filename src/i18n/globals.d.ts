/** A digest of the dictionaries, put in their URLs by the build (i18n/messages/vite-plugin.ts). */
declare const __MESSAGES_VERSION__: string

/** A digest of the script fonts' stylesheets, put in their URLs by the build (ui/script-fonts/vite-plugin.ts). */
declare const __SCRIPT_FONTS_VERSION__: string
