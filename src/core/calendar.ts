// Calendar days as plain ISO strings ('YYYY-MM-DD') and business-day arithmetic.
// Days are strings, not Dates, so that "which day is it" is decided once, in the spreadsheet's
// time zone (isoDayInTimeZone), and every later step is plain arithmetic that no host time
// zone can shift. Internally a day is handled as a UTC midnight, never as local time.

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDay = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Which days are worked: the weekdays of a normal week, minus the holidays listed in Settings. */
export interface BusinessCalendar {
  readonly workingWeekdays: readonly Weekday[];
  readonly holidays: readonly IsoDay[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] };

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RUSSIAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function fromParts(year: number, month: number, day: number): IsoDay | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 31.02 over into March; a roll-over means the day does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

function toTime(day: IsoDay): number {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not an ISO day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromTime(time: number): IsoDay {
  return new Date(time).toISOString().slice(0, 10);
}

/** Formatters are costly to build and are asked for per row: one per zone and kind is kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let known = formatters.get(key);
  if (!known) {
    known =
      kind === 'day'
        ? // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that detail anyway.
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          });
    formatters.set(key, known);
  }
  return known;
}

/** The calendar day an instant falls on in a time zone (the spreadsheet's, e.g. 'Europe/Moscow'). */
export function isoDayInTimeZone(instant: Date, timeZone: string): IsoDay {
  const parts = formatter('day', timeZone).formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Milliseconds a time zone's wall clock is ahead of UTC at an instant. */
function zoneOffset(time: number, timeZone: string): number {
  const parts = formatter('time', timeZone).formatToParts(new Date(time));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(time / 1000) * 1000;
}

/**
 * The instant a day starts in a time zone: what a date cell holds for that day in a spreadsheet
 * of that zone (the inverse of isoDayInTimeZone).
 * @example startOfDay('2026-11-30', 'Europe/Moscow').toISOString() //=> '2026-11-29T21:00:00.000Z'
 */
export function startOfDay(day: IsoDay, timeZone: string): Date {
  const utcMidnight = toTime(day);
  let time = utcMidnight - zoneOffset(utcMidnight, timeZone);
  // Once more, in case a daylight-saving change lies between the guess and the answer.
  time = utcMidnight - zoneOffset(time, timeZone);
  return new Date(time);
}

/**
 * Reads a day from a cell: an ISO day, a Russian 'dd.mm.yyyy', or a Date (a sheet date cell),
 * whose day is taken in the given time zone. Anything else, including impossible days such as
 * 31.02.2026, gives undefined so that the caller can report a malformed date.
 * @example parseDay('05.12.2026', 'Europe/Moscow') //=> '2026-12-05'
 */
export function parseDay(value: unknown, timeZone: string): IsoDay | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : isoDayInTimeZone(value, timeZone);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = ISO_DAY.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const russian = RUSSIAN_DAY.exec(text);
  if (russian) return fromParts(Number(russian[3]), Number(russian[2]), Number(russian[1]));
  return undefined;
}

export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  return match !== null && fromParts(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return fromTime(toTime(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

export function weekdayOf(day: IsoDay): Weekday {
  const sundayBased = new Date(toTime(day)).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as Weekday;
}

/** The Monday of the ISO week that contains the day. */
export function mondayOf(day: IsoDay): IsoDay {
  return addDays(day, 1 - weekdayOf(day));
}

/** The ISO week of a day: the year is the ISO week-numbering year, which differs near New Year. */
export function isoWeekOf(day: IsoDay): { readonly year: number; readonly week: number } {
  const thursday = addDays(day, 4 - weekdayOf(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** '2026-W49'. */
export function isoWeekLabel(day: IsoDay): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isBusinessDay(day: IsoDay, calendar: BusinessCalendar): boolean {
  return calendar.workingWeekdays.includes(weekdayOf(day)) && !calendar.holidays.includes(day);
}

function assertSomeWorkingDay(calendar: BusinessCalendar): void {
  // Without this guard a calendar with no working weekday would loop forever.
  if (calendar.workingWeekdays.length === 0)
    throw new RangeError('a business calendar needs a working weekday');
}

/** The first business day on or after the day. */
export function businessDayOnOrAfter(day: IsoDay, calendar: BusinessCalendar): IsoDay {
  assertSomeWorkingDay(calendar);
  let candidate = day;
  while (!isBusinessDay(candidate, calendar)) candidate = addDays(candidate, 1);
  return candidate;
}

/** The first business day strictly after the day. */
export function nextBusinessDay(day: IsoDay, calendar: BusinessCalendar): IsoDay {
  return businessDayOnOrAfter(addDays(day, 1), calendar);
}

/**
 * Moves forward by business days; the result is always a business day strictly after the day
 * when count ≥ 1 (a count below 1 is treated as 1: a "next call" is never today).
 * @example addBusinessDays('2026-12-04', 1, DEFAULT_CALENDAR) //=> '2026-12-07' (Friday → Monday)
 */
export function addBusinessDays(day: IsoDay, count: number, calendar: BusinessCalendar): IsoDay {
  let result = nextBusinessDay(day, calendar);
  for (let step = 1; step < Math.floor(count); step += 1) result = nextBusinessDay(result, calendar);
  return result;
}

/** Every day from `first` to `last` inclusive. */
export function daysFrom(first: IsoDay, last: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A day as people read it: '27.11.2026' in Russian, '2026-11-27' in English. */
export function formatDay(day: IsoDay, lang: 'ru' | 'en'): string {
  return lang === 'ru' ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : day;
}
