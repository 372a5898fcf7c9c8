import {
  addBusinessDays,
  addDays,
  businessDayOnOrAfter,
  DEFAULT_CALENDAR,
  isBusinessDay,
  isoDayInTimeZone,
  isoWeekLabel,
  mondayOf,
  nextBusinessDay,
  parseDay,
  startOfDay,
  weekdayOf,
} from './calendar';

const withHolidays = (...holidays: string[]) => ({ ...DEFAULT_CALENDAR, holidays });

describe('calendar days', () => {
  it('takes the day of an instant in the spreadsheet time zone, not the host one', () => {
    const lateSundayUtc = new Date('2026-11-29T22:30:00Z');
    expect(isoDayInTimeZone(lateSundayUtc, 'Europe/Moscow')).toBe('2026-11-30');
    expect(isoDayInTimeZone(lateSundayUtc, 'UTC')).toBe('2026-11-29');
  });

  it('reads ISO days, Russian dd.mm.yyyy days and sheet dates', () => {
    expect(parseDay('2026-12-05', 'UTC')).toBe('2026-12-05');
    expect(parseDay(' 5.12.2026 ', 'UTC')).toBe('2026-12-05');
    expect(parseDay(new Date('2026-12-04T21:00:00Z'), 'Europe/Moscow')).toBe('2026-12-05');
  });

  it('refuses impossible and malformed days instead of rolling them over', () => {
    expect(parseDay('31.02.2026', 'UTC')).toBeUndefined();
    expect(parseDay('2026-13-01', 'UTC')).toBeUndefined();
    expect(parseDay('tomorrow', 'UTC')).toBeUndefined();
    expect(parseDay(45000, 'UTC')).toBeUndefined();
  });

  it('knows weekdays, Mondays and ISO weeks, including the week that straddles New Year', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(isoWeekLabel('2026-11-30')).toBe('2026-W49');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('business days', () => {
  it('skips weekends', () => {
    expect(isBusinessDay('2026-12-05', DEFAULT_CALENDAR)).toBe(false);
    expect(nextBusinessDay('2026-12-04', DEFAULT_CALENDAR)).toBe('2026-12-07');
  });

  it('skips the holidays listed in Settings', () => {
    const calendar = withHolidays('2026-12-31', '2027-01-01', '2027-01-04');
    expect(nextBusinessDay('2026-12-30', calendar)).toBe('2027-01-05');
    expect(businessDayOnOrAfter('2026-12-31', calendar)).toBe('2027-01-05');
  });

  it('counts several business days forward', () => {
    expect(addBusinessDays('2026-12-03', 2, DEFAULT_CALENDAR)).toBe('2026-12-07');
  });

  it('honours a six-day working week', () => {
    const sixDays = { workingWeekdays: [1, 2, 3, 4, 5, 6] as const, holidays: [] };
    expect(nextBusinessDay('2026-12-04', sixDays)).toBe('2026-12-05');
  });
});

describe('startOfDay', () => {
  it('is local midnight of the day in the time zone', () => {
    expect(startOfDay('2026-11-30', 'Europe/Moscow').toISOString()).toBe('2026-11-29T21:00:00.000Z');
    expect(startOfDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('round-trips with isoDayInTimeZone', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Vladivostok', 'America/New_York', 'UTC']) {
      expect(isoDayInTimeZone(startOfDay('2026-03-08', zone), zone)).toBe('2026-03-08');
    }
  });
});
