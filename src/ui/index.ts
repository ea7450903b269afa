export { Dialog } from './Dialog'
export { type Toast, ToastProvider, useToasts } from './Toasts'
