// Which team everyone is in when the Team sheet leaves the team cell blank: a manager belongs to
// their administrator's team, and an administrator without a team name whose managers name them
// leads a team named after them. So a Team sheet of e-mail, name, role, administrator and active (docs/architecture.md §3) is enough;
// the team column only matters for an administrator who leads several teams.

import { labelKey } from './cells';
import type { TeamMember } from './planning';

function firstTeam(cell: string): string {
  return (
    cell
      .split(/[;,]/)
      .map((part) => part.trim())
      .find((part) => part !== '') ?? ''
  );
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
