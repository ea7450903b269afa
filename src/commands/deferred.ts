import { lazy } from 'react'
import { type Language, loadMoreMessages } from '../i18n'

// What appears only after the user acts (the confirmation, the summary of a removal of many, the export) is
// not needed to show the commands: it comes in chunks of its own, fetched as soon as the commands are on
// screen, so the first download stays small and a click never waits.
const loadConfirmRemoval = () => import('./ConfirmRemoval')
const loadBulkSummary = () => import('./BulkSummary')
const loadExport = () => import('./export-file')

export const ConfirmRemoval = lazy(() =>
  loadConfirmRemoval().then((module) => ({ default: module.ConfirmRemoval })),
)
export const BulkSummary = lazy(() => loadBulkSummary().then((module) => ({ default: module.BulkSummary })))
export const loadExportFile = () => loadExport().then((module) => module.exportFile)

/** Fetches the chunks above, and the rest of the dictionary, ahead of use; once the commands are visible. */
export function prefetchInteractions(language: Language): void {
  void Promise.all([loadConfirmRemoval(), loadBulkSummary(), loadExport(), loadMoreMessages(language)]).catch(
    () => undefined,
  )
}
