import { offersRetry } from '../../../imbot/on-demand/error-catalogue'
import { type ConnectionMode, describeErrorFor } from '../../../imbot/on-demand/webhook-wording'
import type { PortalErrorShape } from '../../../portal'

/** An outcome as removal and restore both record it: how it ended, and Bitrix24's error when it did not work. */
interface Outcome {
  status: string
  error?: PortalErrorShape
}

/**
 * Whether "Retry the failed ones" offers a command, for removal and restore alike: only what a retry can help.
 * That is what has no outcome yet or was stopped, and what failed or was not sent for a reason that may pass (a
 * dropped connection, Bitrix24 asking to wait); not a refusal that would come again (another application's
 * command, say), nor anything Bitrix24 answered.
 */
export function retryCanHelp(outcome: Outcome | undefined, mode: ConnectionMode): boolean {
  if (outcome === undefined || outcome.status === 'stopped') return true
  if (outcome.status !== 'failed' && outcome.status !== 'not-sent') return false
  return outcome.error === undefined || offersRetry(describeErrorFor(outcome.error, mode))
}
