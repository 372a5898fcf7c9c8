// Whether the Team sheet makes sense before anything acts on it: every active manager has an
// administrator who is on Team, every administrator's team has managers, and no e-mail is listed
// twice (it would be ambiguous who someone is). Problems name their row, so the administrator can
// fix the sheet; an action refuses only for problems that concern its own team (or everyone).

import { labelKey } from './cells';
import { teamNames } from './teams';
import { ProzvonError } from './errors';
import { t, type Lang, type MessageKey, type MessageParams } from './messages';
import type { TeamMember } from './planning';

/** A Team row as read, with its sheet row; `sheet` names a team's managers sheet it came from. */
export interface TeamRow extends TeamMember {
  readonly rowNumber: number;
  readonly sheet?: string;
}

const at = (row: TeamRow) => ({ rowNumber: row.rowNumber, sheet: row.sheet ?? '' });

/** Where a row is, for messages: its number, and the managers sheet when it is not on Team. */
function rowOf(row: TeamRow): string | number {
  return row.sheet === undefined ? row.rowNumber : `${row.rowNumber} («${row.sheet}»)`;
}

export interface TeamProblem {
  readonly rowNumber: number;
  /** The managers sheet of the row ('' for Team). */
  readonly sheet: string;
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** The teams the problem concerns; empty: every team (a duplicated e-mail). */
  readonly teams: readonly string[];
}

/**
 * Every problem of the Team sheet and the managers sheets, Team first. Inactive rows only count
 * for duplicates — on Team: a managers sheet row of someone already listed simply does not count
 * (core/teams listedOnce) and the sheet says so beside it, so listing another team's people stops
 * no one's work.
 */
export function checkTeam(rows: readonly TeamRow[]): TeamProblem[] {
  const problems: TeamProblem[] = [];
  const firstRowOf = new Map<string, string | number>();
  for (const row of rows) {
    if (row.sheet !== undefined) continue;
    const first = firstRowOf.get(row.email);
    if (first === undefined) firstRowOf.set(row.email, rowOf(row));
    else
      problems.push({
        rowNumber: row.rowNumber,
        sheet: row.sheet ?? '',
        key: 'team.duplicateEmail',
        params: { row: rowOf(row), email: row.email, firstRow: first },
        teams: [],
      });
  }
  const administrators = rows.filter((row) => row.active && row.role === 'administrator');
  const managers = rows.filter((row) => row.active && row.role === 'manager');
  const managedTeams = new Set(managers.map((row) => labelKey(row.team)));
  for (const manager of managers) {
    const params = { row: rowOf(manager), email: manager.email, team: manager.team };
    if (manager.team === '') {
      problems.push({ ...at(manager), key: 'team.managerWithoutTeam', params, teams: [] });
      continue;
    }
    const teams = [manager.team];
    if (manager.administrator === '') {
      const led = administrators.some((admin) =>
        teamNames(admin.team).some((team) => labelKey(team) === labelKey(manager.team)),
      );
      if (!led)
        problems.push({
          ...at(manager),
          key: 'team.managerWithoutAdministrator',
          params,
          teams,
        });
    } else if (!administrators.some((admin) => admin.email === manager.administrator)) {
      problems.push({
        ...at(manager),
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
          ...at(admin),
          key: 'team.administratorOfUnknownTeam',
          params: { row: rowOf(admin), email: admin.email, team },
          teams: [team],
        });
    }
  }
  // Team's rows first, then each managers sheet's.
  return problems.sort(
    (a, b) =>
      Number(a.sheet !== '') - Number(b.sheet !== '') ||
      a.sheet.localeCompare(b.sheet) ||
      a.rowNumber - b.rowNumber,
  );
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
