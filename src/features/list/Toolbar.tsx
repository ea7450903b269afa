import { useId } from 'react'
import { useI18n } from '../../i18n'
import type { Bot } from '../../imbot'
import { onDemand, onDemandModule, whenIdle } from '../../ui'

// The bot picker shows only on a page of many bots: a chunk of its own. It is fetched while the first request is
// on its way, so that on such a page it shows with the first commands: fetched once they show, it came a moment
// after them (and React reveals what suspended up to 300 ms later still), and the toolbar shifted under the user.
const loadBotPicker = onDemandModule(() => import('./on-demand/BotPicker'))
const BotPicker = onDemand(loadBotPicker, 'BotPicker')
whenIdle(() => void loadBotPicker().catch(() => undefined))

interface ToolbarProps {
  totalCommands: number
  bots: readonly Bot[]
  search: string
  onSearch: (search: string) => void
  /** The picked bot's id (as text) or `allBots` (use-commands-view.ts); null when there are too few bots for a picker. */
  pickedBot: string | null
  onPickBot: (bot: string) => void
}

/** The page's heading (how many commands in how many bots), the search, and the bot picker. */
export function Toolbar({ totalCommands, bots, search, onSearch, pickedBot, onPickBot }: ToolbarProps) {
  const { t } = useI18n()
  const searchId = useId()
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
        {pickedBot !== null && <BotPicker bots={bots} pickedBot={pickedBot} onPickBot={onPickBot} />}
      </div>
    </div>
  )
}
