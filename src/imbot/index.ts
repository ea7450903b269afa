export { batchLimit, listBots, listCommands, maxBotPages, removeCommand, removeCommands } from './api'
export {
  describeError,
  type ErrorEntry,
  type ErrorKind,
  errorCatalogue,
  operatingLimitWindowMs,
  type Recovery,
  unknownErrorEntry,
} from './error-catalogue'
export {
  type RemovalOutcome,
  type RemovalResult,
  removeCommandChecked,
  removeCommandsChecked,
} from './removal'
export type { Bot, BotListing, Command, CommandListing } from './types'
