// Whether the Team sheet makes sense before anything acts on it: every active manager has an
// administrator who is on Team, every administrator's team has managers, and no e-mail is listed
// twice (it would be ambiguous who someone is). Problems name their row, so the administrator can
// fix the sheet; an action refuses only for problems that concern its own team (or everyone).

import { labelKey } from './cells';
import { teamNames } from './teams';
import { ProzvonError } from './errors';
import { t, type Lang, type MessageKey, type MessageParams } from './messages';
import type { TeamMember } from './planning';

/** A Team row as read, with its sheet row. */
export interface TeamRow extends TeamMember {
  readonly rowNumber: number;
}

export interface TeamProblem {
  readonly rowNumber: number;
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** The teams the problem concerns; empty: every team (a duplicated e-mail). */
  readonly teams: readonly string[];
}

/** Every problem of the Team sheet, in row order. Inactive rows only count for duplicates. */
export function checkTeam(rows: readonly TeamRow[]): TeamProblem[] {
  const problems: TeamProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const first = firstRowOf.get(row.email);
    if (first === undefined) firstRowOf.set(row.email, row.rowNumber);
    else
      problems.push({
        rowNumber: row.rowNumber,
        key: 'team.duplicateEmail',
        params: { row: row.rowNumber, email: row.email, firstRow: first },
        teams: [],
      });
  }
  const administrators = rows.filter((row) => row.active && row.role === 'administrator');
  const managers = rows.filter((row) => row.active && row.role === 'manager');
  const managedTeams = new Set(managers.map((row) => labelKey(row.team)));
  for (const manager of managers) {
    const params = { row: manager.rowNumber, email: manager.email, team: manager.team };
    if (manager.team === '') {
      problems.push({ rowNumber: manager.rowNumber, key: 'team.managerWithoutTeam', params, teams: [] });
      continue;
    }
    const teams = [manager.team];
    if (manager.administrator === '') {
      const led = administrators.some((admin) =>
        teamNames(admin.team).some((team) => labelKey(team) === labelKey(manager.team)),
      );
      if (!led)
        problems.push({
          rowNumber: manager.rowNumber,
          key: 'team.managerWithoutAdministrator',
          params,
          teams,
        });
    } else if (!administrators.some((admin) => admin.email === manager.administrator)) {
      problems.push({
        rowNumber: manager.rowNumber,
        key: 'team.unknownAdministrator',
        params: { ...params, administrator: manager.administrator },
        teams,
      });
    }
  }
  for (const admin of administrators) {
    for (const team of teamNames(admin.team)) {
      if (!managedTeams.has(labelKey(team)))
        problems.push({
          rowNumber: admin.rowNumber,
          key: 'team.administratorOfUnknownTeam',
          params: { row: admin.rowNumber, email: admin.email, team },
          teams: [team],
        });
    }
  }
  return problems.sort((a, b) => a.rowNumber - b.rowNumber);
}

/** The problems an action on `teams` must not ignore: theirs and those concerning every team. */
export function problemsFor(problems: readonly TeamProblem[], teams: readonly string[]): TeamProblem[] {
  const wanted = new Set(teams.map(labelKey));
  return problems.filter(
    (problem) => problem.teams.length === 0 || problem.teams.some((team) => wanted.has(labelKey(team))),
  );
}

/**
 * Refuses, listing every problem with its row, when the Team sheet is wrong for these teams.
 * @throws ProzvonError team.invalid
 */
export function assertTeamValid(rows: readonly TeamRow[], teams: readonly string[], lang: Lang): void {
  const problems = problemsFor(checkTeam(rows), teams);
  if (problems.length === 0) return;
  throw new ProzvonError('team.invalid', {
    problems: problems.map((problem) => t(lang, problem.key, problem.params)).join('\n'),
  });
}
