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
export {
  type RemovalOutcome,
  type RemovalResult,
  removeCommandChecked,
  removeCommandsChecked,
} from './removal'
export type { Bot, Command } from './types'
