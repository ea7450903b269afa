import { type ComponentProps, type ComponentType, Suspense } from 'react'
import { type Language, loadMoreMessages } from '../i18n'
import { lazyComponent, loadToastItem } from '../ui'
import { loadRemoveCommands } from './removal/mutation'

// What appears only after the user acts (the confirmation, the summary of a removal of many, the export), when
// something went wrong (an error, entries that could not be read) or on a portal too old to list commands is not
// needed to show the commands: it comes in chunks of its own, fetched as soon as the commands are on screen, so
// the first download stays small and a click never waits.
const loadConfirmRemoval = () => import('./removal/ConfirmRemoval')
const loadRemovalSummary = () => import('./removal/RemovalSummary')
const loadLegacyRemoval = () => import('./removal/LegacyRemoval')
const loadErrorNotice = () => import('./ErrorNotice')
const loadUnreadableEntries = () => import('./UnreadableEntries')
const loadExport = () => import('./export-file')
const loadEditCommand = () => import('./edit/EditCommand')
const loadRestore = () => import('./restore/RestoreFromFile')

/** A component from a chunk of its own, shown (inside its own Suspense) once the chunk is here. */
function deferred<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  const Lazy = lazyComponent(load)
  return (props: Props) => (
    <Suspense fallback={null}>
      <Lazy {...(props as ComponentProps<typeof Lazy>)} />
    </Suspense>
  )
}

export const ConfirmRemoval = deferred(() => loadConfirmRemoval().then((module) => module.ConfirmRemoval))
export const RemovalSummary = deferred(() => loadRemovalSummary().then((module) => module.RemovalSummary))
export const LegacyRemoval = deferred(() => loadLegacyRemoval().then((module) => module.LegacyRemoval))
export const ErrorNotice = deferred(() => loadErrorNotice().then((module) => module.ErrorNotice))
export const UnreadableEntries = deferred(() =>
  loadUnreadableEntries().then((module) => module.UnreadableEntries),
)
export const EditCommand = deferred(() => loadEditCommand().then((module) => module.EditCommand))
export const EditOutcome = deferred(() => loadEditCommand().then((module) => module.EditOutcome))
export const RestoreFromFile = deferred(() => loadRestore().then((module) => module.RestoreFromFile))
export const loadExportFile = () => loadExport().then((module) => module.exportFile)

/** Fetches what a click may need next, and the rest of the dictionary, ahead of use: once the commands show. */
export function prefetchInteractions(language: Language): void {
  void Promise.all([
    loadConfirmRemoval(),
    loadRemovalSummary(),
    loadExport(),
    loadRemoveCommands(),
    loadErrorNotice(),
    loadUnreadableEntries(),
    loadToastItem(),
    loadMoreMessages(language),
  ]).catch(() => undefined)
}
