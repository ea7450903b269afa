import { useId } from 'react'
import { useI18n } from '../../../i18n'
import type { Bot } from '../../../imbot'
import { allBots } from '../use-commands-view'

interface BotPickerProps {
  bots: readonly Bot[]
  /** The picked bot's id (as text), or {@link allBots}. */
  pickedBot: string
  onPickBot: (bot: string) => void
}

/** On a page of many bots, one bot's commands at a time, or all of them. */
export function BotPicker({ bots, pickedBot, onPickBot }: BotPickerProps) {
  const { t } = useI18n()
  const id = useId()
  return (
    <label className="field" htmlFor={id}>
      <span className="field__label">{t('page.botFilter')}</span>
      <select id={id} className="input" value={pickedBot} onChange={(event) => onPickBot(event.target.value)}>
        <option value={allBots}>{t('page.botFilter.all')}</option>
        {bots.map((bot) => (
          <option key={bot.id} value={String(bot.id)}>
            {bot.name}
          </option>
        ))}
      </select>
    </label>
  )
}
