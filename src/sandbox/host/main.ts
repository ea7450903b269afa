/**
 * The host page's script: the parent side of the iframe protocol (reference/bitrix24.md §1) and the sandbox
 * drawer. Served by the sandbox middleware, transformed from TypeScript on the fly; self-contained on purpose
 * (no imports), so that it needs no bundling. Access tokens only pass through this script from a fetch answer into
 * postMessage: they are never written to the DOM, a URL, storage or the console. The inbound webhook's URL and bot
 * tokens are sandbox test tooling: shown in the drawer's webhook panel only (fetched when the drawer opens), never
 * in the page around the app.
 */

interface Settings {
  isAdmin: boolean
  lang: string
  latencyMs: number
  tokenLifetimeSec: number
  imbotV2: boolean
  rateLimit: { burst: number; drainPerSec: number }
  answerHandshake: boolean
  answerRefreshAuth: boolean
  answerShape: string
  webhookTokenError: string
  webhookAuthError: string
  installed: boolean
  appSource: string
  /** The portal's site language (Command.list's titles, Bot.list's language); null: the same as `lang`. */
  portalLanguage: string | null
  batchSubstitution: boolean
}

/** Where the portal opens the app (server/app-entry.ts): a frame on `origin` at `path`, or no frame. */
interface AppEntry {
  opening: 'app' | 'install' | 'not-installed'
  source: 'server' | 'package'
  origin: string
  path: string
}

interface Webhook {
  url: string
  tokens: string[]
  revoked: boolean
  expired: boolean
  scopes: string[]
}

interface Boot {
  settings: Settings
  app: AppEntry
  methods: string[]
  codes: string[]
  langs: string[]
}

interface Fault {
  method: string
  code?: string
  description?: string
  entry?: unknown
  language?: string
  count: number
  mode: string
  match?: Record<string, string | number>
}

interface LogEntry {
  seq: number
  method: string
  params: Record<string, unknown>
  status: number
  error?: string
  inBatch?: number
  dropped?: boolean
  fault?: string
  via?: string
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`#${id} is missing from the host page`)
  return element as T
}

const boot = JSON.parse(byId('sandbox-boot').textContent ?? '{}') as Boot
let settings = boot.settings

// One server, two origins: the portal is 127.0.0.1:PORT (this page), the app is localhost:PORT (the server's own
// app host, also for the webhook form in a plain tab). Where the frame opens comes from the server (`app`).
const portalHost = location.host
const serverAppOrigin = `http://localhost:${location.port}`
let app = boot.app

/**
 * The path of the app on its origin: the server's, unless the portal page is opened with `?app=/some/path/` (npm
 * run bench frames its reference page this way, with the same handshake). Only a path: the origin never changes.
 */
function appPathFromQuery(): string | undefined {
  const path = new URLSearchParams(location.search).get('app')
  return path && /^\/(?![/\\])[^?#\s\\]*$/.test(path) ? path : undefined
}
const appPathOverride = appPathFromQuery()

// ---------------------------------------------------------------------------------------------------------
// The app frame

let appSid = ''
let frame: HTMLIFrameElement | undefined
/** The frame's handshake said INSTALL: true (its installation path is open). */
let frameInstalling = false
const appOptions: Record<string, unknown> = {}
const userOptions: Record<string, unknown> = {}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
}

function appUrl(): string {
  const query = new URLSearchParams({
    DOMAIN: portalHost,
    PROTOCOL: '0',
    LANG: settings.lang,
    APP_SID: appSid,
  })
  const path = app.source === 'server' && appPathOverride ? appPathOverride : app.path
  return `${app.origin}${path}?${query.toString()}`
}

/** Bitrix24's error page in place of the frame (the app is not installed, the user is no administrator). */
function showNotInstalled(): void {
  frame = undefined
  frameInstalling = false
  appSid = ''
  if (document.getElementById('app-error')) return
  const template = byId<HTMLTemplateElement>('app-not-installed')
  byId('app-card').replaceChildren(template.content.cloneNode(true))
}

/**
 * The first load uses what the server rendered: the iframe (named, without src: its src is set only now that the
 * message listener below is in place), or the error page. Later loads (language, admin or installation changed,
 * reset, installation finished) replace the iframe with a new one under a new APP_SID, as a portal does on every
 * page load, or with the error page.
 */
function loadFrame(): void {
  frameInstalling = false
  if (app.opening === 'not-installed') {
    showNotInstalled()
    return
  }
  const rendered = document.getElementById('app-frame')
  if (!frame && rendered instanceof HTMLIFrameElement && rendered.name.split('|').length === 3) {
    appSid = rendered.name.split('|')[2] ?? ''
    frame = rendered
    frame.src = appUrl()
    return
  }
  appSid = randomHex(16)
  const next = document.createElement('iframe')
  next.id = 'app-frame'
  // The SDK reads window.name at start-up: it must be set before the frame navigates.
  next.name = `${portalHost}|0|${appSid}`
  next.title = 'Bot Commands application'
  next.setAttribute('allow', 'clipboard-write')
  next.src = appUrl()
  if (frame) frame.replaceWith(next)
  else byId('app-card').replaceChildren(next)
  frame = next
}

/** Asks the server where the app opens now (the settings may have changed it), then loads the frame anew. */
async function reloadApp(): Promise<void> {
  const response = await fetch('/sandbox/api/app')
  if (response.ok) app = (await response.json()) as AppEntry
  loadFrame()
}

function answer(callbackKey: string, result: unknown): void {
  frame?.contentWindow?.postMessage(`${callbackKey}:${JSON.stringify(result)}`, app.origin)
}

async function postJson(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** "100%" stays as is, 640 → "640px". */
function cssSize(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}px`
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return `${value.trim()}px`
  if (typeof value === 'string' && /^\d+(\.\d+)?(px|%|vh|vw|em|rem)$/.test(value.trim())) return value.trim()
  return undefined
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** An option store as a live portal sends it: `[]` when empty (PHP's empty array), else an object. */
function optionStore(options: Record<string, unknown>): Record<string, unknown> | [] {
  return Object.keys(options).length === 0 ? [] : { ...options }
}

type CommandHandler = (
  args: Record<string, unknown>,
  reply: (result: unknown) => void,
) => void | Promise<void>

const commands: Record<string, CommandHandler> = {
  async getInitData(_args, reply) {
    // 204: the sandbox is set not to answer the handshake (yet): ask again each second, so that switching the
    // setting back on answers late, as a slow Bitrix24 page does.
    let response = await postJson('/sandbox/api/frame/init-data')
    while (response.status === 204) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      response = await postJson('/sandbox/api/frame/init-data')
    }
    if (response.status !== 200) return
    const data = asRecord(await response.json())
    frameInstalling = data.INSTALL === true
    reply({ ...data, APP_OPTIONS: optionStore(appOptions), USER_OPTIONS: optionStore(userOptions) })
  },
  async refreshAuth(_args, reply) {
    const response = await postJson('/sandbox/api/frame/refresh-auth')
    if (response.ok) reply(await response.json())
  },
  resizeWindow(args, reply) {
    if (!frame) return
    const width = cssSize(args.width)
    const height = cssSize(args.height)
    if (width) frame.style.width = width
    if (height && !height.endsWith('%')) frame.style.height = height
    reply({ width: frame.offsetWidth, height: frame.offsetHeight })
  },
  setTitle(args, reply) {
    const title = typeof args.title === 'string' ? args.title : ''
    byId('pagetitle').textContent = title
    document.title = title
    reply(args)
  },
  setAppOption(args, reply) {
    // Only admins may change application options, as on a portal.
    if (settings.isAdmin && typeof args.name === 'string') appOptions[args.name] = args.value
    reply({})
  },
  setUserOption(args, reply) {
    if (typeof args.name === 'string') userOptions[args.name] = args.value
    reply({})
  },
  setInstall(_args, reply) {
    reply({})
  },
  // A portal never answers setInstallFinish: it marks the app installed and reloads it (under a new APP_SID).
  async setInstallFinish() {
    const installing = frameInstalling
    const response = await postJson('/sandbox/api/frame/install-finish')
    if (!response.ok) return
    // The drawer's "App installed" follows.
    settings = (await (await fetch('/sandbox/api/settings')).json()) as Settings
    showSettings()
    if (!installing) return
    await reloadApp()
    say('Installation finished: the app was reloaded.')
  },
}

/**
 * "command:args:callbackKey:APP_SID", args optional and possibly containing ":" (it is JSON). Messages from
 * another origin, another frame or an older APP_SID are ignored.
 */
window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== app.origin || !frame || event.source !== frame.contentWindow) return
  if (typeof event.data !== 'string') return
  const parts = event.data.split(':')
  if (parts.length < 3) return
  const sid = parts[parts.length - 1]
  const callbackKey = parts[parts.length - 2] ?? ''
  if (sid !== appSid) return
  const name = parts[0] ?? ''
  const handler = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!handler) return
  const rawArgs = parts.slice(1, -2).join(':')
  let args: Record<string, unknown> = {}
  if (rawArgs !== '') {
    try {
      args = asRecord(JSON.parse(rawArgs))
    } catch {
      return
    }
  }
  const sidAtCall = appSid
  void Promise.resolve(
    handler(args, (result) => {
      // An answer for a frame that has since been reloaded would reach the wrong app instance.
      if (sidAtCall === appSid) answer(callbackKey, result)
    }),
  ).catch(() => {
    // The sandbox server went away; the app's own time-outs report it.
  })
})

// ---------------------------------------------------------------------------------------------------------
// The sandbox drawer

const drawer = byId('sandbox-drawer')
const toggle = byId<HTMLButtonElement>('sandbox-toggle')
const status = byId('drawer-status')
const settingsForm = byId<HTMLFormElement>('settings-form')
const faultForm = byId<HTMLFormElement>('fault-form')
const webhookForm = byId<HTMLFormElement>('webhook-form')
const tokenForm = byId<HTMLFormElement>('token-form')
let logTimer: number | undefined

function say(message: string): void {
  status.textContent = message
}

function field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
  form: HTMLFormElement,
  name: string,
): T {
  const element = form.elements.namedItem(name)
  if (!element) throw new Error(`Form field ${name} is missing`)
  return element as T
}

function fillSelect(select: HTMLSelectElement, values: string[]): void {
  select.replaceChildren(
    ...values.map((value) => {
      const option = document.createElement('option')
      option.value = value
      option.textContent = value
      return option
    }),
  )
}

function showSettings(): void {
  field<HTMLInputElement>(settingsForm, 'isAdmin').checked = settings.isAdmin
  field<HTMLInputElement>(settingsForm, 'installed').checked = settings.installed
  field<HTMLSelectElement>(settingsForm, 'appSource').value = settings.appSource
  field<HTMLSelectElement>(settingsForm, 'lang').value = settings.lang
  // The empty option is "as the user's" (null).
  field<HTMLSelectElement>(settingsForm, 'portalLanguage').value = settings.portalLanguage ?? ''
  field<HTMLInputElement>(settingsForm, 'batchSubstitution').checked = settings.batchSubstitution
  field<HTMLSelectElement>(settingsForm, 'answerShape').value = settings.answerShape
  field<HTMLInputElement>(settingsForm, 'latencyMs').value = String(settings.latencyMs)
  field<HTMLInputElement>(settingsForm, 'tokenLifetimeSec').value = String(settings.tokenLifetimeSec)
  field<HTMLInputElement>(settingsForm, 'imbotV2').checked = settings.imbotV2
  field<HTMLInputElement>(settingsForm, 'answerHandshake').checked = settings.answerHandshake
  field<HTMLInputElement>(settingsForm, 'answerRefreshAuth').checked = settings.answerRefreshAuth
  field<HTMLInputElement>(settingsForm, 'burst').value = String(settings.rateLimit.burst)
  field<HTMLInputElement>(settingsForm, 'drainPerSec').value = String(settings.rateLimit.drainPerSec)
  field<HTMLSelectElement>(webhookForm, 'webhookTokenError').value = settings.webhookTokenError
  field<HTMLSelectElement>(webhookForm, 'webhookAuthError').value = settings.webhookAuthError
}

async function saveSetting(name: string, form: HTMLFormElement = settingsForm): Promise<void> {
  const input = field<HTMLInputElement>(form, name)
  const value: unknown =
    input.type === 'checkbox'
      ? input.checked
      : input.type === 'number'
        ? Number(input.value)
        : name === 'portalLanguage' && input.value === ''
          ? null
          : input.value
  const patch =
    name === 'burst' || name === 'drainPerSec' ? { rateLimit: { [name]: value } } : { [name]: value }
  const response = await postJson('/sandbox/api/settings', patch)
  if (!response.ok) {
    say(`Not saved: ${String(asRecord(await response.json()).error ?? response.status)}`)
    showSettings()
    return
  }
  settings = (await response.json()) as Settings
  showSettings()
  // IS_ADMIN, LANG and INSTALL reach the app only through getInitData (and decide whether there is a frame at
  // all): reload it, as a portal would. A new answer shape, and the titles and bot language of another portal
  // language, show only in lists fetched afresh.
  if (['isAdmin', 'lang', 'portalLanguage', 'answerShape', 'installed', 'appSource'].includes(name)) {
    await reloadApp()
    say('Saved; the app was reloaded.')
  } else {
    say('Saved.')
  }
}

function showWebhook(webhook: Webhook): void {
  field<HTMLInputElement>(webhookForm, 'webhookUrl').value = webhook.url
  field<HTMLInputElement>(webhookForm, 'revoked').checked = webhook.revoked
  field<HTMLInputElement>(webhookForm, 'expired').checked = webhook.expired
  field<HTMLInputElement>(webhookForm, 'imbotScope').checked = webhook.scopes.includes('imbot')
  byId('webhook-tokens').replaceChildren(
    ...webhook.tokens.map((token, index) => {
      const item = document.createElement('li')
      const input = document.createElement('input')
      input.type = 'text'
      input.readOnly = true
      input.value = token
      input.spellcheck = false
      input.setAttribute('aria-label', `Bot token ${index + 1}`)
      item.append(input)
      return item
    }),
  )
}

async function refreshWebhook(): Promise<void> {
  showWebhook((await (await fetch('/sandbox/api/webhook')).json()) as Webhook)
}

/** Revoked, expired and the imbot scope belong to the webhook; the two error choices are settings. */
async function saveWebhook(name: string): Promise<void> {
  if (name === 'webhookTokenError' || name === 'webhookAuthError') {
    await saveSetting(name, webhookForm)
    return
  }
  const checked = field<HTMLInputElement>(webhookForm, name).checked
  const response = await postJson('/sandbox/api/webhook', { [name]: checked })
  if (!response.ok) {
    say(`Not saved: ${String(asRecord(await response.json()).error ?? response.status)}`)
    await refreshWebhook()
    return
  }
  showWebhook((await response.json()) as Webhook)
  const words: Record<string, [string, string]> = {
    revoked: ['The webhook is revoked: every call answers 401.', 'The webhook works again.'],
    expired: ['The webhook has expired: every call answers 401.', 'The webhook no longer expires.'],
    imbotScope: [
      'The webhook has the imbot scope again.',
      'The webhook lost the imbot scope: imbot methods answer 403.',
    ],
  }
  say(words[name]?.[checked ? 0 : 1] ?? 'Saved.')
}

function faultAction(fault: Fault): string {
  if (fault.mode === 'drop') return 'act, then drop the connection'
  if (fault.mode === 'add-entry') return `add ${JSON.stringify(fault.entry)} to the list`
  if (fault.mode === 'hold') return 'never answer, until the faults are cleared'
  if (fault.mode === 'echo') return `answer ${fault.code || 'an empty code'}, repeating what the call carried`
  if (fault.mode === 'drop-titles') {
    return fault.language
      ? `save, but lose the ${fault.language} title row`
      : 'save, but lose every title row'
  }
  const code = fault.code ? fault.code : 'an empty code'
  return `answer ${code}${fault.description ? ` ("${fault.description}")` : ''}`
}

function faultText(fault: Fault): string {
  const match = fault.match ? ` where ${JSON.stringify(fault.match)}` : ''
  return `${fault.method}${match}: ${faultAction(fault)} (${fault.count} more)`
}

async function refreshFaults(): Promise<void> {
  const faults = (await (await fetch('/sandbox/api/faults')).json()) as Fault[]
  const list = byId('faults')
  if (faults.length === 0) {
    const empty = document.createElement('li')
    empty.className = 'empty'
    empty.textContent = 'None.'
    list.replaceChildren(empty)
    return
  }
  list.replaceChildren(
    ...faults.map((fault) => {
      const item = document.createElement('li')
      item.textContent = faultText(fault)
      return item
    }),
  )
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text
  if (className) td.className = className
  return td
}

async function refreshLog(): Promise<void> {
  const entries = (await (await fetch('/sandbox/api/log')).json()) as LogEntry[]
  const rows = entries
    .slice(-300)
    .reverse()
    .map((entry) => {
      const row = document.createElement('tr')
      if (entry.inBatch !== undefined) row.classList.add('is-sub')
      if (entry.status !== 200) row.classList.add('is-error')
      const called =
        entry.inBatch !== undefined ? `↳ ${entry.method} (batch #${entry.inBatch})` : entry.method
      const method = entry.via === 'webhook' ? `${called} · webhook` : called
      const marks = [entry.dropped ? 'dropped' : '', entry.fault ? `fault: ${entry.fault}` : '']
      const statusText = [String(entry.status), ...marks.filter(Boolean).map((mark) => `(${mark})`)].join(' ')
      row.append(
        cell(String(entry.seq)),
        cell(method),
        cell(JSON.stringify(entry.params), 'params'),
        cell(statusText),
        cell(entry.error ?? ''),
      )
      return row
    })
  byId('log-body').replaceChildren(...rows)
}

function openDrawer(open: boolean): void {
  drawer.hidden = !open
  toggle.setAttribute('aria-expanded', String(open))
  window.clearInterval(logTimer)
  logTimer = undefined
  if (open) {
    void refreshLog()
    void refreshFaults()
    void refreshWebhook()
    logTimer = window.setInterval(() => void refreshLog(), 2000)
    byId('drawer-close').focus()
  } else {
    toggle.focus()
  }
}

/** The fault the form describes; the server validates it. Throws a SyntaxError for an entry that is not JSON. */
function faultFromForm(): Fault {
  const mode = (faultForm.elements.namedItem('mode') as RadioNodeList).value
  const method = field<HTMLSelectElement>(faultForm, 'method').value
  const count = Number(field<HTMLInputElement>(faultForm, 'count').value) || 1
  if (mode === 'add-entry') {
    const entry: unknown = JSON.parse(field<HTMLTextAreaElement>(faultForm, 'entry').value)
    return { method, count, mode, entry }
  }
  if (mode === 'drop-titles') {
    const language = field<HTMLInputElement>(faultForm, 'language').value.trim()
    return language ? { method, count, mode, language } : { method, count, mode }
  }
  const custom = field<HTMLInputElement>(faultForm, 'customCode').value.trim()
  const code = custom || field<HTMLSelectElement>(faultForm, 'code').value
  const description = field<HTMLInputElement>(faultForm, 'description').value.trim()
  return description ? { method, code, description, count, mode } : { method, code, count, mode }
}

function wireDrawer(): void {
  fillSelect(field<HTMLSelectElement>(settingsForm, 'lang'), boot.langs)
  fillSelect(field<HTMLSelectElement>(faultForm, 'method'), boot.methods)
  fillSelect(field<HTMLSelectElement>(faultForm, 'code'), boot.codes)
  // Live portals send some errors with an empty code and only a description.
  const emptyCode = document.createElement('option')
  emptyCode.value = ''
  emptyCode.textContent = '(empty code)'
  field<HTMLSelectElement>(faultForm, 'code').append(emptyCode)
  showSettings()

  toggle.addEventListener('click', () => openDrawer(drawer.hasAttribute('hidden')))
  byId('drawer-close').addEventListener('click', () => openDrawer(false))
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !drawer.hasAttribute('hidden')) openDrawer(false)
  })

  byId('webhook-app-url').textContent = `${serverAppOrigin}/`
  webhookForm.addEventListener('submit', (event) => event.preventDefault())
  webhookForm.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement
    if (target.name && target.name !== 'webhookUrl') void saveWebhook(target.name)
  })
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const bots = Number(field<HTMLInputElement>(tokenForm, 'bots').value) || 0
    const commandsPerBot = Number(field<HTMLInputElement>(tokenForm, 'commandsPerBot').value) || 0
    void postJson('/sandbox/api/webhook/tokens', { bots, commandsPerBot }).then(async (response) => {
      if (!response.ok) {
        say(`No token made: ${String(asRecord(await response.json()).error ?? response.status)}`)
        return
      }
      await refreshWebhook()
      say(`A new bot token was made, owning ${bots} webhook bot${bots === 1 ? '' : 's'}: see Bot tokens.`)
    })
  })

  settingsForm.addEventListener('submit', (event) => event.preventDefault())
  settingsForm.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement
    if (target.name) void saveSetting(target.name)
  })

  faultForm.addEventListener('submit', (event) => {
    event.preventDefault()
    let fault: Fault
    try {
      fault = faultFromForm()
    } catch {
      say('Not injected: the entry is not valid JSON.')
      return
    }
    void postJson('/sandbox/api/faults', fault).then(async (response) => {
      say(
        response.ok
          ? `Injected: ${faultText(fault)}`
          : `Not injected: ${String(asRecord(await response.json()).error)}`,
      )
      await refreshFaults()
    })
  })

  byId('clear-faults').addEventListener('click', () => {
    void fetch('/sandbox/api/faults', { method: 'DELETE' }).then(() => {
      say('Faults cleared.')
      return refreshFaults()
    })
  })
  byId('expire-tokens').addEventListener('click', () => {
    void postJson('/sandbox/api/expire-tokens').then(() =>
      say('The current token now answers expired_token.'),
    )
  })
  byId('reload-frame').addEventListener('click', () => {
    void reloadApp().then(() => say('The app was reloaded.'))
  })
  byId('reset-state').addEventListener('click', () => {
    void postJson('/sandbox/api/reset').then(async () => {
      settings = (await (await fetch('/sandbox/api/settings')).json()) as Settings
      showSettings()
      await reloadApp()
      await Promise.all([refreshLog(), refreshFaults(), refreshWebhook()])
      say('State, settings, webhook, faults and log were reset; the app was reloaded.')
    })
  })
  byId('refresh-log').addEventListener('click', () => void refreshLog())
  byId('clear-log').addEventListener('click', () => {
    void fetch('/sandbox/api/log', { method: 'DELETE' }).then(() => refreshLog())
  })
}

function tickClock(): void {
  const now = new Date()
  byId('clock').textContent =
    `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
}

tickClock()
window.setInterval(tickClock, 30_000)
wireDrawer()
loadFrame()

export {}
