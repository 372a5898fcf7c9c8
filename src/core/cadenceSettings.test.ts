import { DEFAULT_CADENCE } from './cadence';
import { defaultCadenceSettingRows, parseCadenceSettings } from './cadenceSettings';
import { ProzvonError } from './errors';

describe('cadence settings', () => {
  it('round-trip through the rows Set up master writes, in either language', () => {
    for (const lang of ['ru', 'en'] as const) {
      const values = Object.fromEntries(defaultCadenceSettingRows(lang).map((row) => [row.key, row.value]));
      expect(parseCadenceSettings(values, 'Europe/Moscow', lang)).toEqual(DEFAULT_CADENCE);
    }
  });

  it('keep defaults for blank values', () => {
    expect(parseCadenceSettings({ offerToInvoiceDays: '' }, 'UTC', 'ru')).toEqual(DEFAULT_CADENCE);
  });

  it('read weekday lists, ranges, holidays and numbers', () => {
    const settings = parseCadenceSettings(
      {
        workingWeekdays: 'Пн-Сб',
        holidays: '31.12.2026, 2027-01-01\n08.01.2027',
        venueWeekday: 'Thu',
        maxNoAnswerAttempts: 3,
      },
      'Europe/Moscow',
      'ru',
    );
    expect(settings.calendar).toEqual({
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-12-31', '2027-01-01', '2027-01-08'],
    });
    expect(settings.venueWeekday).toBe(4);
    expect(settings.maxNoAnswerAttempts).toBe(3);
  });

  it('read a holiday cell holding a sheet date', () => {
    const holiday = new Date('2026-12-30T21:00:00Z');
    expect(parseCadenceSettings({ holidays: holiday }, 'Europe/Moscow', 'ru').calendar.holidays).toEqual([
      '2026-12-31',
    ]);
  });

  it('name the bad setting, its value and what was expected', () => {
    try {
      parseCadenceSettings({ offerToInvoiceDays: 'два' }, 'UTC', 'ru');
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(ProzvonError);
      expect((error as ProzvonError).params).toEqual({
        setting: 'Дней от КП до счёта',
        value: 'два',
        expected: 'целое число от 1 до 30',
      });
    }
    expect(() => parseCadenceSettings({ holidays: '32.12.2026' }, 'UTC', 'en')).toThrow(ProzvonError);
    expect(() => parseCadenceSettings({ workingWeekdays: 'Пт-Пн' }, 'UTC', 'en')).toThrow(ProzvonError);
  });
});
