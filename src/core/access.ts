// Who may edit which file, from the Team sheet alone: the master and the weekly template — the
// owner, the owner of the nightly jobs and every active administrator; a team's weekly workbook —
// those two, the team's active administrators, and the active managers with a sheet in it. Anyone
// else with edit access (made inactive, taken off Team, or never on it) loses it.
//
// Inside the master, who leads which team is the owner's decision: Team itself is editable only by
// the owner and the jobs owner (the keepers), and each team's managers sheet by the keepers and
// that team's administrators — so an administrator cannot give themselves another team, and
// Google, not Prozvon, refuses the edit.

import { labelKey } from './cells';
import type { TeamMember } from './planning';
import { administratorsOf, teamsOf } from './teams';

export interface FileAccess {
  /** Everyone who may edit the file (lower case). */
  readonly editors: readonly string[];
  /** Who may edit the script's own protected sheets in it (administrators and the jobs owner). */
  readonly protectionEditors: readonly string[];
}

export interface AccessInput {
  readonly members: readonly TeamMember[];
  readonly owner: string;
  readonly jobsOwner: string;
  /** Teams whose managers sheet exists already (a team no one leads any more keeps its sheet). */
  readonly managerSheetTeams?: readonly string[];
  /** The tracked weekly workbooks: id, team and the managers who have a sheet in it. */
  readonly workbooks: readonly {
    readonly id: string;
    readonly team: string;
    readonly managers: readonly string[];
  }[];
}

export interface AccessPlan {
  readonly master: FileAccess;
  /** Who may edit the Team sheet: the keepers only. */
  readonly teamSheetEditors: readonly string[];
  /** Each team's managers sheet: the team (as first spelled) and who may edit it. */
  readonly managerSheets: readonly { readonly team: string; readonly editors: readonly string[] }[];
  readonly workbooks: readonly (FileAccess & { readonly id: string })[];
}

const unique = (emails: readonly string[]): string[] =>
  [...new Set(emails.map((email) => email.trim().toLowerCase()))].filter((email) => email !== '');

export function accessPlan(input: AccessInput): AccessPlan {
  const administrators = input.members.filter((member) => member.active && member.role === 'administrator');
  const activeManagers = new Set(
    input.members
      .filter((member) => member.active && member.role === 'manager')
      .map((m) => labelKey(m.email)),
  );
  const keepers = [input.owner, input.jobsOwner];
  const masterEditors = unique([...keepers, ...administrators.map((member) => member.email)]);
  const teams = new Map<string, string>();
  for (const team of [
    ...administrators.flatMap((member) => teamsOf(member.email, input.members)),
    ...(input.managerSheetTeams ?? []),
  ])
    if (!teams.has(labelKey(team))) teams.set(labelKey(team), team);
  return {
    master: { editors: masterEditors, protectionEditors: masterEditors },
    teamSheetEditors: unique(keepers),
    managerSheets: [...teams.values()].map((team) => ({
      team,
      editors: unique([...keepers, ...administratorsOf(team, input.members)]),
    })),
    workbooks: input.workbooks.map((workbook) => {
      const protectionEditors = unique([...keepers, ...administratorsOf(workbook.team, input.members)]);
      const managers = workbook.managers.filter((email) => activeManagers.has(labelKey(email)));
      return { id: workbook.id, editors: unique([...protectionEditors, ...managers]), protectionEditors };
    }),
  };
}
