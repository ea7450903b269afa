export { batchLimit, listBots, listCommands, removeCommand, removeCommands } from './api'
export {
  describeError,
  type ErrorEntry,
  type ErrorKind,
  errorCatalogue,
  operatingLimitWindowMs,
  type Recovery,
  unknownErrorEntry,
} from './error-catalogue'
export type { Bot, Command } from './types'
export { isGone, type RemovalOutcome, removeCommandChecked } from './removal'
