// Appending events to the master's History and a workbook's Log. Both are append-only. For each
// sheet a cursor (the next free row and the column order read from its header row) is kept in
// script properties and advanced under the script lock, so an append costs one range and one
// write however many events it carries. A sheet that is too short grows by a block formatted as
// plain text, so appended text never turns into a formula or a number.

import { underScriptLock } from '../io/lock';
import { isCellLimit, rethrowTimeLimit } from '../io/errors';
import { parseJson } from '../../core/json';
import { rowsA1 } from '../../core/a1';
import { isoDayInTimeZone, startOfDay } from '../../core/calendar';
import { ProzvonError } from '../../core/errors';
import { t, type Lang } from '../../core/messages';
import type { RecentEvent } from '../../core/toolEvents';
import { HISTORY_SHEET, LOG_SHEET, mapHeaders, type ColumnSpec } from '../../core/schema';
import { findSheet } from '../io/sheets';
import { numberFormatFor } from '../io/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One History / Log row, by column key. Field and source are the texts people read. */
export interface EventRecord {
  readonly time: Date;
  readonly campaign: string;
  readonly team: string;
  readonly manager: string;
  readonly clientId: string;
  readonly organisation: string;
  readonly field: string;
  readonly old: string;
  readonly new: string;
  readonly code: string;
  readonly editedBy: string;
  readonly source: string;
  /** See core/rowState eventId; '' for events that are not row edits (imports, system). */
  readonly eventId: string;
  /** 1 on the event that makes the client's contact of the day (see core/contacts); '' or absent otherwise. */
  readonly contact?: 1 | '';
  /** On a feedback answer about an earlier week's seminar: that campaign (core/feedback); else ''. */
  readonly rates?: string;
}

export type EventSource = 'edit' | 'paste' | 'reconcile' | 'import' | 'system';

export function sourceLabel(source: EventSource, lang: Lang): string {
  return t(lang, `source.${source}`);
}

/** Rows added at once when History or a Log runs out of rows. */
const GROWTH = 1000;

export const HISTORY_CURSOR = 'prozvon.cursor.history';
export const logCursorKey = (workbookId: string): string => `prozvon.cursor.log.${workbookId}`;

/** Where the next append goes, and which column key sits in each sheet column. */
interface Cursor {
  readonly sheetName: string;
  readonly next: number;
  /** Column keys in sheet order; null for columns Prozvon does not know. */
  readonly keys: readonly (string | null)[];
}

function parseCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  // A damaged cursor reads as none, and is rebuilt from the sheet.
  const value = (parseJson(text) ?? {}) as Partial<Cursor>;
  return typeof value.sheetName === 'string' && Number.isInteger(value.next) && Array.isArray(value.keys)
    ? (value as Cursor)
    : null;
}

/** Reads a cursor from the sheet itself: its header row and last row (done once, then kept). */
function cursorFromSheet(sheet: Sheet, columns: readonly ColumnSpec[]): Cursor {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const map = mapHeaders(header, columns) as Record<string, number | undefined>;
  const keys = header.map((_, index) => columns.find((column) => map[column.key] === index)?.key ?? null);
  return { sheetName: sheet.getName(), next: sheet.getLastRow() + 1, keys };
}

/**
 * History's cursor from the sheet, refused when its header row no longer names the event's
 * identity (deleted, so an event row reads as the header, or typed over): appends would write
 * rows Prozvon cannot read back, so the events wait on the managers' sheets instead.
 */
function historyCursorFromSheet(sheet: Sheet): Cursor {
  const cursor = cursorFromSheet(sheet, HISTORY_SHEET.columns);
  const identity = ['time', 'campaign', 'clientId', 'field'];
  if (identity.some((key) => !cursor.keys.includes(key)))
    throw new ProzvonError('history.headerDamaged', { sheet: sheet.getName() });
  return cursor;
}

/** Where a batch of events goes: the rows reserved for it, and where its event ids are. */
export interface Reservation {
  readonly sheetName: string;
  readonly row: number;
  readonly count: number;
  readonly width: number;
  /** 0-based column of the event id (-1 when the sheet has none). */
  readonly idColumn: number;
  /** Column keys in sheet order (null for columns Prozvon does not know). */
  readonly keys: readonly (string | null)[];
}

function reservation(cursor: Cursor, count: number): Reservation {
  return {
    sheetName: cursor.sheetName,
    row: cursor.next,
    count,
    width: cursor.keys.length,
    idColumn: cursor.keys.indexOf('eventId'),
    keys: cursor.keys,
  };
}

/** The A1 range of a reservation's rows (for reading them back). */
export function reservedA1(reserved: Reservation): string {
  return rowsA1(reserved.sheetName, reserved.row, reserved.row + reserved.count - 1, reserved.width);
}

/**
 * Writes rows at the cursor; one getRange and one setValues unless the sheet must grow first or
 * was renamed (then `locate` finds it). Returns the sheet's name as found.
 */
function writeAtCursor(
  spreadsheet: Spreadsheet,
  cursor: Cursor,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  lang: Lang,
  locate: () => Sheet,
): string {
  const width = cursor.keys.length;
  const lastRow = cursor.next + rows.length - 1;
  const values = rows.map((row) => cursor.keys.map((key) => (key === null ? '' : (row[key] ?? ''))));
  let range: GoogleAppsScript.Spreadsheet.Range;
  let name = cursor.sheetName;
  try {
    range = spreadsheet.getRange(rowsA1(cursor.sheetName, cursor.next, lastRow, width));
  } catch (error) {
    if (!isRangeNotFound(error)) throw error;
    // Past the sheet's last row, or the sheet was renamed: find it, grow it, format the new rows.
    const sheet = locate();
    name = sheet.getName();
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) {
      const need = lastRow - maxRows;
      growEventSheet(sheet, maxRows, Math.max(GROWTH, need), need, cursor.keys, columns, lang);
    }
    range = sheet.getRange(cursor.next, 1, rows.length, width);
  }
  range.setValues(values);
  return name;
}

/** Free rows History and each Log keep below their last event, so that edits never grow them. */
export const HEADROOM = 3000;

/**
 * Grows an event sheet ahead of need (the nightly job, a new campaign): when fewer than `rows`
 * free rows are left below the cursor `cursorKey` of `snapshot`, rows are added and formatted, so
 * that the day's edits each stay one write. Two calls when there is room, four when it grows.
 */
export function keepHeadroom(
  sheet: Sheet,
  snapshot: Readonly<Record<string, string>>,
  cursorKey: string,
  columns: readonly ColumnSpec[],
  lang: Lang,
  rows = HEADROOM,
): void {
  const cursor = parseCursor(snapshot[cursorKey]);
  if (!cursor || cursor.sheetName !== sheet.getName()) return;
  const maxRows = sheet.getMaxRows();
  const free = maxRows - cursor.next + 1;
  if (free >= rows) return;
  const need = rows - free;
  growEventSheet(sheet, maxRows, Math.ceil(need / GROWTH) * GROWTH, need, cursor.keys, columns, lang);
}

/**
 * Adds `preferred` formatted rows below an event sheet's last one, or only the `need`ed ones when
 * the spreadsheet has no room for more (Google's 10 million cells).
 * @throws ProzvonError history.full when not even those fit: nothing more can be recorded there
 */
function growEventSheet(
  sheet: Sheet,
  maxRows: number,
  preferred: number,
  need: number,
  keys: readonly (string | null)[],
  columns: readonly ColumnSpec[],
  lang: Lang,
): void {
  let grow = preferred;
  try {
    sheet.insertRowsAfter(maxRows, grow);
  } catch (error) {
    if (!isCellLimit(error)) throw error;
    if (need >= preferred) throw new ProzvonError('history.full', { sheet: sheet.getName() });
    grow = need;
    try {
      sheet.insertRowsAfter(maxRows, grow);
    } catch (again) {
      if (!isCellLimit(again)) throw again;
      throw new ProzvonError('history.full', { sheet: sheet.getName() });
    }
  }
  const kinds = keys.map((key) => columns.find((column) => column.key === key)?.kind ?? 'text');
  const format = kinds.map((kind) => numberFormatFor(kind, lang));
  sheet
    .getRange(maxRows + 1, 1, grow, keys.length)
    .setNumberFormats(Array.from({ length: grow }, () => format));
}

/** Google's answer to an A1 range on a sheet that does not exist, or past its last row. */
function isRangeNotFound(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Range not found|out of bounds/i.test(message);
}

/** Where a workbook's Log is, and how to rebuild it when someone deleted it. */
export interface LogTarget {
  readonly spreadsheet: Spreadsheet;
  readonly id: string;
  readonly timeZone: string;
  /** The Log sheet, found by its id (or rebuilt); called only when its name no longer works. */
  readonly locate: () => Sheet;
}

export interface AppendTarget {
  /** The master, or how to open it (opened only when History gets rows). */
  readonly master: Spreadsheet | (() => Spreadsheet);
  readonly lang: Lang;
  /** The workbook whose Log receives the events too (omitted for master-only events). */
  readonly workbook?: LogTarget;
}

export interface AppendPlan {
  /** The cursor properties after the append (to be saved before anything is written). */
  readonly updates: Record<string, string>;
  readonly history: Reservation | null;
  readonly log: Reservation | null;
  readonly writeHistory: () => void;
  readonly writeLog: () => void;
  /** Writes the rows: History first, then the Log. */
  readonly write: () => void;
}

function masterOf(target: AppendTarget): () => Spreadsheet {
  let opened: Spreadsheet | null = null;
  return () => (opened ??= typeof target.master === 'function' ? target.master() : target.master);
}

/**
 * Plans an append of events to History and (when a workbook is given) to its Log; `logRecords`
 * defaults to the same events. The caller holds the script lock, and `snapshot` is the script
 * properties read after taking it: the cursors come from it and advance in `updates`, which the
 * caller saves *before* calling `write`, so a failure half-way leaves at worst empty rows, never an
 * overwritten one.
 */
export function planAppend(
  target: AppendTarget,
  records: readonly EventRecord[],
  snapshot: Readonly<Record<string, string>>,
  logRecords: readonly EventRecord[] = records,
  historyNotBefore = 0,
): AppendPlan {
  const updates: Record<string, string> = {};
  let writeHistory = () => {};
  let writeLog = () => {};
  const master = masterOf(target);
  let history: Reservation | null = null;
  let log: Reservation | null = null;

  if (records.length > 0) {
    const locate = () => {
      const sheet = findSheet(master(), HISTORY_SHEET.name);
      if (!sheet) throw new ProzvonError('history.missing');
      return sheet;
    };
    const found = parseCursor(snapshot[HISTORY_CURSOR]) ?? historyCursorFromSheet(locate());
    const cursor = { ...found, next: Math.max(found.next, historyNotBefore) };
    const rows = records as readonly unknown[] as readonly Record<string, unknown>[];
    updates[HISTORY_CURSOR] = JSON.stringify({ ...cursor, next: cursor.next + records.length });
    history = reservation(cursor, records.length);
    writeHistory = () => {
      const name = writeAtCursor(master(), cursor, rows, HISTORY_SHEET.columns, target.lang, locate);
      if (name !== cursor.sheetName) saveCursorName(HISTORY_CURSOR, cursor, records.length, name);
    };
  }

  if (target.workbook && logRecords.length > 0) {
    const { spreadsheet, id, timeZone, locate } = target.workbook;
    const key = logCursorKey(id);
    const cursor = parseCursor(snapshot[key]) ?? cursorFromSheet(locate(), LOG_SHEET.columns);
    const withDay = logRecords.map((record) => ({
      ...record,
      day: startOfDay(isoDayInTimeZone(record.time, timeZone), timeZone),
    }));
    updates[key] = JSON.stringify({ ...cursor, next: cursor.next + logRecords.length });
    log = reservation(cursor, logRecords.length);
    writeLog = () => {
      const name = writeAtCursor(spreadsheet, cursor, withDay, LOG_SHEET.columns, target.lang, locate);
      if (name !== cursor.sheetName) saveCursorName(key, cursor, logRecords.length, name);
    };
  }
  return {
    updates,
    history,
    log,
    writeHistory,
    writeLog,
    write: () => {
      writeHistory();
      writeLog();
    },
  };
}

/** A sheet found under another name: later appends go there straight away. */
function saveCursorName(key: string, cursor: Cursor, appended: number, sheetName: string): void {
  PropertiesService.getScriptProperties().setProperty(
    key,
    JSON.stringify({ ...cursor, sheetName, next: cursor.next + appended }),
  );
}

/**
 * Appends events at once (events that are not row edits: imports, administrators' tools): saves
 * the cursors, then writes. Returns the saved cursor properties, for a caller that appends again
 * in the same lock.
 */
export function appendEvents(
  target: AppendTarget,
  records: readonly EventRecord[],
  snapshot: Readonly<Record<string, string>>,
  logRecords: readonly EventRecord[] = records,
): Record<string, string> {
  const plan = planAppend(target, records, snapshot, logRecords);
  if (plan.history === null && plan.log === null) return plan.updates;
  PropertiesService.getScriptProperties().setProperties(plan.updates);
  plan.write();
  return plan.updates;
}

/**
 * Cursors known without reading the sheets: a new workbook's Log (empty, laid out by the template)
 * and History as just read by the caller. A History cursor already kept is never replaced: other
 * appends may have moved it on since the caller's read. The caller holds the script lock.
 */
export function seedCursors(
  snapshot: Readonly<Record<string, string>>,
  workbookId: string,
  lang: Lang,
  history: {
    readonly sheetName: string;
    readonly lastRow: number;
    readonly header: readonly unknown[];
  } | null,
): void {
  const updates: Record<string, string> = {};
  const log: Cursor = {
    sheetName: t(lang, LOG_SHEET.name),
    next: 2,
    keys: LOG_SHEET.columns.map((column) => column.key),
  };
  updates[logCursorKey(workbookId)] = JSON.stringify(log);
  if (history && !parseCursor(snapshot[HISTORY_CURSOR])) {
    const map = mapHeaders(history.header, HISTORY_SHEET.columns) as Record<string, number | undefined>;
    const keys = history.header.map(
      (_, index) => HISTORY_SHEET.columns.find((column) => map[column.key] === index)?.key ?? null,
    );
    updates[HISTORY_CURSOR] = JSON.stringify({
      sheetName: history.sheetName,
      next: history.lastRow + 1,
      keys,
    });
  }
  PropertiesService.getScriptProperties().setProperties(updates);
}

/** Forgets History's cursor (someone edited History): the next append reads the sheet's end again. */
export function forgetHistoryCursor(): void {
  PropertiesService.getScriptProperties().deleteProperty(HISTORY_CURSOR);
}

/** Forgets the cursors, so the next append reads the sheets again (after set-up or a repair). */
export function resetCursors(workbookIds: readonly string[]): void {
  const properties = PropertiesService.getScriptProperties();
  properties.deleteProperty(HISTORY_CURSOR);
  for (const id of workbookIds) properties.deleteProperty(logCursorKey(id));
}

/** Takes the script lock and the property snapshot, runs `work`, and always releases the lock. */
export function withScriptLock<T>(
  timeoutMs: number,
  work: (snapshot: Readonly<Record<string, string>>) => T,
): T {
  return underScriptLock(timeoutMs, () => work(PropertiesService.getScriptProperties().getProperties()));
}

/**
 * The last `count` events before History's cursor, oldest first (one call; two when no cursor is
 * kept yet). An administrator's tool retried after a failure reads it to leave out the events its
 * first attempt wrote: they are among the latest, since the tool runs under the script lock.
 */
export function recentHistory(
  master: Spreadsheet,
  snapshot: Readonly<Record<string, string>>,
  count = 500,
): RecentEvent[] {
  const locate = () => {
    const sheet = findSheet(master, HISTORY_SHEET.name);
    if (!sheet) throw new ProzvonError('history.missing');
    return sheet;
  };
  const cursor = parseCursor(snapshot[HISTORY_CURSOR]) ?? historyCursorFromSheet(locate());
  const first = Math.max(2, cursor.next - count);
  if (cursor.next <= first) return [];
  let values: unknown[][];
  try {
    values = master
      .getRange(rowsA1(cursor.sheetName, first, cursor.next - 1, cursor.keys.length))
      .getValues();
  } catch (error) {
    rethrowTimeLimit(error); // else renamed since the cursor was written: found again by its name
    const sheet = locate();
    values = sheet.getRange(first, 1, cursor.next - first, cursor.keys.length).getValues();
  }
  const at = (row: unknown[], key: string) => {
    const index = cursor.keys.indexOf(key);
    return index < 0 ? '' : row[index];
  };
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  return values.map((row) => ({
    campaign: text(at(row, 'campaign')),
    clientId: text(at(row, 'clientId')),
    field: at(row, 'field'),
    old: text(at(row, 'old')).toLowerCase(),
    new: text(at(row, 'new')).toLowerCase(),
  }));
}
