// Who may edit which file, from the Team sheet alone: the master and the weekly template — the
// owner, the owner of the nightly jobs and every active administrator; a team's weekly workbook —
// those two, the team's active administrators, and the active managers with a sheet in it. Anyone
// else with edit access (made inactive, taken off Team, or never on it) loses it.

import { labelKey } from './cells';
import type { TeamMember } from './planning';
import { administratorsOf } from './teams';

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
  /** The tracked weekly workbooks: id, team and the managers who have a sheet in it. */
  readonly workbooks: readonly {
    readonly id: string;
    readonly team: string;
    readonly managers: readonly string[];
  }[];
}

export interface AccessPlan {
  readonly master: FileAccess;
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
  return {
    master: { editors: masterEditors, protectionEditors: masterEditors },
    workbooks: input.workbooks.map((workbook) => {
      const protectionEditors = unique([...keepers, ...administratorsOf(workbook.team, input.members)]);
      const managers = workbook.managers.filter((email) => activeManagers.has(labelKey(email)));
      return { id: workbook.id, editors: unique([...protectionEditors, ...managers]), protectionEditors };
    }),
  };
}
