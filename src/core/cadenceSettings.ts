// Reading the cadence part of Settings (business days, holidays, offsets, max attempts) into
// CadenceSettings. Settings is a key/value table the administrator edits, so every value is
// checked and a bad one is named in the error together with what was expected.

import { parseDay, type IsoDay, type Weekday } from './calendar';
import { DEFAULT_CADENCE, type CadenceSettings } from './cadence';
import { cellText, labelKey } from './cells';
import { ProzvonError } from './errors';
import { t, type Lang, type MessageKey } from './messages';

export const CADENCE_SETTING_KEYS = [
  'workingWeekdays',
  'holidays',
  'offerToInvoiceDays',
  'invoiceToPaymentDays',
  'noAnswerRetryDays',
  'callBackDays',
  'venueWeekday',
  'feedbackWeekday',
  'maxNoAnswerAttempts',
] as const;
export type CadenceSettingKey = (typeof CADENCE_SETTING_KEYS)[number];

/** Settings values by key, as read from the sheet (strings, numbers, Dates); missing keys use defaults. */
export type CadenceSettingValues = Partial<Readonly<Record<CadenceSettingKey, unknown>>>;

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

function weekdayName(day: Weekday, lang: Lang): string {
  return t(lang, `weekday.${day}`);
}

/** The text written for a weekday list: 'Пн, Вт, Ср, Чт, Пт'. */
export function formatWeekdays(days: readonly Weekday[], lang: Lang): string {
  return days.map((day) => weekdayName(day, lang)).join(', ');
}

/** The rows "Set up master" writes: key, localised name, value as text in the sheet's language. */
export function defaultCadenceSettingRows(
  lang: Lang,
): { key: CadenceSettingKey; name: string; value: string }[] {
  const d = DEFAULT_CADENCE;
  const values: Record<CadenceSettingKey, string> = {
    workingWeekdays: formatWeekdays(d.calendar.workingWeekdays, lang),
    holidays: d.calendar.holidays.join(', '),
    offerToInvoiceDays: String(d.offerToInvoiceDays),
    invoiceToPaymentDays: String(d.invoiceToPaymentDays),
    noAnswerRetryDays: String(d.noAnswerRetryDays),
    callBackDays: String(d.callBackDays),
    venueWeekday: weekdayName(d.venueWeekday, lang),
    feedbackWeekday: weekdayName(d.feedbackWeekday, lang),
    maxNoAnswerAttempts: String(d.maxNoAnswerAttempts),
  };
  return CADENCE_SETTING_KEYS.map((key) => ({ key, name: t(lang, `setting.${key}`), value: values[key] }));
}

function parseWeekday(text: string): Weekday | undefined {
  const key = labelKey(text);
  return WEEKDAYS.find(
    (day) =>
      key === String(day) ||
      key === labelKey(weekdayName(day, 'ru')) ||
      key === labelKey(weekdayName(day, 'en')),
  );
}

/** Readers of the Settings values; `lang` is the language the error texts name things in. */
function settingReaders(lang: Lang, timeZone: string) {
  // Error params are plain strings, so the names inside them are rendered in the sheet's language here.
  const fail = (key: CadenceSettingKey, value: unknown, expected: MessageKey, params = {}): never => {
    throw new ProzvonError('cadence.badSetting', {
      setting: t(lang, `setting.${key}`),
      value: cellText(value),
      expected: t(lang, expected, params),
    });
  };

  const wholeNumber = (
    key: CadenceSettingKey,
    value: unknown,
    fallback: number,
    min: number,
    max: number,
  ): number => {
    if (cellText(value) === '') return fallback;
    const number = typeof value === 'number' ? value : Number(cellText(value));
    if (!Number.isInteger(number) || number < min || number > max) {
      fail(key, value, 'cadence.expected.wholeNumber', { min, max });
    }
    return number;
  };

  const weekday = (key: CadenceSettingKey, value: unknown, fallback: Weekday): Weekday => {
    if (cellText(value) === '') return fallback;
    return parseWeekday(cellText(value)) ?? fail(key, value, 'cadence.expected.weekday');
  };

  const weekdays = (value: unknown, fallback: readonly Weekday[]): readonly Weekday[] => {
    const text = cellText(value);
    if (text === '') return fallback;
    const days = new Set<Weekday>();
    for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
      const range = /^(\S+)[-–](\S+)$/.exec(part);
      const from = range ? parseWeekday(range[1] ?? '') : parseWeekday(part);
      const to = range ? parseWeekday(range[2] ?? '') : from;
      if (from === undefined || to === undefined || to < from) {
        return fail('workingWeekdays', value, 'cadence.expected.weekdays');
      }
      for (const day of WEEKDAYS) if (day >= from && day <= to) days.add(day);
    }
    return WEEKDAYS.filter((day) => days.has(day));
  };

  const holidays = (value: unknown): readonly IsoDay[] => {
    // A cell holding one date arrives as a Date; several dates arrive as text.
    const parts =
      value instanceof Date
        ? [value]
        : cellText(value)
            .split(/[,;\n]+/)
            .map((part) => part.trim());
    const days: IsoDay[] = [];
    for (const part of parts) {
      if (part === '') continue;
      days.push(parseDay(part, timeZone) ?? fail('holidays', part, 'cadence.expected.days'));
    }
    return days.sort();
  };

  return { wholeNumber, weekday, weekdays, holidays };
}

/**
 * Builds CadenceSettings from Settings values; a missing or blank value keeps the default.
 * `timeZone` reads date cells (holidays); `lang` is the language of the error text.
 * @throws ProzvonError('cadence.badSetting') naming the setting, its value and what was expected.
 */
export function parseCadenceSettings(
  values: CadenceSettingValues,
  timeZone: string,
  lang: Lang,
): CadenceSettings {
  const read = settingReaders(lang, timeZone);
  const d = DEFAULT_CADENCE;
  const days = (
    key: 'offerToInvoiceDays' | 'invoiceToPaymentDays' | 'noAnswerRetryDays' | 'callBackDays',
  ): number => read.wholeNumber(key, values[key], d[key], 1, 30);
  return {
    calendar: {
      workingWeekdays: read.weekdays(values.workingWeekdays, d.calendar.workingWeekdays),
      holidays: read.holidays(values.holidays),
    },
    offerToInvoiceDays: days('offerToInvoiceDays'),
    invoiceToPaymentDays: days('invoiceToPaymentDays'),
    noAnswerRetryDays: days('noAnswerRetryDays'),
    callBackDays: days('callBackDays'),
    venueWeekday: read.weekday('venueWeekday', values.venueWeekday, d.venueWeekday),
    feedbackWeekday: read.weekday('feedbackWeekday', values.feedbackWeekday, d.feedbackWeekday),
    maxNoAnswerAttempts: read.wholeNumber(
      'maxNoAnswerAttempts',
      values.maxNoAnswerAttempts,
      d.maxNoAnswerAttempts,
      1,
      100,
    ),
  };
}
