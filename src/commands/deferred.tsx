import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react'
import { type Language, loadMoreMessages } from '../i18n'

// What appears only after the user acts (the confirmation, the summary of a removal of many, the export) or
// when something went wrong (an error, entries that could not be read) is not needed to show the commands: it
// comes in chunks of its own, fetched as soon as the commands are on screen, so the first download stays small
// and a click never waits.
const loadConfirmRemoval = () => import('./ConfirmRemoval')
const loadErrorNotice = () => import('./ErrorNotice')
const loadUnreadableEntries = () => import('./UnreadableEntries')

/** A component from a chunk of its own, shown (inside its own Suspense) once the chunk is here. */
function deferred<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })))
  return (props: Props) => (
    <Suspense fallback={null}>
      <Lazy {...(props as ComponentProps<typeof Lazy>)} />
    </Suspense>
  )
}

export const ErrorNotice = deferred(() => loadErrorNotice().then((module) => module.ErrorNotice))
export const UnreadableEntries = deferred(() =>
  loadUnreadableEntries().then((module) => module.UnreadableEntries),
)
const loadBulkSummary = () => import('./BulkSummary')
const loadExport = () => import('./export-file')

export const ConfirmRemoval = lazy(() =>
  loadConfirmRemoval().then((module) => ({ default: module.ConfirmRemoval })),
)
export const BulkSummary = lazy(() => loadBulkSummary().then((module) => ({ default: module.BulkSummary })))
export const loadExportFile = () => loadExport().then((module) => module.exportFile)

/** Fetches the chunks above, and the rest of the dictionary, ahead of use; once the commands are visible. */
export function prefetchInteractions(language: Language): void {
  void Promise.all([
    loadConfirmRemoval(),
    loadBulkSummary(),
    loadExport(),
    loadErrorNotice(),
    loadUnreadableEntries(),
    loadMoreMessages(language),
  ]).catch(() => undefined)
}
