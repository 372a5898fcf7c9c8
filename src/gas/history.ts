// Appending events to the master's History and a workbook's Log. Both are append-only. For each
// sheet a cursor (the next free row and the column order read from its header row) is kept in
// script properties and advanced under the script lock, so an append costs one range and one
// write however many events it carries. A sheet that is too short grows by a block formatted as
// plain text, so appended text never turns into a formula or a number.

import { isoDayInTimeZone, startOfDay } from '../core/calendar';
import { ProzvonError } from '../core/errors';
import { t, type Lang } from '../core/messages';
import { HISTORY_SHEET, LOG_SHEET, mapHeaders, type ColumnSpec } from '../core/schema';
import { findSheet } from './sheets';
import { numberFormatFor } from './table';

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
  try {
    const value = JSON.parse(text) as Partial<Cursor>;
    if (typeof value.sheetName === 'string' && Number.isInteger(value.next) && Array.isArray(value.keys)) {
      return value as Cursor;
    }
  } catch {
    // A damaged cursor is rebuilt from the sheet below.
  }
  return null;
}

/** Reads a cursor from the sheet itself: its header row and last row (done once, then kept). */
function cursorFromSheet(sheet: Sheet, columns: readonly ColumnSpec[]): Cursor {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const map = mapHeaders(header, columns) as Record<string, number | undefined>;
  const keys = header.map((_, index) => columns.find((column) => map[column.key] === index)?.key ?? null);
  return { sheetName: sheet.getName(), next: sheet.getLastRow() + 1, keys };
}

function a1(sheetName: string, firstRow: number, lastRow: number, width: number): string {
  let letters = '';
  for (let rest = width; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return `'${sheetName.replace(/'/g, "''")}'!A${firstRow}:${letters}${lastRow}`;
}

/** Writes rows at the cursor; one getRange and one setValues unless the sheet must grow first. */
function writeAtCursor(
  spreadsheet: Spreadsheet,
  cursor: Cursor,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  lang: Lang,
): void {
  const width = cursor.keys.length;
  const lastRow = cursor.next + rows.length - 1;
  const values = rows.map((row) => cursor.keys.map((key) => (key === null ? '' : (row[key] ?? ''))));
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = spreadsheet.getRange(a1(cursor.sheetName, cursor.next, lastRow, width));
  } catch {
    // Past the sheet's last row (or the sheet was renamed): find it, grow it, format the new rows.
    const sheet = spreadsheet.getSheetByName(cursor.sheetName);
    if (!sheet) throw new ProzvonError('error.masterNotSetUp');
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) {
      const grow = Math.max(GROWTH, lastRow - maxRows);
      sheet.insertRowsAfter(maxRows, grow);
      const kinds = cursor.keys.map((key) => columns.find((column) => column.key === key)?.kind ?? 'text');
      const format = kinds.map((kind) => numberFormatFor(kind, lang));
      sheet
        .getRange(maxRows + 1, 1, grow, width)
        .setNumberFormats(Array.from({ length: grow }, () => format));
    }
    range = sheet.getRange(cursor.next, 1, rows.length, width);
  }
  range.setValues(values);
}

export interface AppendTarget {
  readonly master: Spreadsheet;
  readonly lang: Lang;
  /** The workbook whose Log receives the events too (omitted for master-only events). */
  readonly workbook?: { readonly spreadsheet: Spreadsheet; readonly id: string; readonly timeZone: string };
}

/**
 * Appends events to History and (when a workbook is given) to its Log; `logRecords` defaults to
 * the same events. The caller holds the script lock, and `snapshot` is the script properties as
 * read after taking it: the cursors are read from it, advanced and saved *before* the rows are
 * written, so a failure half-way leaves at worst an empty row, never an overwritten one.
 * Returns the saved cursor properties, for a caller that appends again in the same lock.
 */
export function appendEvents(
  target: AppendTarget,
  records: readonly EventRecord[],
  snapshot: Readonly<Record<string, string>>,
  logRecords: readonly EventRecord[] = records,
): Record<string, string> {
  const updates: Record<string, string> = {};
  const writes: Array<() => void> = [];

  if (target.workbook && logRecords.length > 0) {
    const { spreadsheet, id, timeZone } = target.workbook;
    const key = logCursorKey(id);
    const cursor =
      parseCursor(snapshot[key]) ??
      cursorFromSheet(requireSheet(spreadsheet, LOG_SHEET.name), LOG_SHEET.columns);
    const withDay = logRecords.map((record) => ({
      ...record,
      day: startOfDay(isoDayInTimeZone(record.time, timeZone), timeZone),
    }));
    updates[key] = JSON.stringify({ ...cursor, next: cursor.next + logRecords.length });
    writes.push(() => writeAtCursor(spreadsheet, cursor, withDay, LOG_SHEET.columns, target.lang));
  }

  if (records.length > 0) {
    const cursor =
      parseCursor(snapshot[HISTORY_CURSOR]) ??
      cursorFromSheet(requireSheet(target.master, HISTORY_SHEET.name), HISTORY_SHEET.columns);
    const rows = records as readonly unknown[] as readonly Record<string, unknown>[];
    updates[HISTORY_CURSOR] = JSON.stringify({ ...cursor, next: cursor.next + records.length });
    writes.push(() => writeAtCursor(target.master, cursor, rows, HISTORY_SHEET.columns, target.lang));
  }

  if (writes.length === 0) return updates;
  PropertiesService.getScriptProperties().setProperties(updates);
  for (const write of writes) write();
  return updates;
}

function requireSheet(spreadsheet: Spreadsheet, name: Parameters<typeof findSheet>[1]): Sheet {
  const sheet = findSheet(spreadsheet, name);
  if (!sheet) throw new ProzvonError('error.masterNotSetUp');
  return sheet;
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
  const lock = LockService.getScriptLock();
  lock.waitLock(timeoutMs);
  try {
    return work(PropertiesService.getScriptProperties().getProperties());
  } finally {
    lock.releaseLock();
  }
}
