// Display values: renders a stored value through a cell's number format in the spreadsheet's
// locale and time zone, as getDisplayValues and the user see it. Covers the formats Prozvon
// uses: automatic, '@', '0', '0.00', '#,##0.00', percentages, and date/time patterns built from
// d, M/m, y, H/h, m (minutes next to h or s), s, AM/PM and quoted literals.

import { dateToSerial, serialParts } from './dates';
import { localeInfo, type LocaleInfo } from './locale';
import type { CellValue } from './values';

export const TEXT_FORMAT = '@';
/** What getNumberFormat returns for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = 'General';

export function isAutomatic(format: string | undefined): boolean {
  return format === undefined || format === '' || format.toLowerCase() === 'general';
}

export function isDateFormat(format: string | undefined): boolean {
  if (isAutomatic(format) || format === TEXT_FORMAT || format === undefined) return false;
  const bare = format.replace(/"[^"]*"|\\./g, '');
  return /[dyhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

export function formatValue(
  value: CellValue | undefined,
  format: string | undefined,
  locale: string,
  timeZone: string,
): string {
  if (value === undefined) return '';
  const info = localeInfo(locale);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? info.trueText : info.falseText;
  if (format === TEXT_FORMAT) {
    return value instanceof Date
      ? formatDate(dateToSerial(value, timeZone), autoDateFormat(value, timeZone, info), info)
      : formatAutoNumber(value, info);
  }
  if (value instanceof Date) {
    const serial = dateToSerial(value, timeZone);
    if (isAutomatic(format) || format === undefined)
      return formatDate(serial, autoDateFormat(value, timeZone, info), info);
    return isDateFormat(format) ? formatDate(serial, format, info) : formatNumber(serial, format, info);
  }
  if (isAutomatic(format) || format === undefined) return formatAutoNumber(value, info);
  return isDateFormat(format) ? formatDate(value, format, info) : formatNumber(value, format, info);
}

/** A Date written without a format shows as a date, with the time only when it is not midnight. */
function autoDateFormat(value: Date, timeZone: string, info: LocaleInfo): string {
  const serial = dateToSerial(value, timeZone);
  return Math.abs(serial - Math.round(serial)) < 1e-9 ? info.dateFormat : info.dateTimeFormat;
}

export function formatAutoNumber(value: number, info: LocaleInfo): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (Math.abs(value) >= 1e15) {
    const [mantissa = '0', exponent = '0'] = value.toExponential(2).split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa.replace('.', info.decimal)}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(10))).replace('.', info.decimal);
}

function formatNumber(value: number, format: string, info: LocaleInfo): string {
  const sections = splitSections(format);
  let section = sections[0] ?? '';
  let number = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    number = -value; // the negative section writes its own sign
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const percent = section.includes('%');
  if (percent) number *= 100;
  const core = /[#0][#0,]*(?:\.[#0]*)?|\.[#0]+/.exec(
    section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)),
  );
  if (!core) return literalText(section);
  const prefix = literalText(section.slice(0, core.index));
  const suffix = literalText(section.slice(core.index + core[0].length));
  const [intPattern = '', fracPattern = ''] = core[0].split('.');
  const maxDecimals = fracPattern.length;
  const minDecimals = (fracPattern.match(/0/g) ?? []).length;
  const minIntDigits = (intPattern.match(/0/g) ?? []).length;
  const grouping = intPattern.includes(',');
  const negative = number < 0;
  const fixed = Math.abs(number).toFixed(maxDecimals);
  let [intPart = '0', fracPart = ''] = fixed.split('.');
  fracPart = fracPart.replace(/0+$/, '');
  while (fracPart.length < minDecimals) fracPart += '0';
  intPart = intPart.replace(/^0+/, '');
  while (intPart.length < minIntDigits) intPart = `0${intPart}`;
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, info.group);
  const body = fracPart.length > 0 ? `${intPart}${info.decimal}${fracPart}` : intPart;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function literalText(text: string): string {
  return text
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[_*]./g, '');
}

type DateToken =
  { kind: 'literal'; text: string } | { kind: 'field'; letter: string; length: number } | { kind: 'ampm' };

function tokenizeDate(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] ?? '';
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: format[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i, i + 5))) {
      tokens.push({ kind: 'ampm' });
      i += 5;
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (j < format.length && (format[j] ?? '').toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'field', letter: ch, length: j - i });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

/** Renders a serial number (local days since 1899-12-30) through a date/time pattern. */
export function formatDate(serial: number, format: string, info: LocaleInfo): string {
  const p = serialParts(serial);
  const tokens = tokenizeDate(format);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  const fields = tokens.filter((t): t is Extract<DateToken, { kind: 'field' }> => t.kind === 'field');
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    if (token.kind === 'ampm') {
      out += p.hour < 12 ? 'AM' : 'PM';
      continue;
    }
    const letter = token.letter.toLowerCase();
    const n = token.length;
    const index = fields.indexOf(token);
    const previous = fields[index - 1]?.letter.toLowerCase();
    const next = fields[index + 1]?.letter.toLowerCase();
    // 'm' means minutes right after an hour or right before seconds, months otherwise;
    // 'M' in Java-style patterns (dd.MM.yyyy) is always a month.
    const isMinute = letter === 'm' && token.letter === 'm' && (previous === 'h' || next === 's');
    if (letter === 'y') out += n <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
    else if (letter === 'd') out += n >= 3 ? weekdayName(p.weekday, n > 3, info) : pad(p.day, n);
    else if (letter === 'h') out += pad(twelveHour ? ((p.hour + 11) % 12) + 1 : p.hour, n);
    else if (letter === 's') out += pad(p.second, n);
    else if (isMinute) out += pad(p.minute, n);
    else out += n >= 3 ? monthName(p.month, n > 3, info) : pad(p.month, n);
  }
  return out;
}

function pad(value: number, length: number): string {
  return String(value).padStart(Math.min(length, 2), '0');
}

function monthName(month: number, long: boolean, info: LocaleInfo): string {
  return new Intl.DateTimeFormat(info.intlTag, { month: long ? 'long' : 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

function weekdayName(weekday: number, long: boolean, info: LocaleInfo): string {
  // 2000-01-02 was a Sunday (weekday 0).
  return new Intl.DateTimeFormat(info.intlTag, { weekday: long ? 'long' : 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 2 + weekday)),
  );
}
