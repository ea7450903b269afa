export {
  batchLimit,
  listBots,
  listCommands,
  listsWithBots,
  maxBotPages,
  NotSent,
  startListingBots,
} from './api'
export { slowDownCodes, tooOldCode } from './error-codes'
export type { Bot, BotListing, Command, CommandListing } from './types'
