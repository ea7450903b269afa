import type {
  SandboxBot,
  SandboxCommand,
  SandboxCommandSnapshot,
  SandboxOwner,
  SandboxStateSnapshot,
} from './types.ts'

/** Client id of the application the sandbox pretends to have installed (the Bot Commands app). */
export const APP_ID = 'local.botcommands.app'

/** Bitrix24 keys what a webhook registers by `"custom" + bot token` (v1's CLIENT_ID, v2's botToken). */
const WEBHOOK_OWNER_PREFIX = 'custom'

/** The owner key of bots and commands registered through a webhook with this bot token. */
export function webhookOwnerKey(token: string): string {
  return `${WEBHOOK_OWNER_PREFIX}${token}`
}

/** Application client ids are "local.…" or "app.…": only webhook owner keys start with "custom". */
export function ownerOf(ownerKey: string): SandboxOwner {
  return ownerKey.startsWith(WEBHOOK_OWNER_PREFIX) ? 'webhook' : 'app'
}

/** An owner key fit to show: a webhook's bot token is a secret. */
function shownOwnerKey(ownerKey: string): string {
  return ownerOf(ownerKey) === 'webhook' ? `${WEBHOOK_OWNER_PREFIX}•••` : ownerKey
}

export type NewBot = Omit<SandboxBot, 'id'>
export type NewCommand = Omit<SandboxCommand, 'id'>

/** The portal's bots and commands, in memory. Ids only grow, as database ids do. */
export class PortalState {
  private readonly bots = new Map<number, SandboxBot>()
  private readonly commands = new Map<number, SandboxCommand>()
  private nextBotId = 1
  private nextCommandId = 1

  addBot(bot: NewBot, id?: number): SandboxBot {
    const botId = id ?? this.nextBotId
    this.nextBotId = Math.max(this.nextBotId, botId + 1)
    const stored = { ...bot, id: botId }
    this.bots.set(botId, stored)
    return stored
  }

  addCommand(command: NewCommand, id?: number): SandboxCommand {
    const commandId = id ?? this.nextCommandId
    this.nextCommandId = Math.max(this.nextCommandId, commandId + 1)
    const stored = { ...command, id: commandId }
    this.commands.set(commandId, stored)
    return stored
  }

  getBot(id: number): SandboxBot | undefined {
    return this.bots.get(id)
  }

  getCommand(id: number): SandboxCommand | undefined {
    return this.commands.get(id)
  }

  /**
   * Replaces a command's language rows (test setup, as if the database held them): a row per language of `titles`,
   * in order, its hint from `params` or ''. undefined when there is no such command.
   */
  setTexts(
    id: number,
    titles: Record<string, string>,
    params: Record<string, string>,
  ): SandboxCommand | undefined {
    const command = this.commands.get(id)
    if (!command) return undefined
    command.titles = { ...titles }
    command.params = Object.fromEntries(
      Object.keys(titles).map((language) => [language, params[language] ?? '']),
    )
    return command
  }

  removeCommand(id: number): boolean {
    return this.commands.delete(id)
  }

  /** Bots in id order. */
  listBots(): SandboxBot[] {
    return [...this.bots.values()].sort((a, b) => a.id - b.id)
  }

  /** Commands of one bot in id order (registration order). */
  commandsOf(botId: number): SandboxCommand[] {
    return [...this.commands.values()]
      .filter((command) => command.botId === botId)
      .sort((a, b) => a.id - b.id)
  }

  /** Removes every bot and command, keeping the id counters (ids are never reused). */
  clear(): void {
    this.bots.clear()
    this.commands.clear()
  }

  /** Every bot and command, each with its owner ('app' or 'webhook'); never a webhook's bot token. */
  snapshot(): Omit<SandboxStateSnapshot, 'installFinishCalls'> {
    return {
      bots: this.listBots().map((bot) => ({
        ...bot,
        appId: shownOwnerKey(bot.appId),
        owner: ownerOf(bot.appId),
      })),
      commands: [...this.commands.values()].sort((a, b) => a.id - b.id).map(commandSnapshot),
    }
  }
}

/** A command as getState() shows it: every language row's title and hint, its owner, never a bot token. */
export function commandSnapshot(command: SandboxCommand): SandboxCommandSnapshot {
  return {
    ...command,
    appId: shownOwnerKey(command.appId),
    owner: ownerOf(command.appId),
    titles: { ...command.titles },
    params: { ...command.params },
  }
}
