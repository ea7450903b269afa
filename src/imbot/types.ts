/** A chat bot of this application, as imbot.v2.Bot.list describes it (name from `users`). */
export interface Bot {
  id: number
  code: string
  name: string
  type: string
  isHidden: boolean
  countCommand: number
}

/** A slash command, as imbot.v2.Command.list returns it (title and params in the portal's language). */
export interface Command {
  id: number
  botId: number
  command: string
  title: string
  params: string
  common: boolean
  hidden: boolean
  extranetSupport: boolean
  category: string
  context: string
}
