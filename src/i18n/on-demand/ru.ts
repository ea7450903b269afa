import type { Message } from '../types'
import type { CoreMessageKey } from './en'

export const ru: Record<CoreMessageKey, Message> = {
  'app.title': 'Команды ботов',
  'app.connecting': 'Подключение к Битрикс24…',

  'action.retry': 'Повторить',

  'page.search.label': 'Поиск команд',
  'page.search.placeholder': 'Команда, название, параметры, категория…',
  'page.summary': {
    one: '{count} команда, {bots}',
    few: '{count} команды, {bots}',
    many: '{count} команд, {bots}',
    other: '{count} команды, {bots}',
  },
  'page.bots': { one: '{count} бот', few: '{count} бота', many: '{count} ботов', other: '{count} бота' },
  'page.loading': 'Загрузка команд…',
  'page.botFilter': 'Бот',
  'page.botFilter.all': 'Все боты',

  'bot.commandCount': {
    one: '{count} команда',
    few: '{count} команды',
    many: '{count} команд',
    other: '{count} команды',
  },
  'bot.loading': 'Загрузка команд бота…',

  'table.caption': 'Команды бота {bot}',
  'table.select': 'Выбор',
  'table.command': 'Команда',
  'table.title': 'Название',
  'table.params': 'Параметры',
  'table.flags': 'Флаги',
  'table.category': 'Категория',
  'table.actions': 'Действия',
  'table.sortBy': 'Сортировать по команде',

  'flag.common': 'Во всех чатах',
  'flag.hidden': 'Скрытая',
  'flag.extranet': 'Экстранет',
  'flag.none': '—',

  'row.edit': 'Изменить',
  'row.editLabel': 'Изменить {command}',
  'row.remove': 'Удалить',
  'row.removeLabel': 'Удалить {command}',
  'row.select': 'Выбрать {command}',
  'row.noTitle': 'Без названия',

  'bulk.selectAll': 'Выбрать все показанные команды',
  'export.all': 'Экспорт в JSON',
}
