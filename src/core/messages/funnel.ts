// Names of the funnel metrics (Totals and Results headers), the daily activity, and ranking marks.

import type { MessageTable } from './types';

export const funnelMessages = {
  'funnel.listSize': { ru: 'Клиентов в списке', en: 'List size' },
  'funnel.called': { ru: 'Позвонили', en: 'Called' },
  'funnel.notYetCalled': { ru: 'Ещё не звонили', en: 'Not yet called' },
  'funnel.noAnswer': { ru: 'Недозвон', en: 'No answer' },
  'funnel.reached': { ru: 'Дозвонились', en: 'Reached' },
  'funnel.agreed': { ru: 'Согласны', en: 'Agreed' },
  'funnel.offers': { ru: 'КП отправлено', en: 'Offers sent' },
  'funnel.invoices': { ru: 'Счетов выставлено', en: 'Invoices' },
  'funnel.paid': { ru: 'Оплачено', en: 'Paid' },
  'funnel.venueTold': { ru: 'Место сообщено', en: 'Venue told' },
  'funnel.attended': { ru: 'Были на семинаре', en: 'Attended' },
  'funnel.liked': { ru: 'Понравилось', en: 'Liked' },
  'funnel.disliked': { ru: 'Не понравилось', en: 'Disliked' },
  'funnel.refused': { ru: 'Отказ', en: 'Refused' },
  'funnel.doNotCall': { ru: 'Черный список', en: 'Do not call' },
  'funnel.wrongNumber': { ru: 'Неверный номер', en: 'Wrong number' },
  'funnel.conversion': { ru: 'Конверсия', en: 'Conversion' },
  'funnel.team': { ru: 'Команда', en: 'Team' },

  'daily.calls': { ru: 'Звонки', en: 'Calls' },
  'daily.invoices': { ru: 'Счета', en: 'Invoices' },
  'daily.payments': { ru: 'Оплаты', en: 'Payments' },

  'ranking.best': { ru: 'лучший результат', en: 'best result' },
  'ranking.worst': { ru: 'худший результат', en: 'worst result' },
} as const satisfies MessageTable;
