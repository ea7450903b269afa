/** A chat bot of this application, as imbot.v2.Bot.list describes it (name from `users`). */
export interface Bot {
  id: number
  code: string
  name: string
  type: string
  isHidden: boolean
  countCommand: number
  /**
   * The portal's default language as Bot.list reports it (Im\Bot::getDefaultLanguage), lower-cased; null when the
   * answer leaves it out. Command.list answers titles in this language on REST calls (see titleLanguage).
   */
  language: string | null
}

/**
 * A slash command of one bot, as imbot.v2.Command.list returns it (title and params in the portal's language).
 * A flag is `null` where the answer does not say (live portals leave `hidden` out): the app claims neither.
 */
export interface Command {
  id: number
  botId: number
  /** As the list shows it: a slash, then the stored trigger (which may begin with a slash of its own). */
  command: string
  title: string
  params: string
  common: boolean | null
  hidden: boolean | null
  extranetSupport: boolean | null
  category: string
  context: string
}

/** What could be read of a list: its entries, and the raw entries that could not be read (owner keys dropped). */
export interface Listing<T> {
  items: T[]
  unreadable: unknown[]
}

/** One bot's commands: the readable ones, and the entries of its answer that could not be shown. */
export type CommandListing = Listing<Command>

/** The application's bots, and whether paging was cut short (a portal that kept offering more pages). */
export interface BotListing extends Listing<Bot> {
  truncated: boolean
}
