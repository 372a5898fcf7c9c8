// What a spreadsheet locale changes: decimal and grouping separators, the order of day and
// month in typed dates, the default date formats, boolean display and the default sheet name.

export interface LocaleInfo {
  readonly decimal: string;
  readonly group: string;
  /** Order of a typed date without a year-first ISO form. */
  readonly dateOrder: 'DMY' | 'MDY';
  readonly dateSeparator: string;
  readonly dateFormat: string;
  readonly dateTimeFormat: string;
  readonly timeFormat: string;
  readonly trueText: string;
  readonly falseText: string;
  /** 'Лист' for Russian: the default sheets are Лист1, Лист2, ... */
  readonly sheetPrefix: string;
  /** Sheet.copyTo names the copy `<copyPrefix><name>`: 'Copy of ' (en), 'Копия ' (ru). */
  readonly copyPrefix: string;
  readonly intlTag: string;
}

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  dateSeparator: '/',
  dateFormat: 'M/d/yyyy',
  dateTimeFormat: 'M/d/yyyy H:mm:ss',
  timeFormat: 'H:mm:ss',
  trueText: 'TRUE',
  falseText: 'FALSE',
  sheetPrefix: 'Sheet',
  copyPrefix: 'Copy of ',
  intlTag: 'en-US',
};

const RU_RU: LocaleInfo = {
  decimal: ',',
  group: '\u00a0',
  dateOrder: 'DMY',
  dateSeparator: '.',
  dateFormat: 'dd.MM.yyyy',
  dateTimeFormat: 'dd.MM.yyyy H:mm:ss',
  timeFormat: 'H:mm:ss',
  trueText: 'ИСТИНА',
  falseText: 'ЛОЖЬ',
  sheetPrefix: 'Лист',
  copyPrefix: 'Копия ',
  intlTag: 'ru-RU',
};

const EN_GB: LocaleInfo = {
  ...EN_US,
  dateOrder: 'DMY',
  dateFormat: 'dd/MM/yyyy',
  dateTimeFormat: 'dd/MM/yyyy H:mm:ss',
  intlTag: 'en-GB',
};

const DE_DE: LocaleInfo = {
  ...RU_RU,
  group: '.',
  trueText: 'WAHR',
  falseText: 'FALSCH',
  sheetPrefix: 'Tabellenblatt',
  copyPrefix: 'Kopie von ',
  intlTag: 'de-DE',
};

export function localeInfo(locale: string): LocaleInfo {
  const lower = locale.toLowerCase();
  if (lower.startsWith('ru')) return RU_RU;
  if (lower === 'en_gb') return EN_GB;
  if (lower.startsWith('de')) return DE_DE;
  return EN_US;
}
