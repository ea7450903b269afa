export { Dialog } from './Dialog'
export { downloadText } from './download'
export { type Toast, ToastProvider, useToasts } from './Toasts'
