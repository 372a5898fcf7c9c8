import { accessPlan } from './access';
import type { TeamMember } from './planning';

const member = (overrides: Partial<TeamMember> & Pick<TeamMember, 'email' | 'role'>): TeamMember => ({
  name: overrides.email,
  administrator: '',
  team: 'Север',
  active: true,
  ...overrides,
});

const TEAM = [
  member({ email: 'admin@firm.ru', role: 'administrator' }),
  member({ email: 'other@firm.ru', role: 'administrator', team: 'Юг' }),
  member({ email: 'gone@firm.ru', role: 'administrator', active: false }),
  member({ email: 'm1@firm.ru', role: 'manager', administrator: 'admin@firm.ru' }),
  member({ email: 'm2@firm.ru', role: 'manager', administrator: 'admin@firm.ru', active: false }),
];

const plan = (members = TEAM) =>
  accessPlan({
    members,
    owner: 'owner@firm.ru',
    jobsOwner: 'admin@firm.ru',
    workbooks: [{ id: 'wb', team: 'Север', managers: ['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'] }],
  });

describe('who may edit what, from the Team sheet', () => {
  it('lets the owner, the jobs owner and every active administrator edit the master', () => {
    expect([...plan().master.editors].sort()).toEqual(['admin@firm.ru', 'other@firm.ru', 'owner@firm.ru']);
  });

  it('takes the master away from an administrator made inactive', () => {
    expect(plan().master.editors).not.toContain('gone@firm.ru');
  });

  it('lets only the team’s administrators and its active managers with a sheet edit a weekly workbook', () => {
    const [workbook] = plan().workbooks;
    expect([...(workbook?.editors ?? [])].sort()).toEqual(['admin@firm.ru', 'm1@firm.ru', 'owner@firm.ru']);
    expect(workbook?.editors).not.toContain('other@firm.ru');
  });

  it('takes a workbook away from a manager taken off Team', () => {
    const [workbook] = plan(TEAM.filter((m) => m.email !== 'm1@firm.ru')).workbooks;
    expect(workbook?.editors).not.toContain('m1@firm.ru');
  });
});

describe('who decides who leads which team, inside the master', () => {
  it('lets only the owner and the jobs owner edit the Team sheet, not the administrators', () => {
    expect([...plan().teamSheetEditors].sort()).toEqual(['admin@firm.ru', 'owner@firm.ru']);
  });

  it('gives each led team a managers sheet its own administrators edit, and no one else’s', () => {
    const sheets = Object.fromEntries(
      plan().managerSheets.map((sheet) => [sheet.team, [...sheet.editors].sort()]),
    );
    expect(sheets).toEqual({
      Север: ['admin@firm.ru', 'owner@firm.ru'],
      Юг: ['admin@firm.ru', 'other@firm.ru', 'owner@firm.ru'],
    });
  });

  it('keeps a managers sheet of a team no one leads any more, for the keepers only', () => {
    const members = TEAM.filter((m) => m.email !== 'other@firm.ru');
    const gone = accessPlan({
      members,
      owner: 'owner@firm.ru',
      jobsOwner: '',
      managerSheetTeams: ['юг'],
      workbooks: [],
    }).managerSheets.find((sheet) => sheet.team === 'юг');
    expect(gone?.editors).toEqual(['owner@firm.ru']);
  });
});
