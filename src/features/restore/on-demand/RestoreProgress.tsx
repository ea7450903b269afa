import { type Ref, useEffect, useState } from 'react'
import { type MessageKey, useMoreI18n } from '../../../i18n'
import { StillWaiting } from '../../../shared/feedback/StillWaiting'
import type { RestoreRun } from './mutations'
import type { RestorePhase } from './restore-commands'
import { formatDuration, isLongRun, timeLeftMs } from './time'

/** What stopping means while the restore does each thing (see RestoreStop). */
const stopNote: Record<RestorePhase, MessageKey> = {
  reading: 'restore.waitingNote.reading',
  sending: 'restore.waitingNote.sending',
  checking: 'restore.waitingNote.checking',
}

/**
 * A restore under way: what it does (k of N), the time gone by and, for a long run, about how long it still needs;
 * after ten seconds without an answer, that it is still waiting, with Stop waiting; once stopped, what stopping does.
 * Only this part re-renders with each answer and each second (the preview above it stays as it is).
 */
export function RestoreProgress({
  run,
  onStop,
  ref,
}: {
  run: RestoreRun
  onStop: () => void
  ref?: Ref<HTMLDivElement>
}) {
  const { t, language } = useMoreI18n()
  const now = useSecondTick()
  const elapsedMs = Math.max(0, now - run.startedAt)
  const sending = run.phase === 'sending'
  const left =
    sending && !run.stopping && isLongRun(run.total) && run.done > 0
      ? timeLeftMs({
          elapsedMs,
          requestsDone: run.answers,
          lastAnswerMs: run.lastAnswerAt - run.startedAt,
          commandsLeft: run.total - run.done,
        })
      : null
  const status =
    run.phase === 'reading'
      ? t('restore.reading')
      : run.phase === 'checking'
        ? t('restore.checking')
        : t('restore.progress', { done: run.done, total: run.total })
  // A request that sends commands is never given up (what it carries may be saved): once stopped, the app waits for it.
  const canStopWaiting = !run.slowDown && !(run.stopping && sending)
  return (
    <div ref={ref} className="bulk__progress restore__progress" tabIndex={-1}>
      <label>
        <span role="status">{status}</span>
        <progress max={run.total} value={run.done} />
      </label>
      {/* Outside the live region: read when asked for, not announced every second. */}
      <p className="restore__time">
        {t('restore.elapsed', { time: formatDuration(elapsedMs, language) })}
        {left !== null && ` · ${t('restore.timeLeft', { time: formatDuration(left, language, 'estimate') })}`}
      </p>
      {run.slowDown && <p>{t('restore.waiting')}</p>}
      {run.stopping && <p role="status">{t('restore.stopping')}</p>}
      {/* Timed from the last answer: each request gets its own ten seconds. */}
      <StillWaiting key={run.answers} waiting={canStopWaiting} note={stopNote[run.phase]} onStop={onStop} />
    </div>
  )
}

/** Date.now(), once a second. */
function useSecondTick(): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}
