export {
  batchLimit,
  listBots,
  listCommands,
  maxBotPages,
  NotSent,
} from './api'
export {
  describeError,
  type ErrorEntry,
  type ErrorKind,
  errorCatalogue,
  operatingLimitWindowMs,
  type Recovery,
  unknownErrorEntry,
} from './error-catalogue'
export type { Bot, BotListing, Command, CommandListing } from './types'
