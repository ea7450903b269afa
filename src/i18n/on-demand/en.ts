import { enShell } from '../en-shell'
import type { Dictionary } from '../types'

/**
 * The source dictionary, part one: what the page needs to show the commands. `{name}` marks a value filled in
 * at run time. Part two (errors, rarer pages, summaries) is en-more.ts, loaded when first needed.
 */
export const en = {
  ...enShell,
  'app.title': 'Bot commands',

  'action.retry': 'Try again',

  'page.search.label': 'Search commands',
  'page.search.placeholder': 'Command, title, parameters, category…',
  'page.summary': { one: '{count} command in {bots}', other: '{count} commands in {bots}' },
  'page.bots': { one: '{count} bot', other: '{count} bots' },
  'page.loading': 'Loading commands…',
  'page.botFilter': 'Bot',
  'page.botFilter.all': 'All bots',

  'bot.commandCount': { one: '{count} command', other: '{count} commands' },
  'bot.loading': 'Loading the commands of this bot…',

  'table.caption': 'Commands of {bot}',
  'table.select': 'Select',
  'table.command': 'Command',
  'table.title': 'Title',
  'table.params': 'Parameters',
  'table.flags': 'Flags',
  'table.category': 'Category',
  'table.actions': 'Actions',
  'table.sortBy': 'Sort by command',

  'flag.common': 'All chats',
  'flag.hidden': 'Hidden',
  'flag.extranet': 'Extranet',
  'flag.none': '—',

  'row.edit': 'Edit',
  'row.editLabel': 'Edit {command}',
  'row.remove': 'Remove',
  'row.removeLabel': 'Remove {command}',
  'row.select': 'Select {command}',
  'row.noTitle': 'No title',

  'bulk.selectAll': 'Select all shown commands',
  'export.all': 'Export JSON',
} as const satisfies Dictionary

export type CoreMessageKey = keyof typeof en
