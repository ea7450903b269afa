import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { onDemand, onDemandModule } from '../../src/ui'

// What stays out of the first download (src/ui/lazy.tsx): one request per module, shown at once once it is here.

const greetingModule = { Greeting: ({ name }: { name: string }) => <p>Hello, {name}</p> }

describe('a component loaded on demand', () => {
  it('shows nothing until its module is here, then shows', async () => {
    const load = onDemandModule(async () => greetingModule)
    const Greeting = onDemand(load, 'Greeting')
    render(<Greeting name="admin" />)
    expect(screen.queryByText('Hello, admin')).toBeNull()
    expect(await screen.findByText('Hello, admin')).toBeTruthy()
  })

  it('renders at once, in the same render, when its module was fetched ahead', async () => {
    const load = onDemandModule(async () => greetingModule)
    const Greeting = onDemand(load, 'Greeting')
    await load()
    render(<Greeting name="admin" />)
    // No waiting: a fallback in between would be a flash of nothing where the user just acted.
    expect(screen.getByText('Hello, admin')).toBeTruthy()
  })

  it('fetches a module once for every use, and again after a failed attempt', async () => {
    const fetchModule = vi
      .fn<() => Promise<typeof greetingModule>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(greetingModule)
    const load = onDemandModule(fetchModule)
    await expect(load()).rejects.toThrow('offline')
    await Promise.all([load(), load()])
    expect(fetchModule).toHaveBeenCalledTimes(2)
    expect(load.loaded()).toBe(greetingModule)
  })
})
