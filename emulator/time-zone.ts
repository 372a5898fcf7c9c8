// Wall-clock arithmetic in an IANA time zone with Intl: the fields of an instant in a zone,
// and the instant of a local date-time (for atHour triggers and formatDate). Java falls back
// to GMT for an unknown zone id; so do we (NOTES.md, "Utilities.formatDate").

export interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
  offsetMinutes: number; // local − UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT+3`, `GMT+03:00`, `UTC-5` style ids that Java accepts and Intl may not. */
function fixedOffset(timeZone: string): number | null {
  const match = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return null;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** True when Intl or the GMT±h form understands the id (Java would silently use GMT otherwise). */
export function isKnownTimeZone(timeZone: string): boolean {
  return fixedOffset(timeZone) !== null || formatterFor(timeZone) !== null;
}

export function zonedFields(epochMs: number, timeZone: string): ZonedFields {
  const fixed = fixedOffset(timeZone);
  const formatter = fixed === null ? formatterFor(timeZone) : null;
  if (!formatter) return utcFields(epochMs + (fixed ?? 0) * 60_000, fixed ?? 0);
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const localAsUtc = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const secondStart = Math.floor(epochMs / 1000) * 1000;
  const offsetMinutes = Math.round((localAsUtc - secondStart) / 60_000);
  return utcFields(epochMs + offsetMinutes * 60_000, offsetMinutes);
}

function utcFields(shiftedMs: number, offsetMinutes: number): ZonedFields {
  const d = new Date(shiftedMs);
  const day = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: day === 0 ? 7 : day,
    offsetMinutes,
  };
}

/** The instant when the wall clock in `timeZone` shows the given local time (gaps resolve forward). */
export function zonedTimeToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc;
  // Two refinements settle the offset, including across a DST change.
  for (let i = 0; i < 3; i++) {
    const offset = zonedFields(guess, timeZone).offsetMinutes;
    const next = asUtc - offset * 60_000;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}
