// Flags clients do-not-call in the master's Clients sheet (flag, reason, date, by whom), so that
// no later campaign of any team offers them again. Used by the edit handler when a manager picks
// a do-not-call outcome, and by the administrator's do-not-call tool.

import { cellText } from '../core/cells';
import { t, type Lang } from '../core/messages';
import { CLIENTS_SHEET } from '../core/schema';
import { readFlag, requireSheet } from './master-data';
import { cell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DoNotCallMark {
  readonly clientId: string;
  readonly reason: string;
  readonly by: string;
}

/**
 * Sets the flag on each client not yet flagged; returns the ids flagged now. Reads Clients once and
 * writes each client's four adjacent flag cells (flag, reason, date, by) with one range.
 */
export function markDoNotCall(master: Spreadsheet, lang: Lang, marks: readonly DoNotCallMark[]): string[] {
  if (marks.length === 0) return [];
  const table = requireSheet(master, CLIENTS_SHEET);
  const columns = ['doNotCall', 'doNotCallReason', 'doNotCallDate', 'doNotCallBy'] as const;
  const indexes = columns.map((key) => table.map[key]);
  const first = indexes[0];
  const adjacent = first !== undefined && indexes.every((index, offset) => index === first + offset);
  const flagged: string[] = [];
  const now = new Date();
  for (const mark of marks) {
    const position = table.rows.findIndex((row) => cellText(cell(table, row, 'id')) === mark.clientId);
    const row = table.rows[position];
    const rowNumber = table.rowNumbers[position];
    if (!row || rowNumber === undefined || readFlag(cell(table, row, 'doNotCall'), false)) continue;
    const values = [t(lang, 'value.yes'), mark.reason, now, mark.by];
    if (adjacent && first !== undefined) {
      table.sheet.getRange(rowNumber, first + 1, 1, values.length).setValues([values]);
    } else {
      // Columns moved apart by hand: one cell at a time, still correct.
      columns.forEach((key, index) => {
        const column = table.map[key];
        if (column !== undefined) table.sheet.getRange(rowNumber, column + 1).setValue(values[index]);
      });
    }
    flagged.push(mark.clientId);
  }
  return flagged;
}
