import { portalLanguageOf } from '../settings.ts'
import { schemaFor } from '../spec.ts'
import type { AnswerShape, SandboxBot } from '../types.ts'
import { isPlainObject } from '../validate.ts'
import type { MethodContext, MethodDefinition } from './context.ts'

const PAGE_SIZE = 50

function botsOfApp(context: MethodContext): SandboxBot[] {
  return context.state.listBots().filter((bot) => bot.appId === context.appId)
}

interface Page {
  offset: number
  limit: number
  /** Bots on this page. */
  count: number
  /** Bots on every page. */
  total: number
}

/**
 * Whether another page follows. The docs mean "more bots exist"; a live portal (imbot/lib/V2/Controller/Bot.php)
 * only checks that this page is full, so a client that trusts it may fetch one empty page more.
 */
const HAS_NEXT_PAGE: Record<AnswerShape, (page: Page) => boolean> = {
  docs: ({ offset, limit, total }) => offset + limit < total,
  live: ({ count, limit }) => count === limit,
}

/**
 * imbot.v2.Bot.list: the caller's bots (this application's, or a webhook token's), a page at a time; a token that
 * owns none gets an empty list. Never `appId` (a secret for webhook bots).
 */
export const botListV2: MethodDefinition = {
  name: 'imbot.v2.Bot.list',
  schema: schemaFor('imbot.v2.Bot.list'),
  listKey: 'bots',
  webhookToken: 'botToken',
  run(params, context) {
    const filter = isPlainObject(params.filter) ? params.filter : {}
    const type = typeof filter.type === 'string' && filter.type !== '' ? filter.type : undefined
    const limitParam = typeof params.limit === 'number' ? params.limit : PAGE_SIZE
    const limit = limitParam >= 1 ? Math.min(limitParam, PAGE_SIZE) : PAGE_SIZE
    const offset = typeof params.offset === 'number' && params.offset > 0 ? params.offset : 0
    const all = botsOfApp(context).filter((bot) => type === undefined || bot.type === type)
    const page = all.slice(offset, offset + limit)
    return {
      bots: page.map((bot) => ({
        id: bot.id,
        code: bot.code,
        type: bot.type,
        isHidden: bot.isHidden,
        isSupportOpenline: bot.isSupportOpenline,
        isReactionsEnabled: true,
        backgroundId: null,
        // Im\Bot::getDefaultLanguage: the default site's language, not the user's (LANG).
        language: portalLanguageOf(context.settings),
        moduleId: 'rest',
        eventMode: bot.eventMode,
        countMessage: bot.countMessage,
        countCommand: context.state.commandsOf(bot.id).length,
        countChat: bot.countChat,
        countUser: bot.countUser,
      })),
      // Bots are users in Bitrix24: their names live on the user records.
      users: page.map((bot) => ({ id: bot.id, active: true, name: bot.name, bot: true, type: 'bot' })),
      hasNextPage: HAS_NEXT_PAGE[context.settings.answerShape]({
        offset,
        limit,
        count: page.length,
        total: all.length,
      }),
    }
  },
}

/**
 * imbot.bot.list (v1): an object keyed by bot id; PHP encodes an empty one as []. The caller's bots only (a live
 * portal lists every bot): the app never sees a webhook's bots, nor a webhook the app's.
 */
export const botListV1: MethodDefinition = {
  name: 'imbot.bot.list',
  webhookToken: 'CLIENT_ID optional',
  run(_params, context) {
    const bots = botsOfApp(context)
    if (bots.length === 0) return []
    const result: Record<string, { ID: number; NAME: string; CODE: string; OPENLINE: 'Y' | 'N' }> = {}
    for (const bot of bots) {
      result[String(bot.id)] = {
        ID: bot.id,
        NAME: bot.name,
        CODE: bot.code,
        OPENLINE: bot.isSupportOpenline ? 'Y' : 'N',
      }
    }
    return result
  },
}
