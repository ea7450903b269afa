import { MoreMessages, useMoreI18n } from '../../../i18n'

/** Webhook mode: which portal the tab is connected to, and Disconnect (the webhook and token are forgotten). */
export function WebhookBar(props: { portal: string; onDisconnect: () => void }) {
  return (
    <MoreMessages>
      <WebhookBarText {...props} />
    </MoreMessages>
  )
}

function WebhookBarText({ portal, onDisconnect }: { portal: string; onDisconnect: () => void }) {
  const { t } = useMoreI18n()
  return (
    <p className="webhook-bar">
      {t('webhook.connected', { portal })}
      <button type="button" className="button button--small" onClick={onDisconnect}>
        {t('webhook.disconnect')}
      </button>
    </p>
  )
}
