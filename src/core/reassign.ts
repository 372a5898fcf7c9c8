// Who gets which client: spreading clients evenly across a team's managers, and moving clients
// from one manager to another (selected clients, or every client of a manager who left). A client
// belongs to the team of its manager; an administrator may move only their own teams' clients, and
// only to an active manager of the same team. Decisions only: the gas layer applies the moves.

import { labelKey } from './cells';
import { ProzvonError } from './errors';
import type { TeamMember } from './planning';

/**
 * Managers for `count` new clients, each to whoever has the fewest clients so far (counting the
 * ones already given out); ties go to the manager listed first, so the result is always the same.
 * @example spreadEvenly(3, ['a', 'b'], new Map([['a', 1]])) //=> ['b', 'a', 'b']
 */
export function spreadEvenly(
  count: number,
  managers: readonly string[],
  load: ReadonlyMap<string, number> = new Map(),
): string[] {
  if (managers.length === 0) return [];
  const current = managers.map((manager) => load.get(manager) ?? 0);
  const result: string[] = [];
  for (let n = 0; n < count; n += 1) {
    let best = 0;
    current.forEach((value, index) => {
      if (value < (current[best] ?? 0)) best = index;
    });
    result.push(managers[best] as string);
    current[best] = (current[best] ?? 0) + 1;
  }
  return result;
}

/** A Clients row, as far as moving needs it. */
export interface AssignableClient {
  readonly id: string;
  readonly organisation: string;
  readonly manager: string;
  readonly doNotCall: boolean;
}

export interface ReassignRequest {
  /** These clients… */
  readonly clientIds?: readonly string[] | undefined;
  /** …or every client of this manager (e-mail). */
  readonly fromManager?: string | undefined;
  /** The new manager's e-mail; blank: spread across the team's other active managers. */
  readonly toManager?: string | undefined;
}

export interface Move {
  readonly clientId: string;
  readonly organisation: string;
  readonly from: string;
  readonly to: string;
  readonly team: string;
}

const same = (a: string, b: string): boolean => labelKey(a) === labelKey(b);

function teamOf(members: readonly TeamMember[], email: string): string {
  return members.find((member) => same(member.email, email))?.team ?? '';
}

/** The clients a request names: by ID, or every client of a manager. */
function chosenClients(
  request: ReassignRequest,
  clients: readonly AssignableClient[],
  members: readonly TeamMember[],
): AssignableClient[] {
  const ids = (request.clientIds ?? []).map((id) => id.trim()).filter((id) => id !== '');
  const from = (request.fromManager ?? '').trim().toLowerCase();
  if (ids.length > 0) {
    const missing = ids.filter((id) => !clients.some((client) => same(client.id, id)));
    if (missing.length > 0) throw new ProzvonError('reassign.unknownClient', { clients: missing.join(', ') });
    return clients.filter((client) => ids.some((id) => same(client.id, id)));
  }
  if (from !== '') {
    if (!members.some((member) => same(member.email, from)))
      throw new ProzvonError('reassign.unknownManager', { manager: from });
    return clients.filter((client) => same(client.manager, from));
  }
  throw new ProzvonError('reassign.nothingChosen');
}

function assertOwnTeams(
  chosen: readonly AssignableClient[],
  members: readonly TeamMember[],
  teams: readonly string[],
): void {
  const mine = (team: string) => team !== '' && teams.some((own) => same(own, team));
  const foreign = chosen.filter((client) => !mine(teamOf(members, client.manager)));
  if (foreign.length > 0) {
    throw new ProzvonError('reassign.otherTeam', {
      clients: foreign.map((client) => client.id).join(', '),
    });
  }
}

/** Every chosen client to one active manager of the clients' team (those already theirs stay). */
function movesTo(to: string, chosen: readonly AssignableClient[], members: readonly TeamMember[]): Move[] {
  const target = members.find((member) => same(member.email, to));
  if (!target || target.role !== 'manager' || !target.active)
    throw new ProzvonError('reassign.unknownManager', { manager: to });
  const wrong = chosen.filter((client) => !same(teamOf(members, client.manager), target.team));
  if (wrong.length > 0)
    throw new ProzvonError('reassign.otherTeamManager', {
      manager: to,
      team: teamOf(members, wrong[0]?.manager ?? ''),
    });
  return chosen
    .filter((client) => !same(client.manager, target.email))
    .map((client) => ({
      clientId: client.id,
      organisation: client.organisation,
      from: client.manager,
      to: target.email,
      team: target.team,
    }));
}

/** Spread: per team, over its active managers other than the clients' current ones. */
function spreadMoves(
  chosen: readonly AssignableClient[],
  clients: readonly AssignableClient[],
  members: readonly TeamMember[],
): Move[] {
  const moves: Move[] = [];
  const byTeam = new Map<string, AssignableClient[]>();
  for (const client of chosen) {
    const team = labelKey(teamOf(members, client.manager));
    byTeam.set(team, [...(byTeam.get(team) ?? []), client]);
  }
  for (const group of byTeam.values()) {
    const team = teamOf(members, group[0]?.manager ?? '');
    const sources = new Set(group.map((client) => labelKey(client.manager)));
    const targets = members
      .filter((member) => member.active && member.role === 'manager' && same(member.team, team))
      .map((member) => member.email)
      .filter((email) => !sources.has(labelKey(email)));
    if (targets.length === 0) throw new ProzvonError('reassign.noManagersLeft', { team });
    const load = new Map<string, number>();
    for (const client of clients) {
      if (!client.doNotCall) load.set(client.manager, (load.get(client.manager) ?? 0) + 1);
    }
    const assigned = spreadEvenly(group.length, targets, load);
    group.forEach((client, index) => {
      moves.push({
        clientId: client.id,
        organisation: client.organisation,
        from: client.manager,
        to: assigned[index] ?? '',
        team,
      });
    });
  }
  return moves;
}

/**
 * The moves of a reassignment by an administrator of `teams`.
 * @throws ProzvonError reassign.nothingChosen, .unknownClient, .unknownManager, .otherTeam,
 *   .otherTeamManager, .noManagersLeft
 */
export function planReassign(
  request: ReassignRequest,
  clients: readonly AssignableClient[],
  members: readonly TeamMember[],
  teams: readonly string[],
): Move[] {
  const chosen = chosenClients(request, clients, members);
  assertOwnTeams(chosen, members, teams);
  const to = (request.toManager ?? '').trim().toLowerCase();
  return to !== '' ? movesTo(to, chosen, members) : spreadMoves(chosen, clients, members);
}
