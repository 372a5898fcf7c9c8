// What the administrator's tools share: reading a master table in one round trip, who the
// administrator is and which teams they lead (after the Team sheet check), the active weekly
// workbooks of those teams, and the per-row lock of do-not-call rows in a manager sheet.

import { labelKey } from '../../core/cells';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { type SheetSpec } from '../../core/schema';
import { assertTeamValid, type TeamRow } from '../../core/teamCheck';
import { trackedContexts, type WorkbookContext } from '../tracking/context';
import { closingWorkbooks } from '../tracking/reconcile';
import { requireSheet, readTeamRows } from '../master/master-data';
import { listedOnce, reachOf, teamsOf, teamsOnTeam } from '../../core/teams';
import type { Table } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A master table as read (gas/io/table's fields, read with cell, text and toRow), with the sheet's
 * name and grid height for appending below it without a Sheet object.
 */
export interface Grid<K extends string> extends Pick<
  Table<K>,
  'map' | 'width' | 'rows' | 'rowNumbers' | 'lastRow'
> {
  readonly name: string;
  /** Rows the sheet has (known when read whole, else the last row). */
  readonly maxRows: number;
}

/**
 * Reads a whole master table with two calls, by its sheet's name (gas/io/table readTableByName via
 * requireSheet): the batch budgets of docs/architecture.md §6 count every call.
 */
export function readGrid<K extends string>(master: Spreadsheet, spec: SheetSpec<K>, lang: Lang): Grid<K> {
  const table = requireSheet(master, spec, lang);
  return {
    name: table.source?.sheetName ?? t(lang, spec.name),
    map: table.map,
    width: table.width,
    rows: table.rows,
    rowNumbers: table.rowNumbers,
    lastRow: table.lastRow,
    maxRows: table.source?.maxRows ?? table.lastRow,
  };
}

/** The administrator at the keyboard and the teams they may act on. */
export interface AdminScope {
  readonly master: Spreadsheet;
  readonly lang: Lang;
  readonly user: string;
  readonly members: readonly TeamRow[];
  readonly teams: readonly string[];
}

/**
 * Reads Team, refuses a user who leads no team, and checks the Team sheet for the user's teams so
 * its mistakes surface before anything is written. `ownerReadsEveryTeam`: a tool that only reads
 * (the comparison) gives the master's owner who leads no team every team, as reconcile does.
 * @throws ProzvonError admin.noTeam, team.invalid
 */
export function adminScope(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  options: { readonly ownerReadsEveryTeam?: boolean } = {},
): AdminScope {
  const rows = readTeamRows(master, lang);
  const members = listedOnce(rows);
  const reach = options.ownerReadsEveryTeam
    ? reachOf(user, members, () => master.getOwner()?.getEmail() ?? '')
    : null;
  const teams = reach?.everyTeam ? teamsOnTeam(members) : teamsOf(user, members);
  if (teams.length === 0) throw new ProzvonError('admin.noTeam', { email: user });
  assertTeamValid(rows, teams, lang);
  return { master, lang, user, members, teams };
}

/** Whether a team is one of the scope's (core/teams leadsTeam, already resolved for the user). */
export function leads(scope: Pick<AdminScope, 'teams'>, team: string): boolean {
  return team !== '' && scope.teams.some((own) => labelKey(own) === labelKey(team));
}

/** The contexts of the active campaigns' workbooks of some teams, from a script-properties snapshot. */
export function activeContexts(
  snapshot: Readonly<Record<string, string>>,
  teams: readonly string[],
): WorkbookContext[] {
  const wanted = new Set(teams.map(labelKey));
  // A closed week keeps its context until its last reconcile (that night): no tool acts on it.
  const closing = closingWorkbooks(snapshot);
  return trackedContexts(snapshot).filter(
    (context) => wanted.has(labelKey(context.team)) && !closing.has(context.workbookId),
  );
}
