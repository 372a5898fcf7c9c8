// How Sheets interprets what is written as if a user typed it (setValue, setValues, appendRow
// and user edits all use "user entered" semantics): '=' starts a formula, '+'/'-' too unless a
// number follows, number-like and date-like strings become numbers and dates by the locale,
// TRUE/FALSE become booleans, a leading apostrophe keeps text — and none of it happens in a
// cell formatted '@' (plain text). Sources per rule are in ../NOTES.md ("Values on write").

import { fromZoned } from './dates';
import { SHEETS_ERRORS } from './errors';
import { localeInfo, type LocaleInfo } from './locale';

/** A stored constant: what getValue returns for a non-formula cell. */
export type CellValue = string | number | boolean | Date;

/** The result of interpreting one input: a constant, a formula, or nothing (empty cell). */
export interface Entry {
  readonly value?: CellValue;
  readonly formula?: string;
  /** A number format the entry implies for an unformatted cell (typed dates, percentages). */
  readonly impliedFormat?: string;
}

export interface EntryContext {
  readonly locale: string;
  readonly timeZone: string;
  /** The cell's number format is '@': strings are stored exactly as given. */
  readonly plainText: boolean;
  /** Year for dates typed without one ('30.11'). */
  readonly currentYear: number;
}

export const MAX_CELL_CHARS = 50_000;
const EMPTY: Entry = {};

export function interpretEntry(input: unknown, ctx: EntryContext): Entry {
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (input instanceof Date) return { value: new Date(input.getTime()) };
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARS) throw new Error(SHEETS_ERRORS.cellTooLong);
  if (text === '') return EMPTY;
  if (ctx.plainText) return { value: text };
  return interpretText(text, ctx);
}

function interpretText(text: string, ctx: EntryContext): Entry {
  const first = text.charCodeAt(0);
  // Fast path for the common case: text that starts with a letter cannot be anything but text
  // (apart from TRUE/FALSE and the Russian ИСТИНА/ЛОЖЬ).
  const startsWithLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first >= 0x400;
  const locale = localeInfo(ctx.locale);
  if (startsWithLetter) return booleanEntry(text, locale) ?? { value: text };
  if (text[0] === "'") return text.length > 1 ? { value: text.slice(1) } : EMPTY;
  if (text[0] === '=') return text.length > 1 ? { formula: text } : { value: text };
  const trimmed = text.trim();
  const number = parseNumber(trimmed, locale);
  if (number !== null) return { value: number };
  const percent = parsePercent(trimmed, locale);
  if (percent !== null) return percent;
  if ((text[0] === '+' || text[0] === '-') && text.length > 1) {
    // Sheets treats a leading + or - as the start of a formula: '+7 912 345-67-89' becomes the
    // formula '=+7 912 345-67-89', which does not parse (#ERROR!).
    return { formula: `=${text}` };
  }
  const date = parseDateTime(trimmed, locale, ctx);
  if (date) return date;
  return booleanEntry(trimmed, locale) ?? { value: text };
}

function booleanEntry(text: string, locale: LocaleInfo): Entry | null {
  if (text.length > 6) return null;
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === locale.trueText) return { value: true };
  if (upper === 'FALSE' || upper === locale.falseText) return { value: false };
  return null;
}

const SPACES_BETWEEN_DIGITS = /(\d)[ \u00a0\u202f]+(?=\d)/g;
const NUMBER_PATTERNS = new Map<LocaleInfo, RegExp>();

function numberPattern(locale: LocaleInfo): RegExp {
  let pattern = NUMBER_PATTERNS.get(locale);
  if (!pattern) {
    const d = escapeRegExp(locale.decimal);
    const g = escapeRegExp(locale.group);
    // A grouping separator must split the integer part into groups of three.
    pattern = new RegExp(
      `^[+-]?(?:\\d{1,3}(?:${g}\\d{3})+|\\d+|(?=${d}\\d))(?:${d}\\d*)?(?:[eE][+-]?\\d+)?$`,
    );
    NUMBER_PATTERNS.set(locale, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number typed in the locale's notation ('1 234,5' in ru_RU, '1,234.5' in en_US), else null. */
export function parseNumber(text: string, locale: LocaleInfo): number | null {
  const compact = text.replace(SPACES_BETWEEN_DIGITS, '$1');
  if (!numberPattern(locale).test(compact)) return null;
  const canonical = compact.split(locale.group).join('').replace(locale.decimal, '.');
  const value = Number(canonical);
  return Number.isFinite(value) ? value : null;
}

function parsePercent(text: string, locale: LocaleInfo): Entry | null {
  if (!text.endsWith('%')) return null;
  const number = parseNumber(text.slice(0, -1).trim(), locale);
  if (number === null) return null;
  const decimals = text.includes(locale.decimal) ? '.00' : '';
  return { value: number / 100, impliedFormat: `0${decimals}%` };
}

const TIME = '(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function localDatePattern(locale: LocaleInfo): RegExp {
  const s = escapeRegExp(locale.dateSeparator);
  return new RegExp(`^(\\d{1,2})${s}(\\d{1,2})(?:${s}(\\d{4}|\\d{2}))?${TIME}$`);
}

function parseDateTime(text: string, locale: LocaleInfo, ctx: EntryContext): Entry | null {
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso) {
    const withTime = iso[4] !== undefined;
    return dateEntry(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      iso.slice(4, 7),
      withTime ? 'yyyy-MM-dd H:mm:ss' : 'yyyy-MM-dd',
      ctx,
    );
  }
  const local = localDatePattern(locale).exec(text);
  if (local) {
    const a = Number(local[1]);
    const b = Number(local[2]);
    const [day, month] = locale.dateOrder === 'DMY' ? [a, b] : [b, a];
    const year = local[3] === undefined ? ctx.currentYear : twoDigitYear(local[3]);
    const withTime = local[4] !== undefined;
    return dateEntry(
      year,
      month,
      day,
      local.slice(4, 7),
      withTime ? locale.dateTimeFormat : locale.dateFormat,
      ctx,
    );
  }
  const time = TIME_ONLY.exec(text);
  if (time) {
    const hour = Number(time[1]);
    const minute = Number(time[2]);
    const second = Number(time[3] ?? 0);
    if (hour > 23 || minute > 59 || second > 59) return null;
    // A time alone is a fraction of day zero (1899-12-30) in the spreadsheet's zone.
    return {
      value: fromZoned(1899, 12, 30, hour, minute, second, 0, ctx.timeZone),
      impliedFormat: locale.timeFormat,
    };
  }
  return null;
}

function twoDigitYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function dateEntry(
  year: number,
  month: number,
  day: number,
  timeParts: Array<string | undefined>,
  format: string,
  ctx: EntryContext,
): Entry | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 31.02 is text, not a date
  const hour = Number(timeParts[0] ?? 0);
  const minute = Number(timeParts[1] ?? 0);
  const second = Number(timeParts[2] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { value: fromZoned(year, month, day, hour, minute, second, 0, ctx.timeZone), impliedFormat: format };
}
