import { planReassign, spreadEvenly, type AssignableClient } from './reassign';
import type { TeamMember } from './planning';

const member = (
  email: string,
  team: string,
  role: TeamMember['role'] = 'manager',
  active = true,
): TeamMember => ({
  email,
  name: email,
  role,
  administrator: role === 'manager' ? 'boss@firm.ru' : '',
  team,
  active,
});
const members = [member('a@f.ru', 'A'), member('b@f.ru', 'A'), member('c@f.ru', 'A'), member('x@f.ru', 'X')];
const client = (id: string, manager: string): AssignableClient => ({
  id,
  organisation: id,
  manager,
  doNotCall: false,
});

describe('spreading and reassigning clients', () => {
  it('gives each new client to the manager with the fewest, ties to the first listed', () => {
    expect(spreadEvenly(3, ['a', 'b'], new Map([['a', 1]]))).toEqual(['b', 'a', 'b']);
    expect(spreadEvenly(2, [])).toEqual([]);
  });

  it('spreads a leaving manager’s clients over the rest of the team', () => {
    const clients = [client('C-1', 'a@f.ru'), client('C-2', 'a@f.ru'), client('C-3', 'b@f.ru')];
    const moves = planReassign({ fromManager: 'a@f.ru' }, clients, members, ['A']);
    expect(moves.map((m) => [m.clientId, m.to])).toEqual([
      ['C-1', 'c@f.ru'],
      ['C-2', 'b@f.ru'],
    ]);
  });

  it('refuses another team’s clients and managers', () => {
    const clients = [client('C-1', 'a@f.ru'), client('C-9', 'x@f.ru')];
    expect(() => planReassign({ clientIds: ['C-9'], toManager: 'b@f.ru' }, clients, members, ['A'])).toThrow(
      expect.objectContaining({ code: 'reassign.otherTeam' }),
    );
    expect(() =>
      planReassign({ clientIds: ['C-1'], toManager: 'x@f.ru' }, clients, members, ['A', 'X']),
    ).toThrow(expect.objectContaining({ code: 'reassign.otherTeamManager' }));
  });
});
