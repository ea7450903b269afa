import type { Message } from '../types'
import type { CoreMessageKey } from './en'

export const de: Record<CoreMessageKey, Message> = {
  'app.title': 'Bot-Befehle',
  'app.connecting': 'Verbindung zu Bitrix24 wird hergestellt…',

  'action.retry': 'Erneut versuchen',

  'page.search.label': 'Befehle durchsuchen',
  'page.search.placeholder': 'Befehl, Titel, Parameter, Kategorie…',
  'page.summary': { one: '{count} Befehl in {bots}', other: '{count} Befehle in {bots}' },
  'page.bots': { one: '{count} Bot', other: '{count} Bots' },
  'page.loading': 'Befehle werden geladen…',
  'page.botFilter': 'Bot',
  'page.botFilter.all': 'Alle Bots',

  'bot.commandCount': { one: '{count} Befehl', other: '{count} Befehle' },
  'bot.loading': 'Befehle dieses Bots werden geladen…',

  'table.caption': 'Befehle von {bot}',
  'table.select': 'Auswahl',
  'table.command': 'Befehl',
  'table.title': 'Titel',
  'table.params': 'Parameter',
  'table.flags': 'Merkmale',
  'table.category': 'Kategorie',
  'table.actions': 'Aktionen',
  'table.sortBy': 'Nach Befehl sortieren',

  'flag.common': 'Alle Chats',
  'flag.hidden': 'Versteckt',
  'flag.extranet': 'Extranet',
  'flag.none': '—',

  'row.edit': 'Bearbeiten',
  'row.editLabel': '{command} bearbeiten',
  'row.remove': 'Entfernen',
  'row.removeLabel': '{command} entfernen',
  'row.select': '{command} auswählen',
  'row.noTitle': 'Ohne Titel',

  'bulk.selectAll': 'Alle angezeigten Befehle auswählen',
  'export.all': 'Als JSON exportieren',
}
