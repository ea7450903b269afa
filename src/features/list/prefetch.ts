import { useEffect } from 'react'
import { loadMoreMessages, useI18n } from '../../i18n'
import { loadErrorNotice } from '../../shared/feedback/ErrorNotice'
import { loadStillWaitingNotice } from '../../shared/feedback/StillWaiting'
import { loadUnreadableEntries } from '../../shared/feedback/UnreadableEntries'
import { loadToastItem, whenIdle } from '../../ui'
import { loadExport } from '../export'
import { loadConfirmRemoval, loadRemovalStatus, loadRemovalSummary, loadRemoveCommands } from '../removal'
import { loadRowNotices } from './CommandRow'

/**
 * Fetches what a click may need next (the confirmation, the summary of a removal of many, the export), what
 * shows when something went wrong, and the rest of the dictionary, ahead of use: once the commands show (`ready`),
 * so the first download stays small and a click never waits.
 */
export function usePrefetchInteractions(ready: boolean): void {
  const { language } = useI18n()
  useEffect(() => {
    if (!ready) return
    // Once the browser is idle after showing the commands: the chunks' parsing does not hold up that paint.
    whenIdle(
      () =>
        void Promise.all([
          loadConfirmRemoval(),
          loadRemovalSummary(),
          loadRemovalStatus(),
          loadRowNotices(),
          loadExport(),
          loadRemoveCommands(),
          loadErrorNotice(),
          loadStillWaitingNotice(),
          loadUnreadableEntries(),
          loadToastItem(),
          loadMoreMessages(language),
        ]).catch(() => undefined),
    )
  }, [ready, language])
}
