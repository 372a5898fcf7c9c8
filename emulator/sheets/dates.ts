// Time-zone arithmetic for the spreadsheet's zone: a spreadsheet stores dates as serial numbers
// of its own local time (days since 1899-12-30), so converting a JS Date needs that zone's
// offset at that instant. The zone rules come from ../time-zone (Intl), shared with the services.

import { zonedFields } from '../time-zone';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00:00Z: serial 0 of Google Sheets and of HyperFormula's default nullDate. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export interface ZonedParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** The wall-clock fields of an instant in a zone (the shared zone arithmetic of ../time-zone). */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const fields = zonedFields(ms, timeZone);
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    millisecond: fields.millisecond,
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
export function offsetAt(ms: number, timeZone: string): number {
  return zonedFields(ms, timeZone).offsetMinutes * 60_000;
}

export function fromZoned(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Two passes settle the offset across a DST change.
  let ms = wall - offsetAt(wall, timeZone);
  ms = wall - offsetAt(ms, timeZone);
  return new Date(ms);
}

export function dateToSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + offsetAt(ms, timeZone) - EPOCH_MS) / MS_PER_DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round(EPOCH_MS + serial * MS_PER_DAY);
  const d = new Date(wall);
  return fromZoned(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    timeZone,
  );
}

/** Local wall-clock parts of a serial number (no zone needed: serials are local time). */
export function serialParts(serial: number): ZonedParts & { weekday: number } {
  const d = new Date(Math.round(EPOCH_MS + serial * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}
