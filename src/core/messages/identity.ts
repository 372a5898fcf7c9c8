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

  // Why a pasted row was not added, without the row: the report groups rows by what happened and
  // the Rejected sheet has a column of its own for the row ('import.line' puts the two together).
  'import.line': { ru: 'Строка {row}: {reason}.', en: 'Row {row}: {reason}.' },
  'import.noContact': { ru: 'нет ни телефона, ни адреса почты', en: 'neither a phone nor an e-mail' },
  'import.badPhone': {
    ru: 'телефон «{value}» не принят: {reason}',
    en: 'the phone “{value}” was not accepted: {reason}',
  },
  'import.badEmail': {
    ru: 'адрес почты «{value}» не принят: {reason}',
    en: 'the e-mail “{value}” was not accepted: {reason}',
  },
  'import.noOrganisation': { ru: 'не указана организация', en: 'no organisation' },
  'import.unknownManager': {
    ru: 'менеджер «{manager}» не найден среди активных менеджеров команды',
    en: '“{manager}” is not an active manager of the team',
  },
  'import.duplicateOfClient': {
    ru: 'уже есть клиент {clientId} «{organisation}» {sameBy}',
    en: 'client {clientId} “{organisation}” already has {sameBy}',
  },
  'import.duplicateInBatch': {
    ru: 'тот же {by}, что в строке {otherRow} этой вставки',
    en: 'the same {by} as row {otherRow} of this batch',
  },
  'import.doNotCall': {
    ru: '{by} принадлежит клиенту {clientId} с пометкой «не звонить»',
    en: 'the {by} belongs to do-not-call client {clientId}',
  },
  // Another team's client is named by nothing of its record: its team's books are not the reader's.
  'import.duplicateOfOtherTeam': {
    ru: 'уже есть клиент другой команды {sameBy}',
    en: 'another team already has a client with {sameBy}',
  },
  'import.doNotCallOtherTeam': {
    ru: '{by} принадлежит клиенту другой команды с пометкой «не звонить»',
    en: "the {by} belongs to another team's do-not-call client",
  },
  'import.by.phone': { ru: 'телефон', en: 'phone' },
  'import.by.email': { ru: 'адрес почты', en: 'e-mail' },
  // After «уже есть клиент …»: the instrumental case («с тем же телефоном»).
  'import.sameBy.phone': { ru: 'с тем же телефоном', en: 'the same phone' },
  'import.sameBy.email': { ru: 'с тем же адресом почты', en: 'the same e-mail' },
} as const satisfies MessageTable;
