import { errorOf } from './errors.testkit';
import fc from 'fast-check';
import { accessPlan } from './access';
import type { TeamMember } from './planning';
import {
  administratorsOf,
  chooseTeam,
  leadsTeam,
  listedOnce,
  reachOf,
  teamsOf,
  withImplicitTeams,
} from './teams';

function member(email: string, fields: Partial<TeamMember> = {}): TeamMember {
  return { email, name: email, role: 'manager', administrator: '', team: '', active: true, ...fields };
}

describe('teams left blank on the Team sheet', () => {
  it("put a manager in their administrator's team", () => {
    const [, manager] = withImplicitTeams([
      member('boss@firm.ru', { role: 'administrator', name: 'Петрова', team: 'Команда Петровой' }),
      member('anna@firm.ru', { administrator: 'boss@firm.ru' }),
    ]);
    expect(manager?.team).toBe('Команда Петровой');
  });

  it('name a team after its administrator when nobody named it', () => {
    const [boss, anna] = withImplicitTeams([
      member('boss@firm.ru', { role: 'administrator', name: 'Петрова' }),
      member('anna@firm.ru', { administrator: 'BOSS@firm.ru' }),
    ]);
    expect(boss?.team).toBe('Петрова');
    expect(anna?.team).toBe('Петрова');
  });

  it('leave an administrator nobody names without a team', () => {
    const [boss] = withImplicitTeams([member('boss@firm.ru', { role: 'administrator', name: 'Петрова' })]);
    expect(boss?.team).toBe('');
  });

  it('keep every team someone typed, and a manager without administrator without a team', () => {
    const members = [
      member('boss@firm.ru', { role: 'administrator', team: 'Север; Юг' }),
      member('anna@firm.ru', { administrator: 'boss@firm.ru', team: 'Юг' }),
      member('oleg@firm.ru'),
    ];
    expect(withImplicitTeams(members)).toEqual(members);
  });
});

const admin = (email: string, team: string, fields: Partial<TeamMember> = {}): TeamMember =>
  member(email, { role: 'administrator', team, ...fields });

describe('who leads which team', () => {
  const team = [
    admin('boss@firm.ru', 'Север; Юг'),
    admin('gone@firm.ru', 'Запад', { active: false }),
    admin('new@firm.ru', ''),
    member('anna@firm.ru', { administrator: 'new@firm.ru', team: 'Восток' }),
    member('oleg@firm.ru', { administrator: 'gone@firm.ru', team: 'Запад' }),
  ];

  it('gives an administrator every team their cell names and the teams of managers who name them', () => {
    expect(teamsOf('BOSS@firm.ru', team)).toEqual(['Север', 'Юг']);
    expect(teamsOf('new@firm.ru', team)).toEqual(['Восток']);
  });

  it('gives an administrator made inactive no team, even one their managers still name', () => {
    expect(teamsOf('gone@firm.ru', team)).toEqual([]);
    expect(administratorsOf('Запад', team)).toEqual([]);
  });

  it('gives nothing through the row of a manager made inactive that still names the administrator', () => {
    const stale = [
      ...team,
      member('gone-manager@firm.ru', { administrator: 'new@firm.ru', team: 'Юг', active: false }),
    ];
    expect(teamsOf('new@firm.ru', stale)).toEqual(['Восток']);
    expect(administratorsOf('Юг', stale)).toEqual(['boss@firm.ru']);
  });

  it('reads a team name with a comma as one team, separating teams by ";" only', () => {
    const comma = [admin('anna@firm.ru', 'Продажи, Москва'), admin('boris@firm.ru', 'Москва')];
    expect(teamsOf('anna@firm.ru', comma)).toEqual(['Продажи, Москва']);
    expect(administratorsOf('Москва', comma)).toEqual(['boris@firm.ru']);
  });

  it('gives a manager no team to lead', () => {
    expect(teamsOf('anna@firm.ru', team)).toEqual([]);
    expect(leadsTeam('anna@firm.ru', 'Восток', team)).toBe(false);
  });

  it('names the administrators of a team, whichever way Team says they lead it', () => {
    expect(administratorsOf('юг', team)).toEqual(['boss@firm.ru']);
    expect(administratorsOf('Восток', team)).toEqual(['new@firm.ru']);
  });

  it('picks the only team, or the one named, and refuses one the administrator does not lead', () => {
    expect(chooseTeam(undefined, 'new@firm.ru', team)).toBe('Восток');
    expect(chooseTeam(' юг ', 'boss@firm.ru', team)).toBe('Юг');
    expect(errorOf(() => chooseTeam(undefined, 'boss@firm.ru', team)).code).toBe('campaign.chooseTeam');
    expect(errorOf(() => chooseTeam('Восток', 'boss@firm.ru', team)).code).toBe(
      'planning.notTeamAdministrator',
    );
    expect(errorOf(() => chooseTeam(undefined, 'gone@firm.ru', team)).code).toBe('campaign.noTeam');
  });

  it('lets the owner who leads no team act on every team, and nobody else off Team act at all', () => {
    expect(reachOf('owner@firm.ru', team, () => 'Owner@firm.ru')).toEqual({ everyTeam: true });
    expect(reachOf('boss@firm.ru', team, () => 'boss@firm.ru')).toEqual({
      everyTeam: false,
      teams: ['Север', 'Юг'],
    });
    expect(reachOf('stranger@firm.ru', team, () => 'owner@firm.ru')).toBeNull();
    expect(reachOf('anna@firm.ru', team, () => 'owner@firm.ru')).toBeNull();
  });

  it('gives file access to exactly the administrators the tools let act on the team', () => {
    const emails = ['a@firm.ru', 'b@firm.ru', 'c@firm.ru', 'd@firm.ru'];
    const teams = ['Север', 'Юг', 'север', ''];
    const row = fc.record({
      email: fc.constantFrom(...emails),
      role: fc.constantFrom<TeamMember['role']>('administrator', 'manager'),
      administrator: fc.constantFrom('', ...emails),
      team: fc.constantFrom(...teams, 'Север; Юг'),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom('Север', 'Юг'), (rows, workbookTeam) => {
        const members = rows.map((fields) => member(fields.email, fields));
        const plan = accessPlan({
          members,
          owner: 'owner@firm.ru',
          jobsOwner: 'owner@firm.ru',
          workbooks: [{ id: 'wb', team: workbookTeam, managers: [] }],
        });
        const granted = plan.workbooks[0]?.protectionEditors.filter((email) => email !== 'owner@firm.ru');
        const leaders = emails.filter((email) => leadsTeam(email, workbookTeam, members));
        expect([...(granted ?? [])].sort()).toEqual(leaders);
      }),
    );
  });
});

describe('each person counted once', () => {
  const onSheet = (email: string, team: string) => ({
    ...member(email, { team }),
    sheet: `Менеджеры · ${team}`,
  });

  it('ignores a managers sheet row of someone Team or another team listed first, keeping Team’s own rows', () => {
    const rows = [
      member('a@f.ru', { role: 'administrator', team: 'A' }),
      member('m1@f.ru', { team: 'A' }),
      member('m1@f.ru', { team: 'A', active: false }),
      onSheet('m1@f.ru', 'B'),
      onSheet('m2@f.ru', 'A'),
      onSheet('M2@f.ru', 'B'),
    ];
    expect(listedOnce(rows).map((row) => [row.email, row.team])).toEqual([
      ['a@f.ru', 'A'],
      ['m1@f.ru', 'A'],
      ['m1@f.ru', 'A'],
      ['m2@f.ru', 'A'],
    ]);
  });
});
