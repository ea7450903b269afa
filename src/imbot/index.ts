export {
  batchLimit,
  listBots,
  listCommands,
  listsWithBots,
  maxBotPages,
  NotSent,
} from './api'
export { slowDownCodes, tooOldCode } from './error-codes'
export type { Bot, BotListing, Command, CommandListing } from './types'
