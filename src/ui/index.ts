export { type Toast, ToastProvider, useToasts } from './Toasts'
