// Fills what a client typed or pasted straight into Clients lacks (a stable ID, the normalised
// phone) in place, with one write per column; nothing is written when nothing is missing.

import { completeClientRows } from '../core/clientRows';
import type { Lang } from '../core/messages';
import { CLIENTS_SHEET } from '../core/schema';
import { requireSheet, type ClientsTable } from './master-data';
import { cell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads Clients (or takes the table just read), completes it, and returns it as it now is. */
export function completeClients(master: Spreadsheet, lang: Lang, read?: ClientsTable): ClientsTable {
  const table = read ?? requireSheet(master, CLIENTS_SHEET, lang);
  const completed = completeClientRows(
    table.rows.map((row) => ({
      id: cell(table, row, 'id'),
      organisation: cell(table, row, 'organisation'),
      phone: cell(table, row, 'phone'),
      phoneE164: cell(table, row, 'phoneE164'),
      email: cell(table, row, 'email'),
    })),
  );
  if (completed.length === 0) return table;
  for (const key of ['id', 'phoneE164'] as const) {
    const column = table.map[key];
    if (column === undefined) continue;
    for (const entry of completed) {
      const row = table.rows[entry.index];
      if (row) row[column] = entry[key];
    }
    // One block from the first to the last completed row; rows between keep the values just read.
    const rowNumbers = completed.map((entry) => table.rowNumbers[entry.index] ?? 0);
    const first = Math.min(...rowNumbers);
    const last = Math.max(...rowNumbers);
    const byRow = new Map(table.rowNumbers.map((number, index) => [number, table.rows[index]]));
    const values = Array.from({ length: last - first + 1 }, (_, offset) => [
      byRow.get(first + offset)?.[column] ?? '',
    ]);
    table.sheet.getRange(first, column + 1, values.length, 1).setValues(values);
  }
  return table;
}
