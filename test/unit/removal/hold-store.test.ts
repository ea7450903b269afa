import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRemovalStore, type Hold, holdOf } from '../../../src/features/removal/hold-store'
import type { Command } from '../../../src/imbot'

const command = (id: number): Command => ({
  id,
  botId: 1,
  command: `/c${id}`,
  title: '',
  params: '',
  common: false,
  hidden: null,
  extranetSupport: false,
  category: '',
  context: '',
})

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the undo hold', () => {
  it('hands a hold over when its window passes, and not before', () => {
    const released: Hold[] = []
    const store = createRemovalStore({ windowMs: 1000, onRelease: (hold) => released.push(hold) })
    const hold = store.hold([command(1), command(2)], true)
    expect(holdOf(store.getState(), 2)).toBe(hold)
    vi.advanceTimersByTime(999)
    expect(released).toEqual([])
    vi.advanceTimersByTime(1)
    expect(released).toEqual([hold])
    expect(holdOf(store.getState(), 2)).toBeUndefined()
  })

  it('sends nothing once undone, and says when Undo comes too late', () => {
    const onRelease = vi.fn()
    const store = createRemovalStore({ windowMs: 1000, onRelease })
    const first = store.hold([command(1)], false)
    expect(store.undo(first.id)).toBe(true)
    vi.advanceTimersByTime(5000)
    expect(onRelease).not.toHaveBeenCalled()
    const second = store.hold([command(1)], false)
    vi.advanceTimersByTime(1000)
    expect(onRelease).toHaveBeenCalledTimes(1)
    expect(store.undo(second.id)).toBe(false)
  })

  it('takes one command out of a held removal of many, and sends the rest when the window passes', () => {
    const released: Hold[] = []
    const store = createRemovalStore({ windowMs: 1000, onRelease: (hold) => released.push(hold) })
    const hold = store.hold([command(1), command(2), command(3)], true)
    expect(store.undo(hold.id, 2)).toBe(true)
    expect(holdOf(store.getState(), 2)).toBeUndefined()
    expect(holdOf(store.getState(), 3)?.id).toBe(hold.id)
    vi.advanceTimersByTime(1000)
    expect(released.map((held) => held.commands.map((c) => c.id))).toEqual([[1, 3]])
    // The last command of a hold taken out is the whole hold undone: nothing is sent.
    const single = store.hold([command(4)], true)
    expect(store.undo(single.id, 4)).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(released).toHaveLength(1)
  })

  it('sends nothing when the page goes away during the window', () => {
    const onRelease = vi.fn()
    const store = createRemovalStore({ windowMs: 1000, onRelease })
    store.hold([command(1)], false)
    store.dispose()
    vi.advanceTimersByTime(5000)
    expect(onRelease).not.toHaveBeenCalled()
  })

  it('tells its subscribers, and keeps the slices of untouched rows as they were', () => {
    const store = createRemovalStore({ windowMs: 1000, onRelease: () => undefined, now: () => 42 })
    const listener = vi.fn()
    store.subscribe(listener)
    const before = store.getState().dismissedAt
    store.hold([command(1)], false)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getState().dismissedAt).toBe(before)
    store.dismiss([3])
    expect(store.getState().dismissedAt.get(3)).toBe(42)
    expect(holdOf(store.getState(), 3)).toBeUndefined()
    store.setWaiting([1, 2], true)
    store.setWaiting([1], false)
    expect([...store.getState().waiting]).toEqual([2])
  })
})
