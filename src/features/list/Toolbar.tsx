import { useId } from 'react'
import { useI18n } from '../../i18n'
import type { Bot } from '../../imbot'

/** Shown in the bot picker: every bot. */
export const allBots = 'all'

interface ToolbarProps {
  totalCommands: number
  bots: readonly Bot[]
  search: string
  onSearch: (search: string) => void
  /** The picked bot's id (as text) or {@link allBots}; null when there are too few bots for a picker. */
  pickedBot: string | null
  onPickBot: (bot: string) => void
}

/** The page's heading (how many commands in how many bots), the search, and the bot picker. */
export function Toolbar({ totalCommands, bots, search, onSearch, pickedBot, onPickBot }: ToolbarProps) {
  const { t } = useI18n()
  const searchId = useId()
  const pickerId = useId()
  return (
    <div className="toolbar">
      <h1 className="page__heading">
        {t('page.summary', { count: totalCommands, bots: t('page.bots', { count: bots.length }) })}
      </h1>
      <div className="toolbar__controls">
        <label className="field" htmlFor={searchId}>
          <span className="field__label">{t('page.search.label')}</span>
          <input
            id={searchId}
            className="input"
            type="search"
            value={search}
            placeholder={t('page.search.placeholder')}
            onChange={(event) => onSearch(event.target.value)}
          />
        </label>
        {pickedBot !== null && (
          <label className="field" htmlFor={pickerId}>
            <span className="field__label">{t('page.botFilter')}</span>
            <select
              id={pickerId}
              className="input"
              value={pickedBot}
              onChange={(event) => onPickBot(event.target.value)}
            >
              <option value={allBots}>{t('page.botFilter.all')}</option>
              {bots.map((bot) => (
                <option key={bot.id} value={String(bot.id)}>
                  {bot.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  )
}
