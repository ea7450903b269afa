import { type CoreTranslate, useI18n } from '../i18n'
import type { Command } from '../imbot'

/** The flag labels a command carries, in the user's language (also what search matches). */
export function flagLabels(command: Command, t: CoreTranslate): string[] {
  const labels: string[] = []
  if (command.common) labels.push(t('flag.common'))
  if (command.hidden) labels.push(t('flag.hidden'))
  if (command.extranetSupport) labels.push(t('flag.extranet'))
  return labels
}

export function Flags({ command }: { command: Command }) {
  const { t } = useI18n()
  const labels = flagLabels(command, t)
  if (labels.length === 0) return <span className="muted">{t('flag.none')}</span>
  return (
    <ul className="flags">
      {labels.map((label) => (
        <li key={label} className="flag">
          {label}
        </li>
      ))}
    </ul>
  )
}
