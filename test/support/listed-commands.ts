import type { Command } from '../../src/imbot'

/** /help of the sandbox's Helpdesk Bot as a live portal lists it: `hidden` is not listed (null). */
export const listedHelp: Command = {
  id: 5,
  botId: 1,
  command: '/help',
  title: 'Show help',
  params: '[topic]',
  common: true,
  hidden: null,
  extranetSupport: false,
  category: 'Helpdesk Bot',
  context: '',
}
