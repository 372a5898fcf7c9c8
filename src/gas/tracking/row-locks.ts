// The rows of a manager sheet as the script finds and locks them: a block's rows by the client
// their signed state names, runs of adjacent rows (one range each), and the do-not-call row locks
// (a range protection without the manager on the row's input cells), kept in step with the flags.

import { t, type Lang } from '../../core/messages';
import { decodeRowState } from '../../core/rowState';
import { CALLS_EDITABLE_BLOCK } from '../../core/schema';
import type { ManagerSheetRef } from './context';
import { sheetRows, type RowBlock } from './manager-rows';
import type { Session } from './recording';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INPUT_COLUMN = CALLS_EDITABLE_BLOCK.first + 1;
export const INPUT_WIDTH = CALLS_EDITABLE_BLOCK.width;

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

/** The sheet rows of a block's clients, by the client each row's signed state names. */
export function rowsByClient(session: Session, sheetId: number, block: RowBlock): Map<string, number> {
  const rows = new Map<string, number>();
  for (const row of sheetRows(block.values, block.firstRow, block.layout)) {
    const decoded = decodeRowState(row.cells.state, sheetId, session.signer);
    if (decoded.ok && !rows.has(decoded.state.clientId)) rows.set(decoded.state.clientId, row.rowNumber);
  }
  return rows;
}

/** Locks the input cells of every do-not-call client's row on the sheet, and only those. */
export function lockDoNotCallRows(
  session: Session,
  sheet: Sheet,
  ref: ManagerSheetRef,
  block: RowBlock,
  doNotCall: ReadonlySet<string>,
): void {
  const locked = new Map(
    [...rowsByClient(session, ref.sheetId, block)].filter(([clientId]) => doNotCall.has(clientId)),
  );
  syncRowLocks(sheet, locked, INPUT_COLUMN, INPUT_WIDTH, ref.manager, session.context.lang);
}

const LOCK_PATTERN = /C-\d+/;

/**
 * Makes the do-not-call row locks of a manager sheet match `locked` (client ID → sheet row): the
 * input cells of those rows get a range protection without the manager, so they cannot be edited;
 * locks of other rows are removed. A lock is recognised by its description, which names the client.
 */
export function syncRowLocks(
  sheet: Sheet,
  locked: ReadonlyMap<string, number>,
  inputColumn: number,
  inputWidth: number,
  manager: string,
  lang: Lang,
): void {
  const prefix = t(lang, 'protection.doNotCall', { clientId: '' });
  const kept = new Set<string>();
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = protection.getDescription();
    if (!description.startsWith(prefix)) continue;
    const clientId = LOCK_PATTERN.exec(description)?.[0] ?? '';
    const row = locked.get(clientId);
    if (row !== undefined && protection.getRange().getRow() === row && !kept.has(clientId)) {
      kept.add(clientId);
      // A lock a failed run left half-made still lets the manager in: shut them out again.
      protection.removeEditors([manager]);
    } else protection.remove();
  }
  for (const [clientId, row] of locked) {
    if (kept.has(clientId)) continue;
    const protection = sheet.getRange(row, inputColumn, 1, inputWidth).protect();
    protection.setDescription(t(lang, 'protection.doNotCall', { clientId }));
    protection.removeEditors([manager]);
  }
}
