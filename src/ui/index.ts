export { focusIsLost } from './focus'
export { ignoreConfirmingKey, noteFocus } from './keys'
export { stillWaitingAfterMs, useStillWaiting } from './still-waiting'
export { type Toast, ToastProvider, useToasts } from './Toasts'
