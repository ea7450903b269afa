import { useEffect, useRef, useState } from 'react'
import { type PortalClient, type PortalError, toPortalError } from '../../../portal'
import type { Secrets } from './use-webhook-fields'

/**
 * One attempt at a time at connecting with a webhook, and why the last one failed. Stopping aborts the attempt, and
 * nothing it brings afterwards is taken.
 */
export function useConnectAttempt() {
  /** The attempt under way (a ref: a second Connect in the same moment must see it before any render). */
  const attempt = useRef<AbortController | null>(null)
  const [connecting, setConnecting] = useState(false)
  const [failure, setFailure] = useState<PortalError | null>(null)
  // Leaving the form while connecting (the page closes, another screen replaces it) stops the attempt too.
  useEffect(() => () => attempt.current?.abort(), [])

  const underWay = () => attempt.current !== null

  /** Connects with `secrets` and hands the client to `onConnected`, unless the attempt was stopped by then. */
  const connect = async ({ webhook, token }: Secrets, onConnected: (client: PortalClient) => void) => {
    setFailure(null)
    const current = new AbortController()
    attempt.current = current
    setConnecting(true)
    try {
      const { connectWebhook } = await import('../../../portal/on-demand/webhook-client')
      const client = await connectWebhook(webhook, token, current.signal)
      // connectWebhook refuses once stopped; should its answer still get here, it connects nothing.
      if (current.signal.aborted) return client.close?.()
      onConnected(client)
    } catch (error) {
      if (!current.signal.aborted) setFailure(toPortalError(error, 'imbot.v2.Bot.list'))
    } finally {
      if (attempt.current === current) {
        attempt.current = null
        setConnecting(false)
      }
    }
  }

  const stop = () => {
    attempt.current?.abort()
    attempt.current = null
    setConnecting(false)
  }

  return { connecting, failure, dismissFailure: () => setFailure(null), underWay, connect, stop }
}
