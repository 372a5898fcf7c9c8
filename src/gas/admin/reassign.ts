// Reassigning clients: the Clients manager cell changes (History is keyed by client ID, so the
// client's whole timeline stays with them), History records each move (field: manager, source
// system), and in the team's active workbook each moved row goes to the new manager's sheet with
// its state (outcome, stage, quality, next call, comment, attempts, hidden state) and is cleared
// where it was. Rows are only ever cleared or appended, never shifted, so a manager typing on
// another row at the same moment loses nothing.

import { cellText, labelKey } from '../../core/cells';
import { planReassign, type Move, type ReassignRequest } from '../../core/reassign';
import { unrecordedMoves } from '../../core/toolEvents';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import { decodeRowState, encodeRowState } from '../../core/rowState';
import { CLIENTS_SHEET } from '../../core/schema';
import { activeContexts, adminScope } from './scope';
import { lockDoNotCallRows, rowsByClient, runsOf } from '../tracking/row-locks';
import { setPlanned, sheetOfManager, type ManagerSheetRef, type WorkbookContext } from '../tracking/context';
import { readWholeSheet, TEMPLATE_LAYOUT, type RowBlock } from '../tracking/manager-rows';
import { openSession, settle, type Session } from '../tracking/recording';
import { readRoster, type Roster } from '../tracking/roster';
import { signerOf } from '../io/secret';
import { writeRoster } from '../campaign/workbook';
import {
  appendEvents,
  recentHistory,
  sourceLabel,
  withScriptLock,
  type EventRecord,
} from '../master/history';
import { requireSheet, type ClientsTable } from '../master/master-data';
import { readFlag } from '../../core/flags';
import { cell, text } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
export function reassignToManager(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  request: ReassignRequest,
): ReassignReport {
  const scope = adminScope(master, lang, user);
  return withScriptLock(30_000, (locked) => {
    const snapshot: Record<string, string> = { ...locked };
    const table = requireSheet(master, CLIENTS_SHEET);
    const clients = clientsOf(table);
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
    const week = moveWeekRows(master, lang, snapshot, contexts, moves, doNotCall);
    recordMoves(master, lang, user, snapshot, contexts, moves);
    // Clients last: a retry after a failure plans the same moves from it and completes what the
    // first attempt left.
    writeManagers(table, managerIndex, moves);
    return reportOf(lang, moves, week);
  });
}

/** Clients as the planning of moves reads them. */
function clientsOf(table: ClientsTable) {
  return table.rows.map((row) => ({
    id: text(table, row, 'id'),
    organisation: text(table, row, 'organisation'),
    manager: text(table, row, 'manager').toLowerCase(),
    doNotCall: readFlag(cell(table, row, 'doNotCall'), false),
  }));
}

/** This week's rows of the moved clients, moved in each team's active workbook. */
function moveWeekRows(
  master: Spreadsheet,
  lang: Lang,
  snapshot: Record<string, string>,
  contexts: readonly WorkbookContext[],
  moves: readonly Move[],
  doNotCall: ReadonlySet<string>,
): { readonly rows: number; readonly notMoved: readonly string[] } {
  const notMoved: string[] = [];
  let rows = 0;
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
    rows += result.moved;
    notMoved.push(...result.problems.map((problem) => t(lang, 'reassign.noSheet', problem)));
  }
  return { rows, notMoved };
}

/** Each move in History (field: manager, source system); a retry leaves out those its first attempt wrote. */
function recordMoves(
  master: Spreadsheet,
  lang: Lang,
  user: string,
  snapshot: Record<string, string>,
  contexts: readonly WorkbookContext[],
  moves: readonly Move[],
): void {
  const campaignOf = (team: string) =>
    contexts.find((context) => labelKey(context.team) === labelKey(team))?.campaignId ?? '';
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
}

/**
 * The moved clients' manager cells on Clients: the column from the first to the last moved client
 * in one write; rows in between keep the values just read (under the script lock; only
 * administrators edit Clients).
 */
function writeManagers(table: ClientsTable, managerIndex: number, moves: readonly Move[]): void {
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
}

/** The report, and the administrator's message: moves per new manager, rows moved, sheets missing. */
function reportOf(
  lang: Lang,
  moves: readonly Move[],
  week: { readonly rows: number; readonly notMoved: readonly string[] },
): ReassignReport {
  const counts = new Map<string, number>();
  for (const move of moves) counts.set(move.to, (counts.get(move.to) ?? 0) + 1);
  return {
    moved: moves.length,
    weekRows: week.rows,
    moves: moves.map(({ clientId, from, to }) => ({ clientId, from, to })),
    message: t(lang, 'reassign.done', {
      count: moves.length,
      summary: [...counts].map(([manager, count]) => `${manager}: ${count}`).join(', '),
      rows: week.rows,
      problems: week.notMoved.join(''),
    }),
  };
}

interface LoadedSheet {
  readonly ref: ManagerSheetRef;
  readonly sheet: Sheet;
  readonly block: RowBlock;
}

type NoSheet = { manager: string; campaign: string; clients: string };

/** What moving one workbook's rows will write, planned before anything is written. */
interface RowMoves {
  /** Sheet id → rows to clear there. */
  readonly cleared: Map<number, number[]>;
  /** Sheet id → rows to append under its last row, in order. */
  readonly appended: Map<number, unknown[][]>;
  /** Roster lines naming each carried client's new sheet. */
  readonly rosterLines: unknown[][];
  readonly problems: NoSheet[];
  moved: number;
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
): { moved: number; problems: NoSheet[] } {
  const sheets = new Map<number, LoadedSheet>();
  const load = (manager: string) => loadSheet(session, sheets, manager);
  const roster = readRoster(session);
  const plan: RowMoves = { cleared: new Map(), appended: new Map(), rosterLines: [], problems: [], moved: 0 };
  for (const move of moves) planMove(session, roster, load, move, plan);
  // The roster first, then the appends: a failure half-way leaves a row on both sheets (visible;
  // the old one is no longer planned there, so nothing on it counts), never on neither.
  const rosterSheet =
    plan.rosterLines.length > 0 ? session.workbook.getSheetById(session.context.rosterSheetId) : null;
  if (rosterSheet) writeRoster(rosterSheet, plan.rosterLines, rosterSheet.getLastRow());
  recountPlanned(session, roster, plan);
  const width = session.context.callsWidth;
  appendMovedRows(session, sheets, plan.appended, width);
  clearMovedRows(sheets, plan.cleared, width);
  // Locks follow do-not-call rows to their new place.
  for (const entry of sheets.values()) {
    const touched = plan.appended.has(entry.ref.sheetId) || plan.cleared.has(entry.ref.sheetId);
    if (touched && doNotCall.size > 0)
      lockDoNotCallRows(session, entry.sheet, entry.ref, entry.block, doNotCall);
  }
  return { moved: plan.moved, problems: plan.problems };
}

/** A manager's sheet, read once (undefined when they have none or it cannot be read). */
function loadSheet(
  session: Session,
  sheets: Map<number, LoadedSheet>,
  manager: string,
): LoadedSheet | undefined {
  const ref = sheetOfManager(session.context, manager);
  if (!ref) return undefined;
  const known = sheets.get(ref.sheetId);
  if (known) return known;
  const sheet = session.workbook.getSheetById(ref.sheetId);
  const block = sheet ? readWholeSheet(sheet) : null;
  if (!sheet || !block) return undefined;
  const entry = { ref, sheet, block };
  sheets.set(ref.sheetId, entry);
  return entry;
}

/** Plans one client's move; a client with no row on the old manager's sheet has nothing to move. */
function planMove(
  session: Session,
  roster: Roster,
  load: (manager: string) => LoadedSheet | undefined,
  move: Move,
  plan: RowMoves,
): void {
  const source = load(move.from);
  const row = source ? rowsByClient(session, source.ref.sheetId, source.block).get(move.clientId) : undefined;
  if (!source || row === undefined) return;
  const target = load(move.to);
  if (!target) {
    plan.problems.push({ manager: move.to, campaign: session.context.campaignId, clients: move.clientId });
    return;
  }
  if (target.ref.sheetId === source.ref.sheetId) return;
  // An earlier attempt (or reconcile restoring a planned row) already put the row there: only
  // the old row is left to clear.
  const there = rowsByClient(session, target.ref.sheetId, target.block).has(move.clientId);
  if (!there && !carryRow(session, roster, move, source, row, target, plan)) return;
  pushTo(plan.cleared, source.ref.sheetId, row);
  plan.moved += 1;
}

/**
 * Plans the row's copy under the new manager's last row, its state (and its roster line, from the
 * genesis state) signed for that sheet and naming them; false when its state cannot be trusted.
 */
function carryRow(
  session: Session,
  roster: Roster,
  move: Move,
  source: LoadedSheet,
  row: number,
  target: LoadedSheet,
  plan: RowMoves,
): boolean {
  const { signer } = session;
  const cells = [...(source.block.values[row - source.block.firstRow] ?? [])];
  const stateIndex = source.block.layout.state ?? TEMPLATE_LAYOUT.state ?? 0;
  const decoded = decodeRowState(cells[stateIndex], source.ref.sheetId, signer);
  if (!decoded.ok) return false;
  const targetRow = lastRowOf(session, target) + (plan.appended.get(target.ref.sheetId)?.length ?? 0) + 1;
  const moved = { manager: move.to, row: targetRow };
  cells[stateIndex] = encodeRowState({ ...decoded.state, ...moved }, target.ref.sheetId, signer);
  const genesis = roster.get(source.ref.sheetId)?.get(move.clientId);
  if (genesis) {
    const state = encodeRowState({ ...genesis, ...moved }, target.ref.sheetId, signer);
    plan.rosterLines.push([target.ref.sheetId, move.clientId, state]);
  }
  pushTo(plan.appended, target.ref.sheetId, cells);
  return true;
}

function pushTo<T>(map: Map<number, T[]>, key: number, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * How many clients each touched sheet has planned now, counted from the roster (the latest line
 * of a client wins), so a retry never counts a move twice.
 */
function recountPlanned(session: Session, roster: Roster, plan: RowMoves): void {
  const owners = new Map<string, number>();
  for (const [sheetId, clients] of roster)
    for (const clientId of clients.keys()) owners.set(clientId, sheetId);
  for (const line of plan.rosterLines) owners.set(String(line[1]), Number(line[0]));
  for (const sheetId of new Set([...plan.appended.keys(), ...plan.cleared.keys()])) {
    const planned = [...owners.values()].filter((owner) => owner === sheetId).length;
    session.context = setPlanned(session.context, sheetId, planned);
  }
}

/** Appends each sheet's moved rows under its last row (numbered on from its highest number), one write a sheet. */
function appendMovedRows(
  session: Session,
  sheets: ReadonlyMap<number, LoadedSheet>,
  appended: ReadonlyMap<number, unknown[][]>,
  width: number,
): void {
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
}

/** Clears the moved rows where they were, one call a run of adjacent rows. */
function clearMovedRows(
  sheets: ReadonlyMap<number, LoadedSheet>,
  cleared: ReadonlyMap<number, number[]>,
  width: number,
): void {
  for (const [sheetId, rows] of cleared) {
    const entry = sheets.get(sheetId);
    if (!entry) continue;
    for (const run of runsOf(rows)) {
      entry.sheet.getRange(run.first, 1, run.count, width).clearContent();
      for (let row = run.first; row < run.first + run.count; row += 1)
        entry.block.values[row - entry.block.firstRow] = [];
    }
  }
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
