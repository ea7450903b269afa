import { useMutationState, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useRef } from 'react'
import { MoreMessages, useMoreI18n } from '../../../i18n'
// The notice itself, not the lazy ErrorNotice: it takes the focus in the render that shows it, so it cannot wait
// for a chunk; edit's chunk brings it along.
import { ErrorNoticeView } from '../../../shared/feedback/on-demand/ErrorNoticeView'
import { commandKeys } from '../../../shared/queries/keys'
import { focusIsLost } from '../../../ui'
import { type EditMutation, stateOf } from '../failure'
import { forgetEdits } from './mutation'
import { unsavedWords } from './words'

interface RowOutcomeProps {
  /** The latest edit of the row's command, refused or not wholly saved. */
  state: EditMutation['state']
  /** Opens the form again, with what was typed. */
  onEdit: () => void
  onRefresh: () => void
}

/**
 * How edits ended, once the form is closed: on a row, why its latest edit was refused or what Bitrix24 did not
 * save of it (`state`); in a bot's section, the edits that found their command gone (`botId`). One component for
 * both, so the page names one on-demand piece.
 */
export function EditOutcome(props: RowOutcomeProps | { botId: number }) {
  return 'botId' in props ? (
    <EditsGone botId={props.botId} />
  ) : (
    <MoreMessages>
      <RowOutcome {...props} />
    </MoreMessages>
  )
}

function RowOutcome({ state, onEdit, onRefresh }: RowOutcomeProps) {
  const { t, language: interfaceLanguage } = useMoreI18n()
  const queryClient = useQueryClient()
  const commandId = state.variables?.before.id
  const dismiss = () => forgetEdits(queryClient, (other) => other.variables?.before.id !== commandId)
  const editAgain = (
    <button type="button" className="button button--small" onClick={onEdit}>
      {t('edit.editAgain')}
    </button>
  )
  if (state.error) {
    return (
      <>
        <ErrorNoticeView
          error={state.error}
          lead="edit.failedLead"
          takeFocus
          onDismiss={dismiss}
          onRefresh={onRefresh}
        />
        {editAgain}
      </>
    )
  }
  const unsaved = state.data?.unsaved ?? []
  return (
    <Notice onDismiss={dismiss} action={editAgain}>
      {t('edit.unsavedLead', { command: state.variables?.after.command ?? '' })}{' '}
      {unsaved.map((item) => unsavedWords(item, t, interfaceLanguage)).join(' ')}
    </Notice>
  )
}

/**
 * In a bot's section (of an admin, who can edit): the edits that found their command gone, removed elsewhere
 * meanwhile, were not saved, and why. No row is left to say it. Nothing when there are none.
 */
function EditsGone({ botId }: { botId: number }) {
  const commands = useMutationState({
    filters: {
      mutationKey: commandKeys.edits(),
      predicate: (mutation) =>
        stateOf(mutation).data?.gone === true && stateOf(mutation).variables?.before.botId === botId,
    },
    select: (mutation) => stateOf(mutation).variables?.before.command ?? '',
  })
  if (commands.length === 0) return null
  return (
    <MoreMessages>
      <GoneNotice botId={botId} commands={commands} />
    </MoreMessages>
  )
}

function GoneNotice({ botId, commands }: { botId: number; commands: readonly string[] }) {
  const { t } = useMoreI18n()
  const queryClient = useQueryClient()
  const dismiss = () =>
    forgetEdits(queryClient, (other) => other.data?.gone !== true || other.variables?.before.botId !== botId)
  return (
    <Notice onDismiss={dismiss}>
      {[...new Set(commands)].map((command) => t('edit.gone', { command })).join(' ')}
    </Notice>
  )
}

/** An error notice of the app's own words, announced, that takes the focus if the control used is gone. */
function Notice({
  children,
  action,
  onDismiss,
}: {
  children: ReactNode
  action?: ReactNode
  onDismiss: () => void
}) {
  const { t } = useMoreI18n()
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusIsLost()) root.current?.focus()
  }, [])
  return (
    <div ref={root} className="notice notice--error" role="alert" tabIndex={-1}>
      <p className="notice__message">{children}</p>
      <div className="notice__actions">
        {action}
        <button type="button" className="button button--link button--small" onClick={onDismiss}>
          {t('action.dismiss')}
        </button>
      </div>
    </div>
  )
}
