import { AuthManager, OptionsManager } from '@bitrix24/b24jssdk'
import { describe, expect, it } from 'vitest'
import { createSandboxPortal, parseSettingsPatch } from '../../../src/sandbox/emulator'

// A local application whose installation path is filled starts not installed: an administrator gets the
// installation path with INSTALL: true, anyone else an error page, until setInstallFinish (live-portal.md, Round 2).

describe('install mode', () => {
  it('opens an installed app as the app, INSTALL: false (the default)', () => {
    const portal = createSandboxPortal()
    expect(portal.getSettings().installed).toBe(true)
    expect(portal.opening()).toBe('app')
    expect(portal.initData('127.0.0.1:5173')).toMatchObject({ INSTALL: false, PLACEMENT: 'DEFAULT' })
    // Whoever opens it.
    portal.updateSettings({ isAdmin: false })
    expect(portal.opening()).toBe('app')
    expect(portal.initData('127.0.0.1:5173').INSTALL).toBe(false)
  })

  it('opens the installation path for an administrator while it is not installed: INSTALL: true, DEFAULT', () => {
    const portal = createSandboxPortal({ settings: { installed: false } })
    expect(portal.opening()).toBe('install')
    expect(portal.initData('127.0.0.1:5173')).toMatchObject({
      INSTALL: true,
      PLACEMENT: 'DEFAULT',
      IS_ADMIN: true,
      FIRST_RUN: false,
    })
  })

  it('gives anyone but an administrator no frame while it is not installed', () => {
    const portal = createSandboxPortal({ settings: { installed: false, isAdmin: false } })
    expect(portal.opening()).toBe('not-installed')
    portal.updateSettings({ isAdmin: true })
    expect(portal.opening()).toBe('install')
  })

  it('marks the app installed on setInstallFinish and counts every such message', () => {
    const portal = createSandboxPortal({ settings: { installed: false } })
    expect(portal.getState().installFinishCalls).toBe(0)
    expect(portal.installFinish()).toEqual({ installed: true, installFinishCalls: 1 })
    expect(portal.getSettings().installed).toBe(true)
    expect(portal.opening()).toBe('app')
    expect(portal.initData('127.0.0.1:5173').INSTALL).toBe(false)
    expect(portal.getState().installFinishCalls).toBe(1)
    // An installed app must never send it; if it does, it is counted all the same, and nothing else changes.
    expect(portal.installFinish()).toEqual({ installed: true, installFinishCalls: 2 })
  })

  it('reset counts nothing again and installs the app again', () => {
    const portal = createSandboxPortal()
    portal.updateSettings({ installed: false })
    portal.installFinish()
    portal.updateSettings({ installed: false })
    portal.reset()
    expect(portal.getState().installFinishCalls).toBe(0)
    expect(portal.getSettings().installed).toBe(true)
  })

  it('keeps a fresh install across reset when the portal was made as one (SANDBOX_FRESH_INSTALL=1)', () => {
    const portal = createSandboxPortal({ settings: { installed: false } })
    portal.installFinish()
    portal.reset()
    expect(portal.getSettings().installed).toBe(false)
    expect(portal.getState().installFinishCalls).toBe(0)
  })

  it('reads `installed` from a settings patch, as a boolean only', () => {
    expect(parseSettingsPatch({ installed: false })).toEqual({ installed: false })
    expect(() => parseSettingsPatch({ installed: 'no' })).toThrow('settings.installed must be a boolean')
    const portal = createSandboxPortal()
    expect(portal.updateSettings({ installed: false }).installed).toBe(false)
  })
})

describe('handshake data as live portals send it', () => {
  it('sends empty option stores as [] and AUTH_EXPIRES as a string', () => {
    const portal = createSandboxPortal({ settings: { tokenLifetimeSec: 3600 } })
    const data = portal.initData('127.0.0.1:5173')
    expect(data.USER_OPTIONS).toStrictEqual([])
    expect(data.APP_OPTIONS).toStrictEqual([])
    expect(data.AUTH_EXPIRES).toBe('3600')
    const json = JSON.stringify(data)
    expect(json).toContain('"USER_OPTIONS":[]')
    expect(json).toContain('"APP_OPTIONS":[]')
    expect(json).toContain('"AUTH_EXPIRES":"3600"')
    expect(portal.refreshAuth().AUTH_EXPIRES).toBe('3600')
  })

  it('is read by the SDK 2.2.0 as it reads a live portal: parseInt on AUTH_EXPIRES, [] as an empty store', async () => {
    const portal = createSandboxPortal({ settings: { tokenLifetimeSec: 3600 } })
    const data = portal.initData('127.0.0.1:5173')
    const appFrame = { getTargetOrigin: () => 'http://127.0.0.1:5173' }
    const messages = {
      send: async (command: string) => (command === 'refreshAuth' ? portal.refreshAuth() : {}),
    }
    const auth = new AuthManager(appFrame as never, messages as never).initData(data as never)
    const before = Date.now()
    const first = auth.getAuthData()
    expect(first).toMatchObject({ access_token: data.AUTH_ID, expires_in: 3600 })
    expect(first && first.expires * 1000).toBeGreaterThan(before + 3_590_000)
    const renewed = await auth.refreshAuth()
    expect(renewed && renewed.expires * 1000).toBeGreaterThan(before + 3_590_000)

    const options = new OptionsManager(messages as never).initData(data as never)
    expect(() => options.appGet('anything')).toThrow('app.option.anything not set')
    expect(() => options.userGet('anything')).toThrow('user.option.anything not set')
  })
})
