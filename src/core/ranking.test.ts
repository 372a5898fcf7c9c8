import { rankManagers, type ManagerResult } from './ranking';

function result(
  manager: string,
  listSize: number,
  paid: number,
  fields: Partial<ManagerResult> = {},
): ManagerResult {
  return {
    campaign: 'w49',
    manager,
    name: manager,
    listSize,
    called: listSize,
    agreed: paid,
    paid,
    ...fields,
  };
}

describe('ranking managers', () => {
  it('normalises by list size, so a long list does not win by raw counts', () => {
    const { ranking, best, worst } = rankManagers([result('anna', 100, 10), result('oleg', 20, 4)]);
    expect(ranking.map((r) => [r.rank, r.manager, r.paidRate, r.mark])).toEqual([
      [1, 'oleg', 0.2, 'best'],
      [2, 'anna', 0.1, 'worst'],
    ]);
    expect([best?.manager, worst?.manager]).toEqual(['oleg', 'anna']);
  });

  it('adds up several campaigns before dividing', () => {
    const { ranking } = rankManagers([
      result('anna', 10, 5),
      result('anna', 30, 1, { campaign: 'w50' }),
      result('oleg', 10, 2),
    ]);
    expect(ranking.find((r) => r.manager === 'anna')).toMatchObject({
      campaigns: 2,
      listSize: 40,
      paid: 6,
      paidRate: 0.15,
    });
  });

  it('breaks ties by agreed rate, then called rate, then name', () => {
    const { ranking } = rankManagers([
      result('boris', 10, 1, { agreed: 3 }),
      result('anna', 10, 1, { agreed: 3 }),
      result('vera', 10, 1, { agreed: 5 }),
      result('gleb', 10, 1, { agreed: 3, called: 5 }),
    ]);
    expect(ranking.map((r) => r.manager)).toEqual(['vera', 'anna', 'boris', 'gleb']);
  });

  it('gives the same order whatever the input order', () => {
    const results = [result('a', 10, 1), result('b', 10, 1), result('c', 5, 1), result('d', 0, 0)];
    const order = rankManagers(results).ranking.map((r) => r.manager);
    expect(rankManagers([...results].reverse()).ranking.map((r) => r.manager)).toEqual(order);
  });

  it('leaves managers with empty lists unranked, and names no worst for one manager', () => {
    const ranking = rankManagers([result('anna', 10, 1), result('oleg', 0, 0)]);
    expect(ranking.unranked).toEqual(['oleg']);
    expect(ranking.worst).toBeNull();
    expect(ranking.best?.mark).toBe('best');
  });
});
