// Moving managers from Team to their team's managers sheet: the owner's one-off step after the
// release that made Team the owner's, so that each team's administrators manage their own managers
// again. Each row is copied first, checked on its sheet, and only then deleted from Team; the
// managers are counted before and after and the counts reported. Safe to run again: a failure
// half-way leaves copies that the next run recognises and finishes.

import { labelKey } from '../../core/cells';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { MANAGER_SHEET_COLUMNS, TEAM_SHEET } from '../../core/schema';
import { listedOnce, teamNames, teamsOf } from '../../core/teams';
import type { TeamRow } from '../../core/teamCheck';
import { underScriptLock } from '../io/lock';
import { readTable, text, toRow } from '../io/table';
import { JOBS_OWNER_PROPERTY } from '../io/triggers';
import { showText } from '../io/ui';
import { managerSheetsByTeam, rememberListedFirst, type TeamManagerSheet } from '../master/manager-sheets';
import { readTeamRows, requireSheet, teamMembers, type TeamTable } from '../master/master-data';
import { syncAdministrators } from '../master/setup';
import { syncAccess } from './access-sync';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface MoveReport {
  readonly moved: number;
  readonly before: number;
  readonly after: number;
  /** Team rows left where they are, with why. */
  readonly left: readonly string[];
}

/** The menu item: only the master's owner (or the jobs owner) may run it. */
export function moveManagersFromMenu(master: Spreadsheet, lang: Lang, user: string): void {
  const owner = master.getOwner()?.getEmail().toLowerCase() ?? '';
  const jobsOwner = (
    PropertiesService.getScriptProperties().getProperty(JOBS_OWNER_PROPERTY) ?? ''
  ).toLowerCase();
  if (user !== owner && user !== jobsOwner) throw new ProzvonError('moveManagers.ownerOnly', { owner });
  const report = underScriptLock(30_000, () => moveManagers(master, lang, user));
  const left =
    report.left.length === 0
      ? ''
      : t(lang, 'moveManagers.left', { count: report.left.length, rows: report.left.join('\n') });
  showText(t(lang, 'menu.moveManagers'), t(lang, 'moveManagers.done', { ...report, left }));
}

/** Copies every manager row of Team that has a team sheet there, checks, deletes it from Team. */
export function moveManagers(master: Spreadsheet, lang: Lang, user: string): MoveReport {
  // The sheets exist and their stored rows are current before anything is counted.
  syncAdministrators(master, user);
  const before = managerCount(readTeamRows(master, lang));
  const team = requireSheet(master, TEAM_SHEET, lang);
  const rows = teamMembers(team);
  const sheets = managerSheetsByTeam(master, PropertiesService.getScriptProperties().getProperties());
  const left: string[] = [];
  const moving = rows.filter((row) => {
    if (row.role !== 'manager') return false;
    const why = reasonToStay(row, rows, sheets);
    if (why !== null) left.push(t(lang, why, { row: row.rowNumber, email: row.email, team: row.team }));
    return why === null;
  });
  keepAdministratorsTeams(team, rows);
  for (const target of sheets.values()) {
    const mine = moving.filter((row) => labelKey(row.team) === labelKey(target.team));
    copyTo(target, mine, lang);
    rememberListedFirst(
      target.id,
      mine.map((row) => row.email),
    );
  }
  deleteRuns(
    team.sheet,
    moving.map((row) => row.rowNumber),
  );
  syncAdministrators(master, user);
  const members = readTeamRows(master, lang);
  syncAccess(master, listedOnce(members));
  return { moved: moving.length, before, after: managerCount(members), left };
}

/**
 * An administrator may lead a team only through the manager rows that name them (a blank team
 * cell, or a team no cell names): before those rows leave Team, every team they lead is written
 * into their own cell, so the move takes no team from anyone.
 */
function keepAdministratorsTeams(team: TeamTable, rows: readonly TeamRow[]): void {
  const column = team.map.team;
  if (column === undefined) return;
  for (const admin of rows.filter((row) => row.role === 'administrator' && row.active)) {
    const cells = team.rows[team.rowNumbers.indexOf(admin.rowNumber)] ?? [];
    const named = teamNames(text(team, cells, 'team'));
    const missing = teamsOf(admin.email, rows).filter(
      (led) => !named.some((name) => labelKey(name) === labelKey(led)),
    );
    if (missing.length > 0)
      team.sheet.getRange(admin.rowNumber, column + 1).setValue([...named, ...missing].join('; '));
  }
}

/** Why a Team manager row stays on Team (null: it moves). */
function reasonToStay(
  row: TeamRow,
  rows: readonly TeamRow[],
  sheets: ReadonlyMap<string, TeamManagerSheet>,
): 'moveManagers.noSheet' | 'moveManagers.duplicate' | null {
  if (rows.filter((other) => labelKey(other.email) === labelKey(row.email)).length > 1)
    return 'moveManagers.duplicate';
  return sheets.has(labelKey(row.team)) ? null : 'moveManagers.noSheet';
}

/** Appends the rows its sheet lacks, then reads the sheet again: every one must be there. */
function copyTo(target: TeamManagerSheet, rows: readonly TeamRow[], lang: Lang): void {
  if (rows.length === 0) return;
  const listed = () => {
    const table = readTable(target.sheet, MANAGER_SHEET_COLUMNS);
    return { table, emails: new Set(table.rows.map((row) => labelKey(text(table, row, 'email')))) };
  };
  const { table, emails } = listed();
  const record = (row: TeamRow) => ({
    email: row.email,
    name: row.name,
    active: t(lang, row.active ? 'value.yes' : 'value.no'),
  });
  // Team is the owner's word: a row the sheet already has takes Team's name and Active.
  table.rows.forEach((cells, index) => {
    const from = rows.find((row) => labelKey(row.email) === labelKey(text(table, cells, 'email')));
    const rowNumber = table.rowNumbers[index];
    if (!from || rowNumber === undefined) return;
    const wanted = record(from);
    if (
      text(table, cells, 'name') === wanted.name &&
      labelKey(text(table, cells, 'active')) === labelKey(wanted.active)
    )
      return;
    target.sheet.getRange(rowNumber, 1, 1, table.width).setValues([toRow(table, { ...wanted, status: '' })]);
  });
  const missing = rows.filter((row) => !emails.has(labelKey(row.email)));
  if (missing.length > 0)
    target.sheet
      .getRange(table.lastRow + 1, 1, missing.length, table.width)
      .setValues(missing.map((row) => toRow(table, record(row))));
  const after = listed().emails;
  const lost = rows.filter((row) => !after.has(labelKey(row.email)));
  if (lost.length > 0)
    throw new ProzvonError('moveManagers.notCopied', { emails: lost.map((row) => row.email).join(', ') });
}

/** Deletes rows a run of neighbours at a time, bottom-up, so the row numbers read stay right. */
function deleteRuns(sheet: GoogleAppsScript.Spreadsheet.Sheet, rowNumbers: readonly number[]): void {
  const rows = [...new Set(rowNumbers)].sort((a, b) => b - a);
  let index = 0;
  while (index < rows.length) {
    const bottom = rows[index] ?? 0;
    let top = bottom;
    while (rows[index + 1] === top - 1) {
      index++;
      top--;
    }
    sheet.deleteRows(top, bottom - top + 1);
    index++;
  }
}

/** Managers Prozvon counts: each person once (Team, then the sheets). */
function managerCount(rows: readonly TeamRow[]): number {
  return listedOnce(rows).filter((row) => row.role === 'manager').length;
}
