// Answers of imbot.v2.Command.list and imbot.v2.Bot.list as Bitrix24 sends them, written from the tables of
// shared/reference/live-portal.md (live portals) and shared/reference/bitrix24.md §3 (the docs).

/** The six built-in commands live portals put before a bot's own (ids "def0"…, botId 0). */
export const liveBuiltIns = ['/me', '/loud', '/>>', '/rename', '/getDialogId', '/webrtcDebug'].map(
  (command, index) => ({
    id: `def${index}`,
    botId: 0,
    command,
    title: '',
    params: '',
    common: 'Y',
    extranet: 'Y',
    category: 'Chat',
    context: 'textarea',
  }),
)

/** A live portal's Command.list for bot 7: built-ins first, flags "Y"/"N", `extranet`, no `hidden`. */
export const liveCommandList = {
  commands: [
    ...liveBuiltIns,
    {
      id: 42,
      botId: 7,
      command: '/help',
      title: 'Help',
      params: 'topic',
      common: 'Y',
      extranet: 'N',
      category: 'Helpdesk Bot',
      context: '',
    },
    // Builds before 2026-04-08 send an empty title.
    {
      id: '43',
      botId: '7',
      command: '/report',
      title: '',
      params: '',
      common: 'N',
      extranet: 'Y',
      category: 'Helpdesk Bot',
      context: '',
    },
  ],
}

/** The docs' Command.list for bot 7: booleans, `extranetSupport`, `hidden`. */
export const docsCommandList = {
  commands: [
    {
      id: 42,
      botId: 7,
      command: '/help',
      title: 'Help',
      params: 'topic',
      common: true,
      hidden: false,
      extranetSupport: false,
      category: 'Helpdesk Bot',
      context: '',
    },
    {
      id: 43,
      botId: 7,
      command: '/report',
      title: '',
      params: '',
      common: false,
      hidden: true,
      extranetSupport: true,
      category: 'Helpdesk Bot',
      context: '',
    },
  ],
}

/** A live portal's Bot.list page (older builds also sent `appId`, a secret for webhook bots). */
export const liveBotPage = {
  bots: [
    {
      id: 7,
      code: 'helpdesk',
      type: 'bot',
      isHidden: 'N',
      countCommand: '2',
      language: 'DE',
      appId: 'customS3CR3T-T0K3N',
    },
    { id: 8, code: 'sales', type: 'bot', isHidden: 'Y', countCommand: 0 },
  ],
  users: [
    { id: 7, name: 'Helpdesk Bot', active: true, bot: true, type: 'bot' },
    { id: 8, name: 'Sales Assistant', active: true, bot: true, type: 'bot' },
  ],
  hasNextPage: false,
}
