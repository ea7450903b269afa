// Connecting with an inbound webhook, for bots registered through one (see PRODUCT.md): the form on the page
// opened outside Bitrix24. Everything after connecting is the same app as inside the frame.
export const loadWebhookBar = () => import('./on-demand/WebhookBar').then((module) => module.WebhookBar)
export const loadWebhookConnect = () =>
  import('./on-demand/WebhookConnect').then((module) => module.WebhookConnect)
