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

describe('the teams’ managers sheets in the Team check', () => {
  const listed = (email: string, team: string, sheet: string, rowNumber = 2): TeamRow => ({
    rowNumber,
    sheet,
    email,
    name: email,
    role: 'manager',
    administrator: '',
    team,
    active: true,
  });
  const admins = [
    row({ email: 'a@f.ru', role: 'administrator', administrator: '', team: 'A' }),
    row({ email: 'b@f.ru', role: 'administrator', administrator: '', team: 'B' }),
    row({ email: 'm1@f.ru', administrator: 'a@f.ru' }),
  ];

  it('stops no team for a person a managers sheet lists again: that row just does not count', () => {
    const problems = checkTeam([...admins, listed('m1@f.ru', 'B', 'Менеджеры · B')]);
    expect([problemsFor(problems, ['A']), problemsFor(problems, ['B'])]).toEqual([[], []]);
  });

  it('lists Team’s problems first, then each managers sheet’s in row order', () => {
    const problems = checkTeam([
      row({ email: 'x@f.ru', administrator: 'gone@f.ru', active: false }),
      row({ email: 'z@f.ru', administrator: 'gone@f.ru' }),
      listed('y@f.ru', 'Ghost', 'Менеджеры · Ghost', 3),
      listed('x@f.ru', 'A', 'Менеджеры · A', 5),
    ]);
    expect(problems.map((p) => [p.sheet, p.rowNumber, p.key])).toEqual([
      ['', 3, 'team.unknownAdministrator'],
      ['Менеджеры · A', 5, 'team.managerWithoutAdministrator'],
      ['Менеджеры · Ghost', 3, 'team.managerWithoutAdministrator'],
    ]);
  });
});
