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
  'card.doNotCallShow': { ru: 'Почему?', en: 'Why?' },
  'card.doNotCallSince': { ru: 'с {date}', en: 'since {date}' },
  'card.doNotCallBy': { ru: 'отметил(а) {by}', en: 'marked by {by}' },
  'card.timeline': { ru: 'Кампании', en: 'Campaigns' },
  'card.noEvents': {
    ru: 'В Истории пока нет событий по этому клиенту.',
    en: 'History has no events for this client yet.',
  },
  'card.calls': { ru: 'Звонки: {count}', en: 'Calls: {count}' },
  'card.week': { ru: 'неделя с {weekStart}', en: 'week of {weekStart}' },
  'card.summary.noResult': { ru: 'без результата', en: 'no outcome yet' },
  'card.summary.paid': { ru: 'оплачено', en: 'paid' },
  'card.summary.notPaid': { ru: 'не оплачено', en: 'not paid' },
  'card.summary.feedback': { ru: 'отзыв: {quality}', en: 'feedback: {quality}' },
  'card.summary.lastContact': { ru: 'контакт {date}', en: 'last contact {date}' },
  'card.change.stage': { ru: 'этап: {value}', en: 'stage: {value}' },
  'card.change.quality': { ru: 'отзыв: {value}', en: 'feedback: {value}' },
  'card.change.nextCall': { ru: 'следующий звонок {value}', en: 'next call {value}' },
  'card.change.comment': { ru: '«{value}»', en: '“{value}”' },
  'card.change.cleared': { ru: '{field}: {old} → —', en: '{field}: {old} → —' },
  'card.change.other': { ru: '{field}: {old} → {new}', en: '{field}: {old} → {new}' },
  'card.unknownCampaign': { ru: 'Вне кампании', en: 'Outside a campaign' },
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
