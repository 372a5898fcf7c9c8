// Next actions shown in the manager sheets, weekday names, and cadence settings errors.

import type { MessageTable } from './types';

export const cadenceMessages = {
  'action.OFFER_SEMINAR': { ru: 'Предложить семинар', en: 'Offer the seminar' },
  'action.SEND_OFFER': {
    ru: 'Отправить КП, затем предложить счёт',
    en: 'Send the offer (KP), then offer an invoice',
  },
  'action.OFFER_INVOICE': { ru: 'Предложить счёт', en: 'Offer an invoice' },
  'action.ASK_PAYMENT': { ru: 'Узнать об оплате', en: 'Ask about payment' },
  'action.TELL_VENUE': { ru: 'Сообщить место', en: 'Tell the venue' },
  'action.ASK_FEEDBACK': { ru: 'Спросить, понравился ли семинар', en: 'Ask whether they liked the seminar' },
  'action.DONE': { ru: 'Готово', en: 'Done' },
  'action.GAVE_UP': { ru: 'Недозвон: попытки исчерпаны', en: 'No answer: attempts used up' },

  'weekday.1': { ru: 'Пн', en: 'Mon' },
  'weekday.2': { ru: 'Вт', en: 'Tue' },
  'weekday.3': { ru: 'Ср', en: 'Wed' },
  'weekday.4': { ru: 'Чт', en: 'Thu' },
  'weekday.5': { ru: 'Пт', en: 'Fri' },
  'weekday.6': { ru: 'Сб', en: 'Sat' },
  'weekday.7': { ru: 'Вс', en: 'Sun' },

  'setting.workingWeekdays': { ru: 'Рабочие дни', en: 'Business days' },
  'setting.holidays': { ru: 'Праздники', en: 'Holidays' },
  'setting.offerToInvoiceDays': { ru: 'Дней от КП до счёта', en: 'Days from offer to invoice' },
  'setting.invoiceToPaymentDays': { ru: 'Дней от счёта до оплаты', en: 'Days from invoice to payment' },
  'setting.noAnswerRetryDays': { ru: 'Дней до повтора при недозвоне', en: 'Days before retrying no answer' },
  'setting.callBackDays': { ru: 'Дней до перезвона без даты', en: 'Days before a call back without a date' },
  'setting.venueWeekday': { ru: 'День сообщения места', en: 'Day to tell the venue' },
  'setting.feedbackWeekday': { ru: 'День отзыва после семинара', en: 'Feedback day after the seminar' },
  'setting.maxNoAnswerAttempts': { ru: 'Максимум недозвонов', en: 'Max no-answer attempts' },

  'cadence.callDateInPast': {
    ru: 'Дата звонка {date} уже прошла; назначен ближайший рабочий день.',
    en: 'The call date {date} is in the past; the next business day was set instead.',
  },
  'cadence.badDate': {
    ru: 'Не удалось прочитать дату «{value}». Введите дату как 31.12.2026.',
    en: 'Could not read the date “{value}”. Type a date such as 2026-12-31.',
  },
  'cadence.badSetting': {
    ru: 'Настройки: «{setting}» = «{value}» — ожидается {expected}.',
    en: 'Settings: “{setting}” = “{value}”, expected {expected}.',
  },
  'cadence.expected.wholeNumber': {
    ru: 'целое число от {min} до {max}',
    en: 'a whole number from {min} to {max}',
  },
  'cadence.expected.weekday': {
    ru: 'день недели (Пн…Вс или 1…7)',
    en: 'a weekday (Mon…Sun or 1…7)',
  },
  'cadence.expected.weekdays': {
    ru: 'дни недели через запятую, например «Пн, Вт, Ср, Чт, Пт» или «1-5»',
    en: 'weekdays separated by commas, e.g. “Mon, Tue, Wed, Thu, Fri” or “1-5”',
  },
  'cadence.expected.days': {
    ru: 'даты через запятую или с новой строки, например 31.12.2026',
    en: 'dates separated by commas or new lines, e.g. 2026-12-31',
  },
} as const satisfies MessageTable;
