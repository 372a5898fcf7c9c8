// Utilities: formatDate with Java SimpleDateFormat patterns in a time zone (English names, US
// week rules, as the JVM behind Apps Script uses), sleep on the virtual clock (counted toward
// the execution limit), getUuid, formatString and base64.

import { randomUUID } from 'node:crypto';
import type { Runtime } from '../runtime';
import { isDate } from './shared';
import { zonedFields, type ZonedFields } from '../time-zone';

export const SLEEP_MAX_MS = 300_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

/** Java's own names for zones it abbreviates differently from Intl (which says `GMT+3`). */
const JAVA_SHORT_NAMES: Record<string, string> = {
  'Europe/Moscow': 'MSK',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  GMT: 'GMT',
};

function pad(value: number, width: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(width, '0');
}

function offsetText(minutes: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (style !== 'Z' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(epochMs: number, timeZone: string, long: boolean, offsetMinutes: number): string {
  if (!long && JAVA_SHORT_NAMES[timeZone]) return JAVA_SHORT_NAMES[timeZone];
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: long ? 'long' : 'short',
    }).formatToParts(new Date(epochMs));
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    if (name && !name.startsWith('GMT')) return name;
  } catch {
    // Unknown zone: Java prints the GMT offset.
  }
  return offsetMinutes === 0 ? 'GMT' : `GMT${offsetText(offsetMinutes, 'X3')}`;
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000 + 1;
}

/** Java's week fields for Locale.US: weeks start on Sunday, week 1 is the week holding 1 January. */
function usWeek(f: ZonedFields): { weekYear: number; week: number; weekOfMonth: number } {
  const today = Date.UTC(f.year, f.month - 1, f.day);
  const sundayIndex = f.weekday % 7; // Sunday 0 … Saturday 6
  const weekStart = today - sundayIndex * 86_400_000;
  const saturday = new Date(weekStart + 6 * 86_400_000);
  const weekYear = saturday.getUTCFullYear();
  const jan1 = Date.UTC(weekYear, 0, 1);
  const week1Start = jan1 - new Date(jan1).getUTCDay() * 86_400_000;
  const week = Math.round((weekStart - week1Start) / (7 * 86_400_000)) + 1;
  const firstOfMonth = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
  const weekOfMonth = Math.floor((f.day + firstOfMonth - 1) / 7) + 1;
  return { weekYear, week, weekOfMonth };
}

function field(letter: string, count: number, f: ZonedFields, epochMs: number, timeZone: string): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = letter === 'y' ? f.year : usWeek(f).weekYear;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1] ?? '';
      if (count === 3) return (MONTHS[f.month - 1] ?? '').slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(usWeek(f).week, count);
    case 'W':
      return pad(usWeek(f).weekOfMonth, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E': {
      const name = DAYS[f.weekday - 1] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(epochMs, timeZone, count >= 4, f.offsetMinutes);
    case 'Z':
      return offsetText(f.offsetMinutes, 'Z');
    case 'X':
      return offsetText(f.offsetMinutes, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats like java.text.SimpleDateFormat(pattern, Locale.US) with the given zone. */
export function formatJavaDate(epochMs: number, timeZone: string, pattern: string): string {
  const f = zonedFields(epochMs, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is a literal quote and a single ' ends the text.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Unterminated quote');
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) !== "'") break;
          out += "'";
          j += 2;
          continue;
        }
        out += pattern.charAt(j++);
      }
      i = j + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(ch)) {
      if (!PATTERN_LETTERS.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern.charAt(i + count) === ch) count++;
      out += field(ch, count, f, epochMs, timeZone);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Java-style type names for Google's "parameters don't match the method signature" error. */
export function javaTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

export function signatureError(member: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${member}.`,
  );
}

/** Java's String.format subset Apps Script scripts use: %s %d %i %f %.Nf %% (and width). */
export function javaFormat(template: string, args: readonly unknown[]): string {
  let index = 0;
  return template.replace(
    /%(-)?(\d+)?(?:\.(\d+))?([sdifx%])/g,
    (
      _match,
      left: string | undefined,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return '%';
      const arg = args[index++];
      let text: string;
      if (conversion === 'd' || conversion === 'i') text = String(Math.trunc(Number(arg)));
      else if (conversion === 'f')
        text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (conversion === 'x') text = Math.trunc(Number(arg)).toString(16);
      else text = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
      if (width) text = left ? text.padEnd(Number(width)) : text.padStart(Number(width));
      return text;
    },
  );
}

function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
}

function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((byte) => Number(byte) & 0xff));
  throw signatureError('Utilities.base64Encode', [data]);
}

class UtilitiesService {
  readonly #runtime: Runtime;

  constructor(runtime: Runtime) {
    this.#runtime = runtime;
  }

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatJavaDate(ms, timeZone, format);
  }

  formatString(template: unknown, ...args: unknown[]): string {
    return javaFormat(String(template), args);
  }

  sleep(milliseconds: unknown): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: milliseconds');
    if (ms > SLEEP_MAX_MS) throw new Error(`Invalid argument: milliseconds (maximum is ${SLEEP_MAX_MS})`);
    this.#runtime.clock.advance(ms);
    this.#runtime.addMillis(ms);
  }

  getUuid(): string {
    return randomUUID();
  }

  base64Encode(data: unknown): string {
    return toBuffer(data).toString('base64');
  }

  base64EncodeWebSafe(data: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: unknown): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: unknown): number[] {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
}

export function createUtilities(runtime: Runtime): GoogleAppsScript.Utilities.Utilities {
  return runtime.instrument(
    new UtilitiesService(runtime),
    'Utilities',
  ) as unknown as GoogleAppsScript.Utilities.Utilities;
}
