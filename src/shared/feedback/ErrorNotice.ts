import { onDemand, onDemandModule } from '../../ui'

// What the app and the features import to show an error: the notice itself (ErrorNoticeView) is a chunk of its
// own, fetched once the commands show (features/list/prefetch.ts), so the first download stays small. Only edit/, whose
// chunk already waited and whose form points at the notice as it appears, takes ErrorNoticeView itself.
export const loadErrorNotice = onDemandModule(() => import('./on-demand/ErrorNoticeView'))

/** One error, where its action happened (see ErrorNoticeView), shown once its chunk is here. */
export const ErrorNotice = onDemand(loadErrorNotice, 'ErrorNoticeView')
