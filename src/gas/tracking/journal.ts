// Exactly once across failures: before a batch of row edits writes History, the Log and the rows'
// states (three writes, any of which can fail), a note of what it is about to do — the rows, their
// versions, the event ids and the rows reserved for them in History and the Log — is saved in
// script properties, in the same call that advances the cursors. The next execution that works on
// the workbook (an edit, reconcile, an administrator's tool) settles a note it finds before doing
// anything else: it reads back the reserved rows, writes what is missing of History or the Log,
// and advances the states of rows whose events were recorded, so nothing is lost and nothing is
// recorded twice, whichever write failed and whatever runs next.

import { parseJson } from '../../core/json';
import { isoDayInTimeZone, startOfDay } from '../../core/calendar';
import { cellText } from '../../core/cells';
import { parseEventField } from '../../core/events';
import { replayEdit, type RecordedChange } from '../../core/replay';
import { decodeRowState, encodeRowState, eventId, stateText, type RowState } from '../../core/rowState';
import type { Signer } from '../../core/signature';
import type { CallsColumnKey } from '../../core/schema';
import { editContextOf, type WorkbookContext } from './context';
import { notePendingFlags, type PendingFlag } from '../master/pending-flags';
import { HISTORY_CURSOR, logCursorKey, reservedA1, type Reservation } from '../master/history';
import { findSheet } from '../io/sheets';
import { joinValue, splitValue } from '../io/split-property';
import { HISTORY_SHEET } from '../../core/schema';
import { findOption } from '../../core/taxonomy';
import { readWholeSheet, sheetRows, TEMPLATE_LAYOUT, writeBlock, type RowBlock } from './manager-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One row of a batch: where it was, which client, its version before, the fields recorded. */
export type JournalRow = readonly [rowNumber: number, clientId: string, version: number, fields: string];

export interface Journal {
  readonly sheetId: number;
  readonly rows: readonly JournalRow[];
  readonly history: Reservation | null;
  readonly log: Reservation | null;
}

const FIELD_LETTERS: Readonly<Record<string, string>> = {
  outcome: 'o',
  stage: 's',
  quality: 'q',
  nextCall: 'n',
  comment: 'c',
};
const LETTER_FIELDS = Object.fromEntries(
  Object.entries(FIELD_LETTERS).map(([field, letter]) => [letter, field]),
);

export const journalKey = (workbookId: string): string => `prozvon.journal.${workbookId}`;

/** A long journal (a paste over many rows) is kept in parts (split-property). */
const journalPart = (workbookId: string) => (index: number) => `${journalKey(workbookId)}#${index}`;

/** The properties that save a journal (to be set with the cursor updates, in one call). */
export function journalProperties(workbookId: string, journal: Journal): Record<string, string> {
  return splitValue(journalKey(workbookId), JSON.stringify(journal), journalPart(workbookId));
}

/** The journal a snapshot holds for a workbook, or null. */
export function readJournal(snapshot: Readonly<Record<string, string>>, workbookId: string): Journal | null {
  const text = joinValue(snapshot, journalKey(workbookId), journalPart(workbookId));
  if (!text) return null;
  const value = parseJson(text);
  return value !== null && typeof value === 'object' ? (value as Journal) : null;
}

/** The workbooks with a journal in a snapshot. */
export function journaledWorkbooks(snapshot: Readonly<Record<string, string>>): string[] {
  const prefix = journalKey('');
  return Object.keys(snapshot)
    .filter((key) => key.startsWith(prefix) && !key.includes('#'))
    .map((key) => key.slice(prefix.length));
}

/**
 * The first History row no pending journal has reserved: an append that finds History's end
 * again (someone typed in History) must not take rows a failed batch may still fill.
 */
export function historyRowsReserved(snapshot: Readonly<Record<string, string>>): number {
  let end = 0;
  for (const workbookId of journaledWorkbooks(snapshot)) {
    const history = readJournal(snapshot, workbookId)?.history;
    if (history) end = Math.max(end, history.row + history.count);
  }
  return end;
}

/** The fields of a row's changes as the journal writes them. */
export function fieldLetters(fields: readonly string[]): string {
  return fields.map((field) => FIELD_LETTERS[field] ?? '').join('');
}

/** The event ids of a journal, in the order the batch wrote them. */
export function journalIds(journal: Journal, campaignId: string): string[] {
  return journal.rows.flatMap(([, clientId, version, fields]) =>
    [...fields].map((letter) => eventId(campaignId, clientId, version, LETTER_FIELDS[letter] as 'outcome')),
  );
}

export interface SettleTarget {
  readonly workbook: Spreadsheet;
  readonly context: WorkbookContext;
  readonly master: () => Spreadsheet;
  readonly signer: Signer;
}

/** What settling left to do: rows whose edit never reached History, to be recorded again now. */
export interface Settled {
  readonly sheetId: number;
  readonly rowNumbers: readonly number[];
}

/** Rows read around a reservation: people may have inserted rows above it since. */
const MARGIN = 20;

/** One side of a batch (History or the Log) as found: its events by id, and its reserved rows. */
interface Side {
  readonly reserved: Reservation;
  readonly spreadsheet: Spreadsheet;
  /** The sheet's name now (found again by id or by its names when it was renamed). */
  readonly sheetName: string;
  readonly byId: ReadonlyMap<string, unknown[]>;
  /** Nothing was written in the reserved rows (by this batch or anyone). */
  readonly blank: boolean;
}

function sideA1(side: Pick<Side, 'sheetName' | 'reserved'>, first: number, last: number): string {
  return reservedA1({ ...side.reserved, sheetName: side.sheetName, row: first, count: last - first + 1 });
}

/** Reads a side; null when its sheet is gone (a deleted Log is rebuilt from History later). */
function readSide(
  spreadsheet: Spreadsheet,
  reserved: Reservation | null,
  locate: () => GoogleAppsScript.Spreadsheet.Sheet | null,
): Side | null {
  if (!reserved || reserved.idColumn < 0) return null;
  const first = Math.max(2, reserved.row - MARGIN);
  const last = reserved.row + reserved.count - 1 + MARGIN;
  let sheetName = reserved.sheetName;
  let rows: unknown[][];
  try {
    rows = spreadsheet.getRange(sideA1({ sheetName, reserved }, first, last)).getValues();
  } catch (error) {
    if (!/Range not found|out of bounds/i.test(error instanceof Error ? error.message : String(error)))
      throw error;
    // Renamed, or shorter than the window: found again, and read as far as it goes.
    const sheet = locate();
    if (!sheet) return null;
    sheetName = sheet.getName();
    const end = Math.min(last, sheet.getMaxRows());
    rows = end < first ? [] : sheet.getRange(first, 1, end - first + 1, reserved.width).getValues();
  }
  const byId = new Map<string, unknown[]>();
  for (const row of rows) {
    const id = cellText(row[reserved.idColumn]);
    if (id !== '') byId.set(id, row);
  }
  const reservedRows = rows.slice(reserved.row - first, reserved.row - first + reserved.count);
  const blank = reservedRows.every((row) => row.every((value) => value === '' || value === null));
  return { reserved, spreadsheet, sheetName, byId, blank };
}

/**
 * Settles the workbook's pending journal, if any (the caller holds the script lock). Safe to run
 * again after a failure of its own: every step checks what is already there. Events are found by
 * id around the rows reserved for them; missing ones go to the reserved rows when these are still
 * blank, else after the sheet's last row, so nothing anyone wrote since is overwritten.
 */
export function settleJournal(target: SettleTarget, snapshot: Record<string, string>): Settled | null {
  const { workbook, context } = target;
  const journal = readJournal(snapshot, context.workbookId);
  if (!journal) {
    if (snapshot[journalKey(context.workbookId)]) forget(context.workbookId, snapshot);
    return null;
  }
  const ids = journalIds(journal, context.campaignId);
  const history = readSide(target.master(), journal.history, () =>
    findSheet(target.master(), HISTORY_SHEET.name),
  );
  const log = readSide(workbook, journal.log, () => workbook.getSheetById(context.logSheetId));
  const committed = ids.map((id) => history?.byId.has(id) === true || log?.byId.has(id) === true);

  if (!committed.some(Boolean)) {
    // Nothing landed: the reserved rows are given back if they are still blank and nobody appended since.
    if ((history?.blank ?? true) && (log?.blank ?? true))
      rollBackCursors(journal, context.workbookId, snapshot);
    forget(context.workbookId, snapshot);
    return { sheetId: journal.sheetId, rowNumbers: journal.rows.map(([row]) => row) };
  }
  const day = (time: unknown) =>
    time instanceof Date ? startOfDay(isoDayInTimeZone(time, context.timeZone), context.timeZone) : '';
  const rowOf = (id: string) => history?.byId.get(id) ?? log?.byId.get(id);
  const keysOf = (id: string) => (history?.byId.has(id) ? history.reserved.keys : (log?.reserved.keys ?? []));
  for (const side of [history, log]) {
    if (!side) continue;
    const missing = ids.filter((id, index) => committed[index] && !side.byId.has(id));
    if (missing.length > 0)
      placeMissing(side, ids, missing, rowOf, keysOf, day, snapshot, context.workbookId);
  }
  const recorded = recordedByRow(journal, ids, committed, rowOf, keysOf);
  notePendingFlags(snapshot, doNotCallOf(context, recorded));
  advanceStates(target, journal, recorded);
  forget(context.workbookId, snapshot);
  const redo = journal.rows.filter(([, clientId, version]) => !recorded.has(`${clientId}|${version}`));
  return { sheetId: journal.sheetId, rowNumbers: redo.map(([row]) => row) };
}

/** Writes a side's missing events: in its reserved rows while they are blank, else after its last row. */
function placeMissing(
  side: Side,
  ids: readonly string[],
  missing: readonly string[],
  rowOf: (id: string) => unknown[] | undefined,
  keysOf: (id: string) => readonly (string | null)[],
  day: (time: unknown) => unknown,
  snapshot: Record<string, string>,
  workbookId: string,
): void {
  const { keys } = side.reserved;
  const laidOut = (id: string): unknown[] => {
    const source = rowOf(id) ?? [];
    const from = keysOf(id);
    const at = (key: string) => source[from.indexOf(key)] ?? '';
    return keys.map((key) => (key === null ? '' : key === 'day' ? day(at('time')) : at(key)));
  };
  if (side.blank) {
    // The reserved rows, in the batch's order (rows of events that never landed stay blank).
    const values = ids.map((id) => (missing.includes(id) ? laidOut(id) : keys.map(() => '')));
    side.spreadsheet
      .getRange(sideA1(side, side.reserved.row, side.reserved.row + ids.length - 1))
      .setValues(values);
    return;
  }
  const sheet = side.spreadsheet.getSheetByName(side.sheetName);
  if (!sheet) return;
  const first = sheet.getLastRow() + 1;
  const grow = first + missing.length - 1 - sheet.getMaxRows();
  if (grow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), grow);
  sheet.getRange(first, 1, missing.length, keys.length).setValues(missing.map(laidOut));
  // The cursor of that sheet moves past the rows just written.
  const key = keys.includes('day') ? logCursorKey(workbookId) : HISTORY_CURSOR;
  const cursor = { sheetName: side.sheetName, next: first + missing.length, keys };
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(cursor));
  snapshot[key] = JSON.stringify(cursor);
}

/** The recorded changes of each journal row (client|version) whose events were committed. */
function recordedByRow(
  journal: Journal,
  ids: readonly string[],
  committed: readonly boolean[],
  rowOf: (id: string) => unknown[] | undefined,
  keysOf: (id: string) => readonly (string | null)[],
): Map<string, RecordedChange[]> {
  const result = new Map<string, RecordedChange[]>();
  let index = 0;
  for (const [, clientId, version, fields] of journal.rows) {
    for (let n = 0; n < fields.length; n++, index++) {
      const id = ids[index];
      if (!committed[index] || id === undefined) continue;
      const row = rowOf(id) ?? [];
      const keys = keysOf(id);
      const at = (key: string) => row[keys.indexOf(key)];
      const field = parseEventField(at('field'));
      const time = at('time');
      if (!field || !(time instanceof Date)) continue;
      const key = `${clientId}|${version}`;
      result.set(key, [...(result.get(key) ?? []), { version, field, new: cellText(at('new')), time }]);
    }
  }
  return result;
}

/** Clients whose recorded changes include a do-not-call outcome. */
function doNotCallOf(context: WorkbookContext, recorded: Map<string, RecordedChange[]>): PendingFlag[] {
  const flags: PendingFlag[] = [];
  for (const [key, changes] of recorded) {
    const isDoNotCall = changes.some(
      (change) =>
        change.field === 'outcome' &&
        findOption(context.taxonomy, 'outcome', change.new)?.meaning === 'DO_NOT_CALL',
    );
    if (isDoNotCall)
      flags.push({ clientId: key.slice(0, key.lastIndexOf('|')), campaign: context.campaignId, by: '' });
  }
  return flags;
}

/** The rows whose events were recorded but whose state was not written get their state now. */
function advanceStates(
  target: SettleTarget,
  journal: Journal,
  recorded: Map<string, RecordedChange[]>,
): void {
  if (recorded.size === 0) return;
  const sheet = target.workbook.getSheetById(journal.sheetId);
  if (!sheet) return;
  const rowNumbers = journal.rows.map(([row]) => row);
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const range = sheet.getRange(first, 1, last - first + 1, target.context.callsWidth);
  const values = range.getValues();
  let block: RowBlock = {
    firstRow: first,
    values,
    layout: TEMPLATE_LAYOUT,
    write: (_from, rows) => range.setValues(rows),
  };
  let writes = plannedAdvances(target, journal, recorded, block);
  if (writes === null) {
    // A row moved since (an administrator sorted or inserted rows): look for it in the whole sheet.
    // A row that is gone or damaged is left to reconcile, which rebuilds it from the Log.
    const whole = readWholeSheet(sheet);
    if (!whole) return;
    block = whole;
    writes = plannedAdvances(target, journal, recorded, whole, true) ?? new Map();
  }
  writeBlock(block, writes, target.context.timeZone, block.values === values);
}

/**
 * The state writes of the journal's recorded rows, found by the client their state names; null
 * when one of them is not in the block. A row already advanced needs nothing.
 */
function plannedAdvances(
  target: SettleTarget,
  journal: Journal,
  recorded: Map<string, RecordedChange[]>,
  block: RowBlock,
  skipMissing = false,
): Map<number, Partial<Record<CallsColumnKey, unknown>>> | null {
  const { context, signer } = target;
  const rows = sheetRows(block.values, block.firstRow, block.layout);
  const byClient = new Map<string, { row: (typeof rows)[number]; state: RowState }>();
  for (const row of rows) {
    const decoded = decodeRowState(row.cells.state, journal.sheetId, signer);
    if (decoded.ok && !byClient.has(decoded.state.clientId))
      byClient.set(decoded.state.clientId, { row, state: decoded.state });
  }
  const writes = new Map<number, Partial<Record<CallsColumnKey, unknown>>>();
  for (const [, clientId, version] of journal.rows) {
    const changes = recorded.get(`${clientId}|${version}`);
    if (!changes) continue;
    const found = byClient.get(clientId);
    if (!found || found.state.version < version) {
      if (skipMissing) continue;
      return null;
    }
    const { row, state: before } = found;
    if (before.version > version) continue;
    const time = changes.reduce(
      (latest, change) => (change.time > latest ? change.time : latest),
      changes[0]!.time,
    );
    const next = replayEdit(before, changes, time, editContextOf(context, time));
    if (!next) continue;
    const cells: Partial<Record<CallsColumnKey, unknown>> = {
      nextAction: next.state.action,
      changedAt: next.plan.update.changedAt,
      attempts: next.state.attempts,
      state: encodeRowState({ ...next.state, row: row.rowNumber }, journal.sheetId, signer),
    };
    // The cadence's next call, unless the manager has typed another one since.
    const shown = stateText('nextCall', row.cells.nextCall, context.timeZone);
    if (next.plan.update.nextCall !== undefined && shown === before.cells.nextCall)
      cells.nextCall = next.plan.update.nextCall;
    writes.set(row.rowNumber, cells);
  }
  return writes;
}

/** Nothing of the batch was written: its reserved rows are given back if nobody appended since. */
function rollBackCursors(journal: Journal, workbookId: string, snapshot: Record<string, string>): void {
  const updates: Record<string, string> = {};
  const back = (key: string, reserved: Reservation | null) => {
    if (!reserved) return;
    const text = snapshot[key];
    if (!text) return;
    const cursor = JSON.parse(text) as { next: number };
    if (cursor.next === reserved.row + reserved.count)
      updates[key] = JSON.stringify({ ...cursor, next: reserved.row });
  };
  back(HISTORY_CURSOR, journal.history);
  back(logCursorKey(workbookId), journal.log);
  if (Object.keys(updates).length === 0) return;
  PropertiesService.getScriptProperties().setProperties(updates);
  Object.assign(snapshot, updates);
}

function forget(workbookId: string, snapshot: Record<string, string>): void {
  PropertiesService.getScriptProperties().deleteProperty(journalKey(workbookId));
  delete snapshot[journalKey(workbookId)];
}
