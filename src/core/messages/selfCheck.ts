// Texts of the field self-check (Обзвон → Проверить среду Google): the menu item, the report
// sheet and, for each check, the assumption about Google that it tests.

import type { MessageTable } from './types';

export const selfCheckMessages = {
  'menu.checkEnvironment': { ru: 'Проверить среду Google', en: 'Check the Google environment' },
  'selfCheck.sheet': { ru: 'Проверка среды', en: 'Environment check' },
  'selfCheck.title': {
    ru: 'Проверка среды Google: {time}, {user}',
    en: 'Google environment check: {time}, {user}',
  },
  'selfCheck.summary': {
    ru: 'Совпадает с эмулятором: {holds} из {total}. Расходится: {differs}.',
    en: 'Matches the emulator: {holds} of {total}. Differs: {differs}.',
  },
  'selfCheck.none': { ru: 'нет', en: 'none' },
  'selfCheck.scratchNote': {
    ru: 'Проверки шли в отдельной таблице «{name}» ({url}). Прозвон не может удалять файлы (у него нет доступа к Google Диску): удалите её сами. При следующей проверке она будет использована снова.',
    en: 'The checks ran in a separate spreadsheet “{name}” ({url}). Prozvon cannot delete files (it has no Google Drive access): delete it yourself. The next check reuses it.',
  },
  'selfCheck.header.id': { ru: 'Проверка', en: 'Check' },
  'selfCheck.header.assumption': { ru: 'Что предполагает эмулятор', en: 'What the emulator assumes' },
  'selfCheck.header.observed': { ru: 'Что сделал Google', en: 'What Google did' },
  'selfCheck.header.result': { ru: 'Итог', en: 'Result' },
  'selfCheck.holds': { ru: 'совпадает', en: 'holds' },
  'selfCheck.differs': { ru: 'РАСХОДИТСЯ', en: 'DIFFERS' },
  'selfCheck.done': {
    ru: 'Совпадает с эмулятором: {holds} из {total}.\n{verdict}\n\nОтчёт — на листе «{sheet}». Таблицу «{name}» можно удалить.',
    en: 'Matches the emulator: {holds} of {total}.\n{verdict}\n\nThe report is on the sheet “{sheet}”. You may delete the spreadsheet “{name}”.',
  },
  'selfCheck.allHold': {
    ru: 'Google ведёт себя так, как предполагают тесты Прозвона.',
    en: 'Google behaves as Prozvon’s tests assume.',
  },
  'selfCheck.someDiffer': {
    ru: 'Расходится: {differs}. Пришлите отчёт разработчикам: это ошибка эмулятора, на котором проверен Прозвон.',
    en: 'Differs: {differs}. Please send the report to the developers: it is a bug of the emulator Prozvon is tested on.',
  },
  'selfCheck.scratchName': {
    ru: 'Прозвон — проверка среды (можно удалить)',
    en: 'Prozvon — environment check (safe to delete)',
  },

  // One assumption per check (ids in src/gas/master/self-check.ts, listed in emulator/NOTES.md).
  'selfCheck.values.formula': {
    ru: 'Строка «=1+1», записанная скриптом, становится формулой со значением 2.',
    en: 'The string "=1+1" written by a script becomes a formula worth 2.',
  },
  'selfCheck.values.phoneWithSpaces': {
    ru: 'Телефон «+7 916 123-45-67» в ячейке с форматом «Автоматически» становится ошибочной формулой «=+7 916 123-45-67» (#ERROR!).',
    en: 'The phone "+7 916 123-45-67" in a cell of automatic format becomes the broken formula "=+7 916 123-45-67" (#ERROR!).',
  },
  'selfCheck.values.phoneDigits': {
    ru: 'Телефон «+79161234567» в ячейке с форматом «Автоматически» становится числом 79161234567.',
    en: 'The phone "+79161234567" in a cell of automatic format becomes the number 79161234567.',
  },
  'selfCheck.values.leadingZeros': {
    ru: '«00123» в ячейке с форматом «Автоматически» становится числом 123.',
    en: '"00123" in a cell of automatic format becomes the number 123.',
  },
  'selfCheck.values.textFormat': {
    ru: 'В ячейках с форматом «@» (обычный текст) строки «00123», «+7 916 123-45-67» и «=1+1» хранятся как есть, без формул.',
    en: 'In cells formatted "@" (plain text) the strings "00123", "+7 916 123-45-67" and "=1+1" are kept as they are, with no formula.',
  },
  'selfCheck.values.apostrophe': {
    ru: "«'0001» хранится как текст «0001»: getValue() возвращает его без апострофа.",
    en: '"\'0001" is kept as the text "0001": getValue() returns it without the apostrophe.',
  },
  'selfCheck.values.decimalInLocale': {
    ru: '«1.5» в таблице с русской локалью становится датой (1 мая), в английской — числом 1,5.',
    en: '"1.5" becomes a date (1 May) in a Russian-locale spreadsheet and the number 1.5 in an English one.',
  },
  'selfCheck.values.emptyCells': {
    ru: 'getValues() возвращает пустую строку для пустых ячеек.',
    en: 'getValues() returns an empty string for empty cells.',
  },
  'selfCheck.ranges.setValuesShape': {
    ru: 'setValues с неверным числом строк или столбцов выбрасывает ошибку Google «The number of … does not match … The data has X but the range has Y.»',
    en: 'setValues with the wrong number of rows or columns throws Google’s "The number of … does not match … The data has X but the range has Y."',
  },
  'selfCheck.ranges.setValuesFlat': {
    ru: "setValues с одномерным массивом выбрасывает «The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.»",
    en: 'setValues with a one-dimensional array throws "The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Range.setValues."',
  },
  'selfCheck.ranges.zeroRows': {
    ru: 'Диапазон из 0 строк выбрасывает «The number of rows in the range must be at least 1.»',
    en: 'A range of 0 rows throws "The number of rows in the range must be at least 1."',
  },
  'selfCheck.ranges.dataRangeOfEmptySheet': {
    ru: 'На пустом листе getLastRow() равен 0, а getDataRange() — это A1.',
    en: 'On an empty sheet getLastRow() is 0 and getDataRange() is A1.',
  },
  'selfCheck.validation.scriptWrite': {
    ru: 'Скрипт может записать значение, которое запрещает проверка данных (setAllowInvalid(false)): оно сохраняется.',
    en: 'A script may write a value that data validation rejects (setAllowInvalid(false)): it is stored.',
  },
  'selfCheck.cells.limit': {
    ru: 'В ячейку помещается 50 000 символов; 50 001 — ошибка «Your input contains more than the maximum of 50000 characters in a single cell.», и ничего не записывается.',
    en: 'A cell takes 50,000 characters; 50,001 throws "Your input contains more than the maximum of 50000 characters in a single cell." and nothing is written.',
  },
  'selfCheck.lock.reentrant': {
    ru: 'tryLock на свободной блокировке возвращает true, повторный tryLock тем же выполнением — тоже true, после releaseLock() hasLock() — false.',
    en: 'tryLock on a free lock returns true, taking it again in the same execution returns true, and after releaseLock() hasLock() is false.',
  },
  'selfCheck.sheets.duplicateName': {
    ru: 'Лист с уже занятым именем (в другом регистре) не создаётся: «A sheet with the name "X" already exists. Please enter another name.»',
    en: 'A sheet with a taken name (in another letter case) is refused: "A sheet with the name "X" already exists. Please enter another name."',
  },
  'selfCheck.sheets.longName': {
    ru: 'Имя листа длиной 100 символов допустимо (что делает Google со 101 символом, записано для сведения).',
    en: 'A 100-character sheet name is accepted (what Google does with 101 characters is recorded for information).',
  },
  'selfCheck.sheets.deleteLastSheet': {
    ru: "Удаление последнего листа выбрасывает «You can't remove all the sheets in a document.»",
    en: 'Deleting the last sheet throws "You can\'t remove all the sheets in a document."',
  },
  'selfCheck.sheets.deleteAllRows': {
    ru: "Удаление всех строк листа выбрасывает «Sorry, it's not possible to delete all non-frozen rows.»",
    en: 'Deleting every row of a sheet throws "Sorry, it\'s not possible to delete all non-frozen rows."',
  },
  'selfCheck.sheets.hideLastVisible': {
    ru: "Скрытие последнего видимого листа выбрасывает «You can't hide all the sheets in a document.»",
    en: 'Hiding the last visible sheet throws "You can\'t hide all the sheets in a document."',
  },
  'selfCheck.protection.newEditors': {
    ru: 'У новой защиты листа getEditors() не перечисляет владельца (список пуст), а canEdit() для владельца — true.',
    en: 'A new sheet protection’s getEditors() does not list the owner (the list is empty) and canEdit() is true for the owner.',
  },
  'selfCheck.protection.unprotectedOnRange': {
    ru: 'setUnprotectedRanges у защиты диапазона (не листа) выбрасывает ошибку.',
    en: 'setUnprotectedRanges on a range protection (not a sheet’s) throws.',
  },
  'selfCheck.protection.unprotectedElsewhere': {
    ru: 'setUnprotectedRanges с диапазоном другого листа выбрасывает ошибку.',
    en: 'setUnprotectedRanges with a range of another sheet throws.',
  },
  'selfCheck.utilities.formatDate': {
    ru: 'Utilities.formatDate понимает шаблоны Java SimpleDateFormat с английскими названиями дней и месяцев и часовым поясом.',
    en: 'Utilities.formatDate takes Java SimpleDateFormat patterns, with English day and month names and the time zone.',
  },
  'selfCheck.utilities.illegalPattern': {
    ru: "Неизвестная буква в шаблоне formatDate выбрасывает «Illegal pattern character 'q'».",
    en: 'An unknown letter in a formatDate pattern throws "Illegal pattern character \'q\'".',
  },
  'selfCheck.cache.keyTooLong': {
    ru: 'Ключ кэша длиннее 250 символов выбрасывает «Argument too large: key».',
    en: 'A cache key longer than 250 characters throws "Argument too large: key".',
  },
  'selfCheck.properties.valueTooLarge': {
    ru: 'Значение свойства больше 9 КБ выбрасывает «Argument too large: value».',
    en: 'A property value over 9 KB throws "Argument too large: value".',
  },
  'selfCheck.session.userLocale': {
    ru: 'Session.getActiveUserLocale() возвращает только язык («ru», «en»).',
    en: 'Session.getActiveUserLocale() returns the language only ("ru", "en").',
  },
} as const satisfies MessageTable;
