// Connecting with an inbound webhook, for bots registered through one (see PRODUCT.md): the page opened outside
// Bitrix24 and its form, then the bar that says which portal the app is connected to. Everything after connecting
// is the same app as inside the frame.
export const loadWebhookBar = () => import('./on-demand/WebhookBar').then((module) => module.WebhookBar)
export const loadOutsidePage = () => import('./on-demand/OutsidePage').then((module) => module.OutsidePage)
