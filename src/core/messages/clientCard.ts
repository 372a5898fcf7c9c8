// Texts of the client card sidebar (the client's whole timeline across campaigns).

import type { MessageTable } from './types';

export const clientCardMessages = {
  'card.title': { ru: 'История клиента', en: 'Client history' },
  'card.search': {
    ru: 'ID клиента, телефон, адрес почты или организация',
    en: 'Client ID, phone, e-mail or organisation',
  },
  'card.find': { ru: 'Найти', en: 'Find' },
  'card.loading': { ru: 'Загружаю историю…', en: 'Loading the history…' },
  'card.hint': {
    ru: 'Выделите строку на листе «Клиенты» или «История» и откройте «История клиента» снова, или введите ID клиента (например, из таблицы недели), телефон, адрес почты или название организации.',
    en: 'Select a row on the Clients or History sheet and open “Client history” again, or type a client ID (e.g. from a weekly workbook), a phone, an e-mail or an organisation.',
  },
  'card.choose': { ru: 'Найдено несколько клиентов — выберите:', en: 'Several clients match — choose one:' },
  'card.contact': { ru: 'Контакт', en: 'Contact' },
  'card.phone': { ru: 'Телефон', en: 'Phone' },
  'card.email': { ru: 'Почта', en: 'E-mail' },
  'card.manager': { ru: 'Менеджер', en: 'Manager' },
  'card.doNotCall': { ru: 'Не звонить', en: 'Do not call' },
  'card.doNotCallYes': { ru: 'НЕ ЗВОНИТЬ: {reason}', en: 'DO NOT CALL: {reason}' },
  'card.doNotCallSince': { ru: 'с {date}, отметка пользователя {by}', en: 'since {date}, marked by {by}' },
  'card.mayCall': { ru: 'можно звонить', en: 'may be called' },
  'card.timeline': { ru: 'События', en: 'Events' },
  'card.noEvents': {
    ru: 'В Истории пока нет событий по этому клиенту.',
    en: 'History has no events for this client yet.',
  },
  'card.eventCount': { ru: 'событий: {count}', en: '{count} events' },
  'card.unknownCampaign': { ru: 'Вне кампании', en: 'Outside a campaign' },
  'card.campaignWeek': { ru: '{campaign} (неделя с {weekStart})', en: '{campaign} (week of {weekStart})' },
  'card.error.emptyQuery': {
    ru: 'Введите ID клиента, телефон, адрес почты или название организации.',
    en: 'Type a client ID, a phone, an e-mail or an organisation.',
  },
  'card.error.notFound': {
    ru: 'Клиент «{query}» не найден на листе «Клиенты».',
    en: 'No client “{query}” on the Clients sheet.',
  },
  'card.tooMany': {
    ru: 'Показаны первые {shown} из {total}; уточните запрос.',
    en: 'Showing the first {shown} of {total}; narrow the search.',
  },
} as const satisfies MessageTable;
