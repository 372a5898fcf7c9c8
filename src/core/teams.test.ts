import type { TeamMember } from './planning';
import { withImplicitTeams } from './teams';

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
