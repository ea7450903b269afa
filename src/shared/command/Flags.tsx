import { type CoreTranslate, useI18n } from '../../i18n'
import type { Command } from '../../imbot'
import { commandFlags, flagLabel } from './fields'

/** The flag labels a command carries, in the user's language (also what search matches). */
export function flagLabels(command: Command, t: CoreTranslate): string[] {
  return commandFlags.filter((flag) => command[flag]).map((flag) => t(flagLabel[flag]))
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
