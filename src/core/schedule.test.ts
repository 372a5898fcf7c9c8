import { DEFAULT_CADENCE } from './cadence';
import { dayPlans, weekCalendar, type ScheduledRow } from './schedule';

function scheduled(
  clientId: string,
  nextCallDate: string | null,
  lastCallDay: string | null = null,
  manager = 'anna',
): ScheduledRow {
  return { manager, clientId, nextCallDate, lastCallDay };
}

describe('a manager’s day', () => {
  it('lists the rows due today, the overdue ones and the ones already called today', () => {
    const rows = [
      scheduled('C-1', '2026-12-01'),
      scheduled('C-2', '2026-11-30'),
      scheduled('C-3', '2026-12-02', '2026-12-01'),
      scheduled('C-4', null, '2026-12-01'),
      scheduled('C-5', null),
      scheduled('C-6', '2026-12-01', null, 'oleg'),
    ];
    expect(dayPlans(rows, '2026-12-01')).toEqual([
      { manager: 'anna', day: '2026-12-01', due: ['C-1'], overdue: ['C-2'], done: ['C-3', 'C-4'] },
      { manager: 'oleg', day: '2026-12-01', due: ['C-6'], overdue: [], done: [] },
    ]);
  });
});

describe('the week’s calendar', () => {
  it('places each cadence step on its day and counts the calls due', () => {
    const campaign = { weekStart: '2026-11-30', seminarDate: '2026-12-05' };
    const days = weekCalendar(campaign, DEFAULT_CADENCE, [
      { nextCallDate: '2026-11-30' },
      { nextCallDate: '2026-11-30' },
      { nextCallDate: '2026-12-02' },
      { nextCallDate: null },
    ]);
    expect(days.map((d) => [d.day, d.steps, d.callsDue])).toEqual([
      ['2026-11-30', ['OFFER_SEMINAR'], 2],
      ['2026-12-01', ['OFFER_INVOICE'], 0],
      ['2026-12-02', ['ASK_PAYMENT'], 1],
      ['2026-12-03', [], 0],
      ['2026-12-04', ['TELL_VENUE'], 0],
      ['2026-12-05', [], 0],
      ['2026-12-06', [], 0],
      ['2026-12-07', ['ASK_FEEDBACK'], 0],
    ]);
  });
});
