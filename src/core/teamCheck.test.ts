import { checkTeam, problemsFor, type TeamRow } from './teamCheck';

let nextRow = 2;
const row = (fields: Partial<TeamRow>): TeamRow => ({
  rowNumber: nextRow++,
  email: 'm@f.ru',
  name: 'M',
  role: 'manager',
  administrator: 'boss@f.ru',
  team: 'A',
  active: true,
  ...fields,
});

beforeEach(() => {
  nextRow = 2;
});

describe('Team sheet check', () => {
  it('finds a duplicated e-mail, a manager without an administrator and an administrator of an unknown team', () => {
    const problems = checkTeam([
      row({ email: 'boss@f.ru', role: 'administrator', administrator: '', team: 'A; Ghost' }),
      row({ email: 'm1@f.ru' }),
      row({ email: 'm1@f.ru' }),
      row({ email: 'm2@f.ru', team: 'B', administrator: '' }),
      row({ email: 'm3@f.ru', administrator: 'nobody@f.ru' }),
    ]);
    expect(problems.map((p) => [p.rowNumber, p.key])).toEqual([
      [2, 'team.administratorOfUnknownTeam'],
      [4, 'team.duplicateEmail'],
      [5, 'team.managerWithoutAdministrator'],
      [6, 'team.unknownAdministrator'],
    ]);
  });

  it('lets a team act despite another team’s mistakes, but never despite a duplicated e-mail', () => {
    const problems = checkTeam([
      row({ email: 'boss@f.ru', role: 'administrator', administrator: '', team: 'A' }),
      row({ email: 'm1@f.ru' }),
      row({ email: 'm2@f.ru', team: 'B', administrator: '' }),
    ]);
    expect(problemsFor(problems, ['A'])).toEqual([]);
    expect(problemsFor(problems, ['B'])).toHaveLength(1);
    expect(checkTeam([row({}), row({ active: false })]).map((p) => p.key)).toContain('team.duplicateEmail');
  });

  it('ignores inactive managers who have no administrator any more', () => {
    expect(checkTeam([row({ administrator: '', active: false })])).toEqual([]);
  });
});
