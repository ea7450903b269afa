// The few error codes the page acts on before any error is shown. They live here, small, so that the error
// catalogue (error-catalogue.ts, with every code's kind and recovery) comes in a chunk of its own, with the
// notices that show errors.

/** Bitrix24 asking to slow down: worth waiting for and trying again (the catalogue's `retriesItself`). */
export const slowDownCodes: ReadonlySet<string> = new Set(['QUERY_LIMIT_EXCEEDED'])

/** A portal too old for imbot.v2, which cannot list commands: removal by id (the catalogue's `remove-by-id`). */
export const tooOldCode = 'ERROR_METHOD_NOT_FOUND'
