// Reasons a phone or e-mail is not usable, and the import report's texts.

import type { MessageTable } from './types';

export const identityMessages = {
  'phone.empty': { ru: 'телефон не указан', en: 'no phone' },
  'phone.notANumber': { ru: 'это не номер телефона', en: 'not a phone number' },
  'phone.tooShort': { ru: 'в номере слишком мало цифр', en: 'too few digits' },
  'phone.tooLong': { ru: 'в номере слишком много цифр', en: 'too many digits' },
  'phone.invalidCountry': { ru: 'неизвестный код страны', en: 'unknown country code' },
  'phone.invalid': { ru: 'такого номера не существует', en: 'no such number exists' },
  'phone.severalNumbers': {
    ru: 'в ячейке несколько номеров — оставьте один',
    en: 'several numbers in one cell: keep one',
  },
  'email.empty': { ru: 'адрес почты не указан', en: 'no e-mail' },
  'email.invalid': { ru: 'адрес почты записан с ошибкой', en: 'the e-mail is malformed' },

  'import.noContact': {
    ru: 'Строка {row}: нет ни телефона, ни адреса почты.',
    en: 'Row {row}: neither a phone nor an e-mail.',
  },
  'import.badPhone': {
    ru: 'Строка {row}: телефон «{value}» не принят: {reason}.',
    en: 'Row {row}: the phone “{value}” was not accepted: {reason}.',
  },
  'import.badEmail': {
    ru: 'Строка {row}: адрес почты «{value}» не принят: {reason}.',
    en: 'Row {row}: the e-mail “{value}” was not accepted: {reason}.',
  },
  'import.noOrganisation': {
    ru: 'Строка {row}: не указана организация.',
    en: 'Row {row}: no organisation.',
  },
  'import.unknownManager': {
    ru: 'Строка {row}: менеджер «{manager}» не найден среди активных менеджеров команды.',
    en: 'Row {row}: “{manager}” is not an active manager of the team.',
  },
  'import.duplicateOfClient': {
    ru: 'Строка {row}: уже есть клиент {clientId} «{organisation}», у него тот же {by}.',
    en: 'Row {row}: client {clientId} “{organisation}” already has the same {by}.',
  },
  'import.duplicateInBatch': {
    ru: 'Строка {row}: тот же {by}, что в строке {otherRow} этой вставки.',
    en: 'Row {row}: the same {by} as row {otherRow} of this batch.',
  },
  'import.doNotCall': {
    ru: 'Строка {row}: {by} принадлежит клиенту {clientId} с пометкой «не звонить» — не добавлен.',
    en: 'Row {row}: the {by} belongs to do-not-call client {clientId}: not added.',
  },
  'import.by.phone': { ru: 'телефон', en: 'phone' },
  'import.by.email': { ru: 'адрес почты', en: 'e-mail' },
} as const satisfies MessageTable;
