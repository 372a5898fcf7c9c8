// Teams from the Team sheet: which team everyone is in when the team cell is left blank, and who
// leads which team — the one policy of who may act on a team's campaigns, clients and files.
//
// A blank team cell: a manager belongs to their administrator's team, and an administrator without
// a team name whose managers name them leads a team named after them. So a Team sheet of e-mail,
// name, role, administrator and active (docs/architecture.md §3) is enough; the team column only
// matters for an administrator who leads several teams.

import { labelKey } from './cells';
import { ProzvonError } from './errors';
import type { TeamMember } from './planning';

function firstTeam(cell: string): string {
  return teamNames(cell)[0] ?? '';
}

/** The members with every blank team filled in (the order and every other field unchanged). */
export function withImplicitTeams<M extends TeamMember>(members: readonly M[]): M[] {
  const administrators = members.filter((member) => member.role === 'administrator');
  const teamOfAdministrator = (email: string): string => {
    const admin = administrators.find((candidate) => labelKey(candidate.email) === labelKey(email));
    if (!admin) return '';
    return firstTeam(admin.team) || admin.name || admin.email;
  };
  const namedByManagers = (email: string): boolean =>
    members.some(
      (member) =>
        member.role === 'manager' &&
        member.team.trim() === '' &&
        labelKey(member.administrator) === labelKey(email),
    );
  return members.map((member) => {
    if (member.team.trim() !== '') return member;
    if (member.role === 'administrator') {
      // Only an administrator whose managers left their team blank leads a team named after them.
      return namedByManagers(member.email) ? { ...member, team: member.name || member.email } : member;
    }
    const team = member.administrator === '' ? '' : teamOfAdministrator(member.administrator);
    return team === '' ? member : { ...member, team };
  });
}

/**
 * Each person once: a row of a team's managers sheet for someone listed before it (on Team, which
 * is the owner's, or by another team first) does not count — one team cannot take another's
 * manager, or their clients, by listing them. Rows of Team itself all stay (the owner's word;
 * the Team check reports a duplicate there).
 */
export function listedOnce<M extends TeamMember & { readonly sheet?: string }>(members: readonly M[]): M[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = labelKey(member.email);
    const again = seen.has(key);
    seen.add(key);
    return member.sheet === undefined || !again;
  });
}

// ── Who leads which team: the one rule every tool, the client card, reconcile, planning and file
// access follow. An active administrator leads the teams their own Team cell names (several
// separated by ';') and the team of every active manager who names them as administrator.

/**
 * The teams an administrator's Team cell names: several separated by ';' ('Север; Юг'). Only ';':
 * a team's name may hold a comma ('Продажи, Москва'), and a manager's cell is read whole.
 */
export function teamNames(cell: string): string[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The teams an administrator leads (as first spelled on Team); none for anyone else. */
export function teamsOf(administrator: string, members: readonly TeamMember[]): string[] {
  const email = labelKey(administrator);
  if (!isActiveAdministrator(email, members)) return [];
  const teams = new Map<string, string>();
  for (const member of members) {
    if (member.role === 'administrator' && member.active && labelKey(member.email) === email) {
      for (const team of teamNames(member.team))
        if (!teams.has(labelKey(team))) teams.set(labelKey(team), team);
    }
    // An inactive manager's row is history, not a say in who leads the team.
    if (
      member.role === 'manager' &&
      member.active &&
      labelKey(member.administrator) === email &&
      member.team.trim() !== ''
    ) {
      if (!teams.has(labelKey(member.team))) teams.set(labelKey(member.team), member.team);
    }
  }
  return [...teams.values()];
}

/** Every team with an active manager, as first spelled on Team (what the owner's reports span). */
export function teamsOnTeam(members: readonly TeamMember[]): string[] {
  const teams = new Map<string, string>();
  for (const member of members) {
    const key = labelKey(member.team);
    if (member.role === 'manager' && member.active && key !== '' && !teams.has(key))
      teams.set(key, member.team);
  }
  return [...teams.values()];
}

/** Whether someone is an active administrator on Team. */
export function isActiveAdministrator(email: string, members: readonly TeamMember[]): boolean {
  return members.some(
    (member) =>
      member.role === 'administrator' && member.active && labelKey(member.email) === labelKey(email),
  );
}

/** Whether an administrator leads a team. */
export function leadsTeam(administrator: string, team: string, members: readonly TeamMember[]): boolean {
  return (
    team.trim() !== '' && teamsOf(administrator, members).some((own) => labelKey(own) === labelKey(team))
  );
}

/** The active administrators who lead a team (lower case). */
export function administratorsOf(team: string, members: readonly TeamMember[]): string[] {
  const emails = members
    .filter((member) => member.role === 'administrator' && member.active)
    .map((member) => member.email.trim().toLowerCase());
  return [...new Set(emails)].filter((email) => leadsTeam(email, team, members));
}

/** The team a member belongs to ('' when they are not on Team). */
export function teamOfMember(email: string, members: readonly TeamMember[]): string {
  return members.find((member) => labelKey(member.email) === labelKey(email))?.team ?? '';
}

/** A team's active managers, in Team order. */
export function activeManagers<M extends TeamMember>(members: readonly M[], team: string): M[] {
  return members.filter((m) => m.active && m.role === 'manager' && labelKey(m.team) === labelKey(team));
}

/**
 * The team an administrator means: the one named (if they lead it), or their only team.
 * @throws ProzvonError planning.notTeamAdministrator, campaign.noTeam, campaign.chooseTeam
 */
export function chooseTeam(
  requested: string | undefined,
  administrator: string,
  members: readonly TeamMember[],
): string {
  const teams = teamsOf(administrator, members);
  const wanted = (requested ?? '').trim();
  if (wanted !== '') {
    const match = teams.find((team) => labelKey(team) === labelKey(wanted));
    if (!match)
      throw new ProzvonError('planning.notTeamAdministrator', { email: administrator, team: wanted });
    return match;
  }
  if (teams.length === 0) throw new ProzvonError('campaign.noTeam', { email: administrator });
  if (teams.length > 1) throw new ProzvonError('campaign.chooseTeam', { teams: teams.join(', ') });
  return teams[0] ?? '';
}

/**
 * The teams a user may act on across the organisation (reconcile, the client card): the teams they
 * lead, or every team for the master's owner who leads none — the owner sets the master up and
 * need not be on Team. Null for anyone else.
 */
export function reachOf(
  user: string,
  members: readonly TeamMember[],
  /** Asked only when the user leads no team (it costs the shell a call). */
  ownerOf: () => string,
): { readonly everyTeam: true } | { readonly everyTeam: false; readonly teams: readonly string[] } | null {
  const teams = teamsOf(user, members);
  if (teams.length > 0) return { everyTeam: false, teams };
  const owner = ownerOf();
  if (owner !== '' && labelKey(user) === labelKey(owner)) return { everyTeam: true };
  return isActiveAdministrator(user, members) ? { everyTeam: false, teams: [] } : null;
}
