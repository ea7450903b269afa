import type { PortalClient } from '../../../portal'
import { OutsideBitrix24 } from './OutsideBitrix24'
import { WebhookConnect } from './WebhookConnect'

/** The page opened in a plain tab: what the app is and where it works, then connecting with a webhook. */
export function OutsidePage({ onConnected }: { onConnected: (client: PortalClient) => void }) {
  return (
    <>
      <OutsideBitrix24 />
      <WebhookConnect onConnected={onConnected} />
    </>
  )
}
