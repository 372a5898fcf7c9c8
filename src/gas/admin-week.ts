// Changes the administrator's tools make to the active weekly workbooks: setting or clearing a
// row's do-not-call outcome through the same state/event machinery as a manager's edit (so reconcile
// never records it twice), and runs of rows cleared or appended. Per sheet: one read, one write
// per block of adjacent rows.

import { cellText, labelKey } from '../core/cells';
import { CALLS_EDITABLE_BLOCK, CALLS_SHEET_COLUMNS, mapHeaders } from '../core/schema';
import { labelsWithMeaning } from '../core/taxonomy';
import { syncRowLocks } from './admin-common';
import type { WorkbookContext } from './context';
import { eventsOf, sheetChanges, writeBack, type SheetChanges } from './edits';
import type { EventRecord } from './history';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const CALLS_WIDTH = CALLS_SHEET_COLUMNS.length;
export const INPUT_COLUMN = CALLS_EDITABLE_BLOCK.first + 1;
export const INPUT_WIDTH = CALLS_EDITABLE_BLOCK.width;

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Runs of adjacent row numbers, so a block of rows costs one range. */
export function runsOf(rows: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<{ first: number; count: number }> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === row) last.count += 1;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}

/** A manager sheet's rows by client ID (sheet row numbers). */
export function rowsByClient(values: readonly (readonly unknown[])[]): Map<string, number> {
  const map = mapHeaders(values[0] ?? [], CALLS_SHEET_COLUMNS);
  const index = map.clientId ?? 1;
  const rows = new Map<string, number>();
  values.forEach((row, position) => {
    const id = cellText(row[index]);
    if (position > 0 && id !== '' && !rows.has(id)) rows.set(id, position + 1);
  });
  return rows;
}

export interface OutcomeChange {
  readonly sheet: Sheet;
  readonly values: unknown[][];
  readonly changes: SheetChanges;
  readonly events: EventRecord[];
  readonly manager: string;
}

/**
 * Sets (or, for `undo`, clears if it still holds it) the do-not-call outcome of the clients' rows
 * on one manager sheet and plans their events with the edit machinery. The outcome cells are
 * written now; the caller appends the events and then calls `finishOutcomeChange`.
 */
export function changeOutcome(
  sheet: Sheet,
  context: WorkbookContext,
  manager: string,
  clientIds: ReadonlySet<string>,
  undo: boolean,
  editedBy: string,
): OutcomeChange | null {
  const values = sheet.getDataRange().getValues();
  const map = mapHeaders(values[0] ?? [], CALLS_SHEET_COLUMNS);
  const outcomeIndex = map.outcome;
  if (outcomeIndex === undefined) return null;
  const labels = labelsWithMeaning(context.taxonomy, 'outcome', ['DO_NOT_CALL'], context.lang);
  const label = labels[0] ?? '';
  const isDoNotCall = (value: unknown) => labels.some((l) => labelKey(l) === labelKey(cellText(value)));
  const touched: number[] = [];
  for (const [clientId, rowNumber] of rowsByClient(values)) {
    if (!clientIds.has(clientId)) continue;
    const row = values[rowNumber - 1];
    if (!row) continue;
    if (!undo && !isDoNotCall(row[outcomeIndex])) row[outcomeIndex] = label;
    else if (undo && isDoNotCall(row[outcomeIndex])) row[outcomeIndex] = '';
    else continue;
    touched.push(rowNumber);
  }
  if (touched.length === 0) return null;
  for (const run of runsOf(touched)) {
    sheet
      .getRange(run.first, outcomeIndex + 1, run.count, 1)
      .setValues(values.slice(run.first - 1, run.first - 1 + run.count).map((row) => [row[outcomeIndex]]));
  }
  const now = new Date();
  const all = sheetChanges(values, context, () => manager, now);
  const touchedSet = new Set(touched);
  const changes: SheetChanges = {
    map: all.map,
    rows: all.rows.filter((row) => touchedSet.has(row.plan.rowNumber)),
    restores: all.restores.filter((restore) => touchedSet.has(restore.rowNumber)),
  };
  const events = eventsOf(changes, context, now, () => editedBy, 'system');
  return { sheet, values, changes, events, manager };
}

/** Advances the rows' state once their events are in History, then locks the do-not-call rows. */
export function finishOutcomeChange(
  change: OutcomeChange,
  context: WorkbookContext,
  doNotCall: ReadonlySet<string>,
): void {
  writeBack(change.sheet, change.values, change.changes, context);
  lockDoNotCallRows(change.sheet, change.values, doNotCall, change.manager, context);
}

/** Locks the input cells of every do-not-call client's row on the sheet, and only those. */
export function lockDoNotCallRows(
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  doNotCall: ReadonlySet<string>,
  manager: string,
  context: WorkbookContext,
): void {
  const locked = new Map([...rowsByClient(values)].filter(([clientId]) => doNotCall.has(clientId)));
  syncRowLocks(sheet, locked, INPUT_COLUMN, INPUT_WIDTH, manager, context.lang);
}
