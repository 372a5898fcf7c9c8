// Reassigning clients: the Clients manager cell changes (History is keyed by client ID, so the
// client's whole timeline stays with them), History records each move (field: manager, source
// system), and in the team's active workbook each moved row goes to the new manager's sheet with
// its state (outcome, stage, quality, next call, comment, attempts, hidden state) and is cleared
// where it was. Rows are only ever cleared or appended, never shifted, so a manager typing on
// another row at the same moment loses nothing.

import { cellText, labelKey } from '../core/cells';
import { planReassign, type Move, type ReassignRequest } from '../core/assign';
import { ProzvonError } from '../core/errors';
import { t, type Lang } from '../core/messages';
import { decodeRowState, encodeRowState } from '../core/rowState';
import { CALLS_SHEET_COLUMNS, CLIENTS_SHEET, mapHeaders } from '../core/schema';
import { activeContexts, adminScope, sheetOfManager } from './admin-common';
import { CALLS_WIDTH, columnLetters, lockDoNotCallRows, rowsByClient, runsOf } from './admin-week';
import type { WorkbookContext } from './context';
import { appendEvents, sourceLabel, withScriptLock, type EventRecord } from './history';
import { readFlag, requireSheet } from './master-data';
import { cell, text } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReassignReport {
  readonly moved: number;
  readonly weekRows: number;
  readonly moves: readonly { readonly clientId: string; readonly from: string; readonly to: string }[];
  readonly message: string;
}

/**
 * Moves clients to another manager of their team (or spreads them across it).
 * @throws ProzvonError reassign.* (see core/assign planReassign), admin.noTeam, team.invalid
 */
export function reassignClients(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: ReassignRequest,
): ReassignReport {
  const scope = adminScope(master, lang, user);
  return withScriptLock(30_000, (locked) => {
    const snapshot: Record<string, string> = { ...locked };
    const table = requireSheet(master, CLIENTS_SHEET);
    const clients = table.rows.map((row) => ({
      id: text(table, row, 'id'),
      organisation: text(table, row, 'organisation'),
      manager: text(table, row, 'manager').toLowerCase(),
      doNotCall: readFlag(cell(table, row, 'doNotCall'), false),
    }));
    const moves = planReassign(
      request,
      clients.filter((client) => client.id !== ''),
      scope.members,
      scope.teams,
    );
    if (moves.length === 0) throw new ProzvonError('reassign.nothingToMove');
    const doNotCall = new Set(clients.filter((client) => client.doNotCall).map((client) => client.id));

    // Clients: the manager column from the first to the last moved client in one write; rows in
    // between keep the values just read (under the script lock; only administrators edit Clients).
    const managerIndex = table.map.manager;
    if (managerIndex === undefined) throw new ProzvonError('error.masterNotSetUp');
    const moveOf = new Map(moves.map((move) => [move.clientId, move]));
    const positions: number[] = [];
    table.rows.forEach((row, position) => {
      const move = moveOf.get(cellText(cell(table, row, 'id')));
      if (!move) return;
      row[managerIndex] = move.to;
      positions.push(position);
    });
    const firstRow = Math.min(...positions.map((position) => table.rowNumbers[position] ?? 0));
    const lastRow = Math.max(...positions.map((position) => table.rowNumbers[position] ?? 0));
    const column = table.sheet.getRange(firstRow, managerIndex + 1, lastRow - firstRow + 1, 1);
    const current = column.getValues();
    table.rows.forEach((row, position) => {
      const rowNumber = table.rowNumbers[position] ?? 0;
      if (rowNumber >= firstRow && rowNumber <= lastRow) current[rowNumber - firstRow] = [row[managerIndex]];
    });
    column.setValues(current);

    // The active workbooks of the teams concerned.
    const contexts = activeContexts(snapshot, [...new Set(moves.map((move) => move.team))]);
    const notMoved: string[] = [];
    let weekRows = 0;
    for (const context of contexts) {
      const teamMoves = moves.filter((move) => labelKey(move.team) === labelKey(context.team));
      if (teamMoves.length === 0) continue;
      const result = moveRows(context, teamMoves, doNotCall);
      weekRows += result.moved;
      notMoved.push(...result.problems.map((problem) => t(lang, 'reassign.noSheet', problem)));
    }

    const campaignOf = (team: string) =>
      contexts.find((context) => labelKey(context.team) === labelKey(team))?.campaignId ?? '';
    const events: EventRecord[] = moves.map((move) => ({
      time: new Date(),
      campaign: campaignOf(move.team),
      team: move.team,
      manager: move.to,
      clientId: move.clientId,
      organisation: move.organisation,
      field: t(lang, 'col.clients.manager'),
      old: move.from,
      new: move.to,
      code: '',
      editedBy: user,
      source: sourceLabel('system', lang),
      eventId: '',
    }));
    appendEvents({ master, lang }, events, snapshot, []);

    const counts = new Map<string, number>();
    for (const move of moves) counts.set(move.to, (counts.get(move.to) ?? 0) + 1);
    return {
      moved: moves.length,
      weekRows,
      moves: moves.map(({ clientId, from, to }) => ({ clientId, from, to })),
      message: t(lang, 'reassign.done', {
        count: moves.length,
        summary: [...counts].map(([manager, count]) => `${manager}: ${count}`).join(', '),
        rows: weekRows,
        problems: notMoved.join(''),
      }),
    };
  });
}

/**
 * Moves the rows of one workbook: reads each sheet involved once, appends the moved rows under the
 * new manager's last row (with the state's manager updated), then clears them where they were.
 */
function moveRows(
  context: WorkbookContext,
  moves: readonly Move[],
  doNotCall: ReadonlySet<string>,
): { moved: number; problems: Array<{ manager: string; campaign: string; clients: string }> } {
  const workbook = SpreadsheetApp.openById(context.workbookId);
  const sheets = new Map<
    string,
    { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet; values: unknown[][] }
  >();
  const load = (manager: string) => {
    const name = sheetOfManager(context, manager);
    if (name === undefined) return undefined;
    const known = sheets.get(name);
    if (known) return known;
    const sheet = workbook.getSheetByName(name);
    if (!sheet) return undefined;
    const entry = { name, sheet, values: sheet.getDataRange().getValues() };
    sheets.set(name, entry);
    return entry;
  };
  const problems: Array<{ manager: string; campaign: string; clients: string }> = [];
  const cleared = new Map<string, number[]>();
  const appended = new Map<string, unknown[][]>();
  let moved = 0;
  for (const move of moves) {
    const source = load(move.from);
    const row = source ? rowsByClient(source.values).get(move.clientId) : undefined;
    if (!source || row === undefined) continue;
    const target = load(move.to);
    if (!target) {
      problems.push({ manager: move.to, campaign: context.campaignId, clients: move.clientId });
      continue;
    }
    const map = mapHeaders(source.values[0] ?? [], CALLS_SHEET_COLUMNS);
    const cells = [...(source.values[row - 1] ?? [])].slice(0, CALLS_WIDTH);
    const stateIndex = map.state;
    if (stateIndex !== undefined) {
      const state = decodeRowState(cells[stateIndex]);
      cells[stateIndex] = encodeRowState({ ...state, manager: move.to });
    }
    const targetName = target.name;
    appended.set(targetName, [...(appended.get(targetName) ?? []), cells]);
    const sourceName = source.name;
    cleared.set(sourceName, [...(cleared.get(sourceName) ?? []), row]);
    moved += 1;
  }

  // Appends first: a failure half-way leaves a row on both sheets (visible), never on neither.
  for (const [name, rows] of appended) {
    const entry = sheets.get(name);
    if (!entry) continue;
    const map = mapHeaders(entry.values[0] ?? [], CALLS_SHEET_COLUMNS);
    const ids = rowsByClient(entry.values);
    const last = Math.max(1, ...ids.values());
    const numberIndex = map.number;
    let number = Math.max(
      0,
      ...[...ids.values()].map((row) => Number(entry.values[row - 1]?.[numberIndex ?? 0]) || 0),
    );
    for (const cells of rows) if (numberIndex !== undefined) cells[numberIndex] = ++number;
    entry.sheet.getRange(`A${last + 1}:${columnLetters(CALLS_WIDTH)}${last + rows.length}`).setValues(rows);
    rows.forEach((cells, offset) => {
      entry.values[last + offset] = cells;
    });
  }
  for (const [name, rows] of cleared) {
    const entry = sheets.get(name);
    if (!entry) continue;
    for (const run of runsOf(rows)) {
      entry.sheet.getRange(run.first, 1, run.count, CALLS_WIDTH).clearContent();
      for (let row = run.first; row < run.first + run.count; row += 1) entry.values[row - 1] = [];
    }
  }
  // Locks follow do-not-call rows to their new place.
  for (const entry of sheets.values()) {
    const manager = context.managers[entry.name]?.email ?? '';
    const touched = appended.has(entry.name) || cleared.has(entry.name);
    if (touched && doNotCall.size > 0)
      lockDoNotCallRows(entry.sheet, entry.values, doNotCall, manager, context);
  }
  return { moved, problems };
}
