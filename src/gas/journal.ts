// Exactly once across failures: before a batch of row edits writes History, the Log and the rows'
// states (three writes, any of which can fail), a note of what it is about to do — the rows, their
// versions, the event ids and the rows reserved for them in History and the Log — is saved in
// script properties, in the same call that advances the cursors. The next execution that works on
// the workbook (an edit, reconcile, an administrator's tool) settles a note it finds before doing
// anything else: it reads back the reserved rows, writes what is missing of History or the Log,
// and advances the states of rows whose events were recorded, so nothing is lost and nothing is
// recorded twice, whichever write failed and whatever runs next.

import { isoDayInTimeZone, startOfDay } from '../core/calendar';
import { cellText } from '../core/cells';
import { parseEventField } from '../core/events';
import { replayEdit, type RecordedChange } from '../core/replay';
import { decodeRowState, encodeRowState, eventId, stateText, type RowState } from '../core/rowState';
import type { Signer } from '../core/signature';
import type { CallsColumnKey } from '../core/schema';
import { editContextOf, type WorkbookContext } from './context';
import { notePendingFlags, type PendingFlag } from './do-not-call';
import { HISTORY_CURSOR, logCursorKey, reservedA1, type Reservation } from './history';
import { findOption } from '../core/taxonomy';
import {
  CALLS_WIDTH,
  readWholeSheet,
  sheetRows,
  TEMPLATE_LAYOUT,
  writeBlock,
  type RowBlock,
} from './manager-rows';

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

/** Script properties hold at most 9 KB a value: a long note is split over numbered keys. */
const PART = 8000;

/** The properties that save a journal (to be set with the cursor updates, in one call). */
export function journalProperties(workbookId: string, journal: Journal): Record<string, string> {
  const text = JSON.stringify(journal);
  const key = journalKey(workbookId);
  const parts = Math.ceil(text.length / PART);
  const properties: Record<string, string> = { [key]: JSON.stringify({ parts }) };
  for (let index = 0; index < parts; index++)
    properties[`${key}#${index}`] = text.slice(index * PART, (index + 1) * PART);
  return properties;
}

/** The journal a snapshot holds for a workbook, or null. */
export function readJournal(snapshot: Readonly<Record<string, string>>, workbookId: string): Journal | null {
  const key = journalKey(workbookId);
  const head = snapshot[key];
  if (!head) return null;
  try {
    const { parts } = JSON.parse(head) as { parts: number };
    let text = '';
    for (let index = 0; index < parts; index++) text += snapshot[`${key}#${index}`] ?? '';
    return JSON.parse(text) as Journal;
  } catch {
    return null;
  }
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

/**
 * Settles the workbook's pending journal, if any (the caller holds the script lock). Safe to run
 * again after a failure of its own: every step checks what is already there.
 */
export function settleJournal(target: SettleTarget, snapshot: Record<string, string>): Settled | null {
  const { workbook, context } = target;
  const journal = readJournal(snapshot, context.workbookId);
  if (!journal) {
    if (snapshot[journalKey(context.workbookId)]) forget(context.workbookId, snapshot);
    return null;
  }
  const ids = journalIds(journal, context.campaignId);
  const history = journal.history ? readReserved(target.master(), journal.history) : [];
  const log = journal.log ? readReserved(workbook, journal.log) : [];
  const idAt = (rows: unknown[][], reserved: Reservation | null, index: number) =>
    reserved && reserved.idColumn >= 0 ? cellText(rows[index]?.[reserved.idColumn]) : '';
  const inHistory = ids.map((id, index) => idAt(history, journal.history, index) === id);
  const inLog = ids.map((id, index) => idAt(log, journal.log, index) === id);
  const committed = ids.map((_, index) => inHistory[index] === true || inLog[index] === true);

  if (!committed.some(Boolean)) {
    rollBackCursors(journal, context.workbookId, snapshot);
    forget(context.workbookId, snapshot);
    return { sheetId: journal.sheetId, rowNumbers: journal.rows.map(([row]) => row) };
  }
  // The side that missed its rows gets them, at the rows reserved for them, from the other side.
  const day = (time: unknown) =>
    time instanceof Date ? startOfDay(isoDayInTimeZone(time, context.timeZone), context.timeZone) : '';
  copyMissing(target.master(), journal.history, history, log, journal.log, inHistory, committed, day);
  copyMissing(workbook, journal.log, log, history, journal.history, inLog, committed, day);

  const recorded = recordedByRow(journal, ids, committed, inHistory, history, log);
  notePendingFlags(snapshot, doNotCallOf(context, recorded));
  advanceStates(target, journal, recorded);
  forget(context.workbookId, snapshot);
  const redo = journal.rows.filter(([, clientId, version]) => !recorded.has(`${clientId}|${version}`));
  return { sheetId: journal.sheetId, rowNumbers: redo.map(([row]) => row) };
}

function readReserved(spreadsheet: Spreadsheet, reserved: Reservation): unknown[][] {
  try {
    return spreadsheet.getRange(reservedA1(reserved)).getValues();
  } catch (error) {
    // The reserved rows are past the sheet's end: nothing was written there.
    if (/Range not found|out of bounds/i.test(error instanceof Error ? error.message : String(error)))
      return [];
    throw error;
  }
}

/** Rows of one side copied into the other side's reserved rows, for the events it lacks. */
function copyMissing(
  spreadsheet: Spreadsheet,
  into: Reservation | null,
  intoRows: unknown[][],
  fromRows: unknown[][],
  from: Reservation | null,
  present: readonly boolean[],
  committed: readonly boolean[],
  day: (time: unknown) => unknown,
): void {
  if (!into || !from || into.idColumn < 0) return;
  if (committed.every((isCommitted, index) => !isCommitted || present[index])) return;
  // Columns are matched by key; the Log's day is computed from the event's time.
  const values = committed.map((isCommitted, index) => {
    if (!(isCommitted && !present[index]))
      return into.keys.map((_, column) => intoRows[index]?.[column] ?? '');
    const source = fromRows[index] ?? [];
    const at = (key: string) => source[from.keys.indexOf(key)] ?? '';
    return into.keys.map((key) => (key === null ? '' : key === 'day' ? day(at('time')) : at(key)));
  });
  spreadsheet.getRange(reservedA1(into)).setValues(values);
}

/** The recorded changes of each journal row (client|version) whose events were committed. */
function recordedByRow(
  journal: Journal,
  ids: readonly string[],
  committed: readonly boolean[],
  inHistory: readonly boolean[],
  history: unknown[][],
  log: unknown[][],
): Map<string, RecordedChange[]> {
  const result = new Map<string, RecordedChange[]>();
  let index = 0;
  for (const [, clientId, version, fields] of journal.rows) {
    for (let n = 0; n < fields.length; n++, index++) {
      if (!committed[index]) continue;
      const fromHistory = inHistory[index] === true;
      const reserved = fromHistory ? journal.history : journal.log;
      const row = (fromHistory ? history : log)[index] ?? [];
      const at = (key: string) => row[reserved?.keys.indexOf(key) ?? -1];
      const field = parseEventField(at('field'));
      const time = at('time');
      if (!field || !(time instanceof Date) || ids[index] === undefined) continue;
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
  const range = sheet.getRange(first, 1, last - first + 1, CALLS_WIDTH);
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
    const whole = readWholeSheet(sheet);
    writes = whole ? plannedAdvances(target, journal, recorded, whole) : null;
    if (!whole || writes === null)
      throw new Error(`settle: a recorded row of sheet ${journal.sheetId} is gone`);
    block = whole;
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
    if (!found) return null;
    const { row, state: before } = found;
    if (before.version > version) continue;
    if (before.version < version) return null;
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
