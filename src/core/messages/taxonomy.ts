// Default labels of the option lists (what the dropdowns show until Settings renames them),
// the names of the lists, and the errors of a malformed Settings option table.

import type { MessageTable } from './types';

export const taxonomyMessages = {
  'list.outcome': { ru: 'Результат звонка', en: 'Call outcome' },
  'list.stage': { ru: 'Этап', en: 'Stage' },
  'list.quality': { ru: 'Качество', en: 'Quality' },

  'outcome.NO_ANSWER': { ru: 'Недозвон', en: 'No answer' },
  'outcome.CALL_BACK': { ru: 'Перезвонить', en: 'Call back' },
  'outcome.AGREED': { ru: 'Согласен на семинар', en: 'Agreed' },
  'outcome.REFUSED': { ru: 'Отказался', en: 'Refused' },
  'outcome.CLIENT': { ru: 'Клиент', en: 'Client' },
  'outcome.DO_NOT_CALL': { ru: 'Черный список', en: 'Do not call' },
  'outcome.WRONG_NUMBER': { ru: 'Неверный номер', en: 'Wrong number' },

  'stage.OFFER_SENT': { ru: 'КП отправлено', en: 'Offer sent' },
  'stage.INVOICE_ISSUED': { ru: 'Счет выставлен', en: 'Invoice issued' },
  'stage.PAID': { ru: 'Счет оплачен', en: 'Paid' },
  'stage.VENUE_TOLD': { ru: 'Место сообщено', en: 'Venue told' },
  'stage.ATTENDED': { ru: 'Был на семинаре', en: 'Attended' },
  'stage.NO_SHOW': { ru: 'Не пришел', en: 'No-show' },
  'stage.DECLINED': { ru: 'Отказ', en: 'Declined' },

  'quality.LIKED': { ru: 'Понравилось', en: 'Liked' },
  'quality.DISLIKED': { ru: 'Не понравилось', en: 'Disliked' },

  'taxonomy.unknownList': {
    ru: 'Настройки, строка {row}: неизвестный список «{list}». Укажите «Результат звонка», «Этап» или «Качество».',
    en: 'Settings, row {row}: unknown list “{list}”. Use “Call outcome”, “Stage” or “Quality”.',
  },
  'taxonomy.missingCode': {
    ru: 'Настройки, строка {row}: не указан код варианта. Код — латиница, цифры и «_», например BUSY.',
    en: 'Settings, row {row}: the option has no code. A code is Latin letters, digits and “_”, e.g. BUSY.',
  },
  'taxonomy.badCode': {
    ru: 'Настройки, строка {row}: код «{code}» может содержать только латиницу, цифры и «_».',
    en: 'Settings, row {row}: the code “{code}” may contain only Latin letters, digits and “_”.',
  },
  'taxonomy.duplicateCode': {
    ru: 'Настройки, строка {row}: код «{code}» уже есть в строке {otherRow}.',
    en: 'Settings, row {row}: the code “{code}” is already used in row {otherRow}.',
  },
  'taxonomy.missingLabel': {
    ru: 'Настройки, строка {row}: у варианта «{code}» нет названия.',
    en: 'Settings, row {row}: the option “{code}” has no label.',
  },
  'taxonomy.duplicateLabel': {
    ru: 'Настройки, строка {row}: название «{label}» уже есть в строке {otherRow} того же списка.',
    en: 'Settings, row {row}: the label “{label}” is already used in row {otherRow} of the same list.',
  },
  'taxonomy.unknownMeaning': {
    ru: 'Настройки, строка {row}: у варианта «{code}» неизвестное значение «{meaning}». Укажите код стандартного варианта этого списка: {allowed}.',
    en: 'Settings, row {row}: the option “{code}” has an unknown meaning “{meaning}”. Use the code of a standard option of this list: {allowed}.',
  },
  'taxonomy.emptyList': {
    ru: 'Настройки: в списке «{list}» нет ни одного варианта.',
    en: 'Settings: the list “{list}” has no options.',
  },
} as const satisfies MessageTable;
