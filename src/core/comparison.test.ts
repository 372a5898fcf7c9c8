import { managerComparison, comparisonLayout, type WeekResult } from './comparison';

const result = (manager: string, weekStart: string, paid: number, current = false): WeekResult => ({
  campaign: weekStart,
  manager,
  name: manager,
  listSize: 10,
  called: 10,
  agreed: paid,
  paid,
  weekStart,
  current,
});

describe('comparing managers', () => {
  it('uses only the last N weeks plus the current one, and computes the trend against their mean', () => {
    const { lines, earlierWeeks } = managerComparison(
      [
        result('anna', '2026-11-02', 9),
        result('anna', '2026-11-09', 2),
        result('anna', '2026-11-16', 4),
        result('anna', '2026-11-23', 5, true),
      ],
      [],
      2,
    );
    expect(earlierWeeks).toEqual(['2026-11-16', '2026-11-09']);
    expect(lines[0]).toMatchObject({ weeks: 3, paid: 11, currentRate: 0.5 });
    expect(lines[0]?.earlierRate).toBeCloseTo(0.3);
    expect(lines[0]?.trend).toBeCloseTo(0.2);
  });

  it('lists managers without results after the ranked ones, unranked', () => {
    const { lines } = managerComparison(
      [result('anna', '2026-11-02', 1)],
      [{ email: 'new', name: 'Новый' }],
      4,
    );
    expect(lines.map((line) => [line.manager, line.rank])).toEqual([
      ['anna', 1],
      ['new', null],
    ]);
  });

  it('lays the report out with a header and empty cells for missing rates', () => {
    const layout = comparisonLayout(managerComparison([], [{ email: 'new', name: 'Новый' }], 4), 'A', 'ru');
    expect(layout.cells[0]?.[0]).toBe('Сравнение менеджеров — A');
    expect(layout.cells[4]?.slice(0, 3)).toEqual(['', 'Новый', 'new']);
  });
});
