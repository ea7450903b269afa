import type {
  FaultRequest,
  RestLogEntry,
  SandboxSettings,
  SandboxSettingsPatch,
  SandboxStateSnapshot,
  SeedRequest,
  SeedResult,
} from '../../src/sandbox/emulator'

/** The sandbox portal's control API over HTTP, as the e2e suite and the bench drive it. */
export function sandboxApi(portalUrl: string) {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(`/sandbox/api/${path}`, portalUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
  return {
    reset: () => request<void>('POST', 'reset'),
    settings: (patch: SandboxSettingsPatch) => request<SandboxSettings>('POST', 'settings', patch),
    fault: (fault: FaultRequest) => request<unknown>('POST', 'faults', fault),
    clearFaults: () => request<void>('DELETE', 'faults'),
    log: () => request<RestLogEntry[]>('GET', 'log'),
    clearLog: () => request<void>('DELETE', 'log'),
    state: () => request<SandboxStateSnapshot>('GET', 'state'),
    seed: (seed: SeedRequest) => request<SeedResult>('POST', 'seed', seed),
    expireTokens: () => request<void>('POST', 'expire-tokens'),
  }
}

export type SandboxApi = ReturnType<typeof sandboxApi>
