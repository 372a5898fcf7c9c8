// Reassigning clients: the Clients manager cell changes (History is keyed by client ID, so the
// client's whole timeline stays with them), History records each move (field: manager, source
// system), and in the team's active workbook each moved row goes to the new manager's sheet with
// its state (outcome, stage, quality, next call, comment, attempts, hidden state) and is cleared
// where it was. Rows are only ever cleared or appended, never shifted, so a manager typing on
// another row at the same moment loses nothing.

import { cellText, labelKey } from '../../core/cells';
import { planReassign, type Move, type ReassignRequest } from '../../core/assign';
import { unrecordedMoves } from '../../core/toolEvents';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { decodeRowState, encodeRowState } from '../../core/rowState';
import { CLIENTS_SHEET } from '../../core/schema';
import { activeContexts, adminScope } from './scope';
import { lockDoNotCallRows, rowsByClient, runsOf } from '../tracking/row-locks';
import { callsWidthOf, setPlanned, sheetOfManager, type ManagerSheetRef } from '../tracking/context';
import { readWholeSheet, TEMPLATE_LAYOUT, type RowBlock } from '../tracking/manager-rows';
import { openSession, settle, type Session } from '../tracking/recording';
import { readRoster } from '../tracking/roster';
import { signerOf } from '../io/secret';
import { writeRoster } from '../campaign/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
import {
  appendEvents,
  recentHistory,
  sourceLabel,
  withScriptLock,
  type EventRecord,
} from '../tracking/history';
import { readFlag, requireSheet } from '../master/master-data';
import { cell, text } from '../io/table';

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
    const managerIndex = table.map.manager;
    if (managerIndex === undefined) throw new ProzvonError('error.masterNotSetUp');

    // The active workbooks of the teams concerned.
    const contexts = activeContexts(snapshot, [...new Set(moves.map((move) => move.team))]);
    const notMoved: string[] = [];
    let weekRows = 0;
    const signer = signerOf(snapshot);
    for (const context of contexts) {
      const teamMoves = moves.filter((move) => labelKey(move.team) === labelKey(context.team));
      if (teamMoves.length === 0 || !signer) continue;
      const session = openSession(
        SpreadsheetApp.openById(context.workbookId),
        context,
        signer,
        snapshot,
        master,
      );
      settle(session);
      const result = moveRows(session, teamMoves, doNotCall);
      weekRows += result.moved;
      notMoved.push(...result.problems.map((problem) => t(lang, 'reassign.noSheet', problem)));
    }

    const campaignOf = (team: string) =>
      contexts.find((context) => labelKey(context.team) === labelKey(team))?.campaignId ?? '';
    // A retry leaves out the moves its first attempt already wrote to History.
    const events: EventRecord[] = unrecordedMoves(moves, recentHistory(master, snapshot)).map((move) => ({
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
    if (events.length > 0) appendEvents({ master, lang }, events, snapshot, []);

    // Clients last: a retry after a failure plans the same moves from it and completes what the
    // first attempt left. The manager column from the first to the last moved client in one write;
    // rows in between keep the values just read (under the script lock; only administrators edit
    // Clients).
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
 * Moves the rows of one workbook: reads each sheet involved once, puts the moved clients on the
 * roster of their new sheet, appends the moved rows under the new manager's last row (with their
 * state signed for that sheet and naming the new manager), then clears them where they were.
 */
function moveRows(
  session: Session,
  moves: readonly Move[],
  doNotCall: ReadonlySet<string>,
): { moved: number; problems: Array<{ manager: string; campaign: string; clients: string }> } {
  const { context, signer } = session;
  const sheets = new Map<number, { ref: ManagerSheetRef; sheet: Sheet; block: RowBlock }>();
  const load = (manager: string) => {
    const ref = sheetOfManager(context, manager);
    if (!ref) return undefined;
    const known = sheets.get(ref.sheetId);
    if (known) return known;
    const sheet = session.workbook.getSheetById(ref.sheetId);
    const block = sheet ? readWholeSheet(sheet) : null;
    if (!sheet || !block) return undefined;
    const entry = { ref, sheet, block };
    sheets.set(ref.sheetId, entry);
    return entry;
  };
  const roster = readRoster(session);
  const problems: Array<{ manager: string; campaign: string; clients: string }> = [];
  const cleared = new Map<number, number[]>();
  const appended = new Map<number, unknown[][]>();
  const rosterLines: unknown[][] = [];
  let moved = 0;
  for (const move of moves) {
    const source = load(move.from);
    const row = source
      ? rowsByClient(session, source.ref.sheetId, source.block).get(move.clientId)
      : undefined;
    if (!source || row === undefined) continue;
    const target = load(move.to);
    if (!target) {
      problems.push({ manager: move.to, campaign: context.campaignId, clients: move.clientId });
      continue;
    }
    if (target.ref.sheetId === source.ref.sheetId) continue;
    // An earlier attempt (or reconcile restoring a planned row) already put the row there: only
    // the old row is left to clear.
    if (rowsByClient(session, target.ref.sheetId, target.block).has(move.clientId)) {
      cleared.set(source.ref.sheetId, [...(cleared.get(source.ref.sheetId) ?? []), row]);
      moved += 1;
      continue;
    }
    const cells = [...(source.block.values[row - source.block.firstRow] ?? [])];
    const stateIndex = source.block.layout.state ?? TEMPLATE_LAYOUT.state ?? 0;
    const decoded = decodeRowState(cells[stateIndex], source.ref.sheetId, signer);
    if (!decoded.ok) continue;
    const waiting = appended.get(target.ref.sheetId) ?? [];
    const targetRow = lastRowOf(session, target) + waiting.length + 1;
    cells[stateIndex] = encodeRowState(
      { ...decoded.state, manager: move.to, row: targetRow },
      target.ref.sheetId,
      signer,
    );
    const genesis = roster.get(source.ref.sheetId)?.get(move.clientId);
    if (genesis) {
      rosterLines.push([
        target.ref.sheetId,
        move.clientId,
        encodeRowState({ ...genesis, manager: move.to, row: targetRow }, target.ref.sheetId, signer),
      ]);
    }
    appended.set(target.ref.sheetId, [...waiting, cells]);
    cleared.set(source.ref.sheetId, [...(cleared.get(source.ref.sheetId) ?? []), row]);
    moved += 1;
  }

  // The roster first, then the appends: a failure half-way leaves a row on both sheets (visible;
  // the old one is no longer planned there, so nothing on it counts), never on neither.
  const rosterSheet = rosterLines.length > 0 ? session.workbook.getSheetById(context.rosterSheetId) : null;
  if (rosterSheet) writeRoster(rosterSheet, rosterLines, rosterSheet.getLastRow());
  // How many clients each touched sheet has planned now, counted from the roster (the latest line
  // of a client wins), so a retry never counts a move twice.
  const owners = new Map<string, number>();
  for (const [sheetId, clients] of roster)
    for (const clientId of clients.keys()) owners.set(clientId, sheetId);
  for (const line of rosterLines) owners.set(String(line[1]), Number(line[0]));
  for (const sheetId of new Set([...appended.keys(), ...cleared.keys()])) {
    const planned = [...owners.values()].filter((owner) => owner === sheetId).length;
    session.context = setPlanned(session.context, sheetId, planned);
  }
  const width = callsWidthOf(session.context);
  for (const [sheetId, rows] of appended) {
    const entry = sheets.get(sheetId);
    if (!entry) continue;
    const last = lastRowOf(session, entry);
    const numberIndex = entry.block.layout.number;
    let number = Math.max(0, ...entry.block.values.map((line) => Number(line[numberIndex ?? 0]) || 0));
    for (const cells of rows) if (numberIndex !== undefined) cells[numberIndex] = ++number;
    entry.sheet
      .getRange(last + 1, 1, rows.length, width)
      .setValues(rows.map((cells) => cells.slice(0, width)));
    entry.block.values.push(...rows);
  }
  for (const [sheetId, rows] of cleared) {
    const entry = sheets.get(sheetId);
    if (!entry) continue;
    for (const run of runsOf(rows)) {
      entry.sheet.getRange(run.first, 1, run.count, width).clearContent();
      for (let row = run.first; row < run.first + run.count; row += 1)
        entry.block.values[row - entry.block.firstRow] = [];
    }
  }
  // Locks follow do-not-call rows to their new place.
  for (const entry of sheets.values()) {
    const touched = appended.has(entry.ref.sheetId) || cleared.has(entry.ref.sheetId);
    if (touched && doNotCall.size > 0)
      lockDoNotCallRows(session, entry.sheet, entry.ref, entry.block, doNotCall);
  }
  return { moved, problems };
}

/** The last row of a sheet holding a client (1 when none). */
function lastRowOf(session: Session, entry: { ref: ManagerSheetRef; block: RowBlock }): number {
  const rows = [...rowsByClient(session, entry.ref.sheetId, entry.block).values()];
  let last = Math.max(1, ...rows);
  entry.block.values.forEach((line, offset) => {
    if (line.some((value) => value !== '' && value !== null))
      last = Math.max(last, entry.block.firstRow + offset);
  });
  return last;
}
